"""WebP: EXIF and XMP chunks, the size from VP8X/VP8/VP8L, and RIFF sizes that lie."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from photodesk.metadata.containers import parse_container
from photodesk.metadata.exif import read_exif
from tests.metadata import crafted
from tests.metadata.crafted import ascii_entry

EXIF = crafted.tiff([ascii_entry(0x010E, "WebP caption")])
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">caption</x:xmpmeta>'


def _webp(lossless: bool, **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (51, 37), (90, 10, 10)).save(out, "WEBP", lossless=lossless, **save)
    return out.getvalue()


@pytest.mark.parametrize("lossless", [False, True])
def test_size_from_the_frame_header(lossless: bool) -> None:
    raw = parse_container(_webp(lossless))
    assert (raw.format, raw.width, raw.height, raw.warnings) == ("webp", 51, 37, [])
    assert (raw.exif, raw.xmp) == (None, None)
    ((start, length),) = raw.image_data
    assert start == 12 and length > 8


@pytest.mark.parametrize("lossless", [False, True])
def test_exif_and_xmp_chunks_with_vp8x(lossless: bool) -> None:
    raw = parse_container(_webp(lossless, exif=b"Exif\x00\x00" + EXIF, xmp=XMP))
    assert (raw.width, raw.height, raw.warnings) == (51, 37, [])
    assert (raw.exif, raw.xmp) == (EXIF, XMP)  # the improper "Exif\0\0" prefix is dropped


def test_metadata_does_not_change_the_image_hash() -> None:
    plain, rich = _webp(True), _webp(True, exif=EXIF, xmp=XMP)
    plain_raw, rich_raw = parse_container(plain), parse_container(rich)
    assert crafted.image_hash(plain, plain_raw.image_data) == crafted.image_hash(
        rich, rich_raw.image_data
    )


def test_riff_size_lies() -> None:
    webp = _webp(False, xmp=XMP)
    too_big = webp[:4] + struct.pack("<I", 10**9) + webp[8:]
    raw = parse_container(too_big)
    assert raw.xmp == XMP and raw.warnings == ["WebP RIFF size exceeds the file (truncated?)"]
    too_small = webp[:4] + struct.pack("<I", 4) + webp[8:]
    raw = parse_container(too_small)
    assert (raw.width, raw.xmp) == (51, XMP)
    assert raw.warnings == ["WebP chunks continue past the RIFF size"]


def test_chunk_running_past_the_end_is_cut() -> None:
    webp = _webp(False, exif=EXIF)
    raw = parse_container(webp[:-10])
    assert raw.warnings[0] == "WebP RIFF size exceeds the file (truncated?)"
    assert raw.width == 51


@pytest.mark.parametrize("lossless", [False, True])
def test_exiv2_rewrite_keeps_the_image_hash(tmp_path: Path, lossless: bool) -> None:
    original = _webp(lossless)
    path = tmp_path / "picture.webp"
    path.write_bytes(original)
    crafted.exiv2_write(str(path), "exiv2 caption", iptc=False)
    data = path.read_bytes()
    raw = parse_container(data)
    assert read_exif(raw.exif or b"").values["description"] == "EXIF exiv2 caption"
    assert b"XMP exiv2 caption" in (raw.xmp or b"")
    assert (raw.width, raw.height) == (51, 37)
    before = parse_container(original)
    assert crafted.image_hash(data, raw.image_data) == crafted.image_hash(
        original, before.image_data
    )
