"""The format comes from the signature, never from the name; refusals say what the file is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photodesk.metadata.sniff import describe, sniff
from tests.metadata import crafted

SIGNATURES = [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    (b"II*\x00\x08\x00\x00\x00", "tiff"),
    (b"MM\x00*\x00\x00\x00\x08", "tiff"),
    (b"II+\x00\x08\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00", "tiff"),  # BigTIFF
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
    (b"RIFF\x00\x10\x00\x00WEBPVP8 ", "webp"),
    (b"8BPS\x00\x01\x00\x00\x00\x00\x00\x00", "psd"),
    (b"8BPS\x00\x02\x00\x00\x00\x00\x00\x00", "psd"),  # PSB
    (b"GIF89a\x08\x00\x08\x00", "gif"),
    (b"GIF87a\x08\x00\x08\x00", "gif"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1", "heic"),
    (b"\x00\x00\x00\x28ftypheix\x00\x00\x00\x00mif1heixmiafMiHAjpegSHIF", "heic"),  # Sony .HIF
    (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heichevc", "heic"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "avif"),
    (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif", "avif"),
    (b"\x00\x00\x00\x14ftypmif1\x00\x00\x00\x00mif1", "heic"),  # generic HEIF
]


@pytest.mark.parametrize(("head", "kind"), SIGNATURES)
def test_signatures(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


NOT_IMAGES = [
    (b"", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3", "not an image file (looks like PDF)"),
    (b"PK\x03\x04\x14\x00", "not an image file (looks like ZIP archive)"),
    (b"<!DOCTYPE html><html>", "not an image file (looks like HTML)"),
    (b"  <html><body>404", "not an image file (looks like HTML)"),
    (b'{"error": "not found"}', "not an image file (looks like JSON)"),
    (b"Caption: a crane lifts", "not an image file (looks like text)"),
    (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "not an image file (looks like video"),
    (b"GIF89a", "GIF is not supported"),
    (b"BM\x36\x00\x00\x00", "BMP is not supported"),
    (b"\xff\xd8\x2e\x30\x00", "broken JPEG (no marker after the start of image)"),
    (b"\x00\x01\x02\x03\xfe\xfd", "not an image file (unknown signature 00 01 02 03 fe fd)"),
]


@pytest.mark.parametrize(("head", "reason"), NOT_IMAGES)
def test_refusals_say_what_the_file_looks_like(head: bytes, reason: str) -> None:
    assert sniff(head) in (None, "gif")
    assert describe(head).startswith(reason)


def test_short_heads_are_not_images() -> None:
    for head in (b"\xff", b"\xff\xd8", b"II*", b"\x89PNG", b"RIFF", b"8BPS"):
        assert sniff(head) is None


def test_the_name_does_not_matter(tmp_path: Path) -> None:
    png_named_jpg = tmp_path / "photo.jpg"
    png_named_jpg.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    assert sniff(png_named_jpg.read_bytes()) == "png"
    assert sniff(crafted.jpeg()) == "jpeg"


def test_every_corpus_file_sniffs_as_exiftool_types_it(shared_dir: Path) -> None:
    """ExifTool's FileType and our sniff agree on every corpus file but the headerless ones."""
    corpus = shared_dir / "corpus" / "real"
    oracle = json.loads((corpus / "exiftool-oracle.json").read_text(encoding="utf-8"))["files"]
    expected = {"JPEG": "jpeg", "TIFF": "tiff", "BTF": "tiff", "DNG": "tiff", "PNG": "png"}
    expected |= {"WEBP": "webp", "Extended WEBP": "webp", "HEIC": "heic", "HEIF": "heic"}
    expected |= {"AVIF": "avif", "GIF": "gif"}
    # ExifTool types these as JPEG/PNG although no marker or signature follows; we refuse them.
    unreadable_heads = {"Exiv2__exiv2/issue_1815_poc.jpg", "bep__imagemeta/largeexif.png"}
    for name, record in oracle.items():
        head = (corpus / name).read_bytes()[:4096]
        file_type = record["key"].get("File:FileType")
        if name in unreadable_heads:
            assert sniff(head) is None, name
        else:
            assert sniff(head) == expected[file_type], name
