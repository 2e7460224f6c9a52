"""TIFF, BigTIFF and DNG: IFD0 tags for XMP and IPTC, the size, and the strips as image data."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.exif import read_exif
from tests.metadata import crafted
from tests.metadata.crafted import LONG, SHORT, iim, image_hash, irb

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'


def _pillow_tiff(tags: dict[int, object] | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(out, "TIFF", tiffinfo=tags or {})
    return out.getvalue()


def test_pillow_tiff_with_description_xmp_and_iptc() -> None:
    datasets = iim((2, 120, b"IIM caption"))
    data = _pillow_tiff({270: "TIFF caption", 700: XMP, 33723: datasets})
    raw = parse_container(data)
    assert (raw.format, raw.width, raw.height, raw.warnings) == ("tiff", 40, 30, [])
    assert raw.exif == data  # the file is the EXIF structure
    assert read_exif(raw.exif).values["description"] == "TIFF caption"
    assert raw.xmp == XMP
    assert raw.iim is not None and raw.iim.startswith(datasets)
    ((start, length),) = raw.image_data
    assert length == 40 * 30 * 3 and data[start : start + length] == bytes([10, 20, 30]) * 1200


def test_exiv2_rewrite_keeps_the_strip_hash(tmp_path: Path) -> None:
    original = _pillow_tiff()
    path = tmp_path / "scan.tif"
    path.write_bytes(original)
    crafted.exiv2_write(str(path), "written by exiv2")
    data = path.read_bytes()
    raw = parse_container(data)
    assert read_exif(data).values["description"] == "EXIF written by exiv2"
    assert b"XMP written by exiv2" in (raw.xmp or b"")
    assert raw.iim is not None and b"IIM written by exiv2" in raw.iim
    before = parse_container(original)
    assert image_hash(data, raw.image_data) == image_hash(original, before.image_data)


def test_iptc_in_a_photoshop_irb_and_irb_in_33723() -> None:
    datasets = iim((2, 80, b"Jane Doe"))
    block = irb((0x0404, datasets), (0x0424, XMP))
    for tag in (34377, 33723):
        data = crafted.tiff([(tag, 7, len(block), block)])
        raw = parse_container(data)
        assert (raw.iim, raw.xmp) == (datasets, XMP), tag


def test_dng_size_comes_from_the_full_resolution_subifd() -> None:
    """IFD0 is a 256×171 preview (NewSubfileType 1); SubIFD 0 is the 6000×4000 raw image."""
    sub = struct.pack("<H", 4)
    sub += struct.pack("<HHII", 254, LONG, 1, 0)
    sub += struct.pack("<HHII", 256, LONG, 1, 6000) + struct.pack("<HHII", 257, LONG, 1, 4000)
    sub += struct.pack("<HHII", 273, LONG, 1, 0) + b"\x00\x00\x00\x00"  # strip offset patched
    preview = [(254, LONG, 1, struct.pack("<I", 1)), (256, SHORT, 1, struct.pack("<H", 256))]
    preview.append((257, SHORT, 1, struct.pack("<H", 171)))
    head = crafted.tiff([*preview, (330, LONG, 1, b"SUB!")])
    sub_at = len(head)
    data = head.replace(b"SUB!", struct.pack("<I", sub_at)) + sub
    raw = parse_container(data)
    assert (raw.width, raw.height) == (6000, 4000)


def test_bigtiff_corpus_sample(shared_dir: Path) -> None:
    data = (shared_dir / "corpus" / "real" / "exiftool__exiftool" / "BigTIFF.btf").read_bytes()
    raw = parse_container(data)
    assert (raw.format, raw.width, raw.height, raw.warnings) == ("tiff", 8, 8, [])
    assert raw.image_data == [(192, 192)]


def test_an_unreadable_ifd0_makes_the_file_unreadable() -> None:
    with pytest.raises(UnreadableImage, match="IFD0"):
        parse_container(b"II*\x00\xff\xff\x00\x00" + b"\x00" * 32)
    with pytest.raises(UnreadableImage, match="truncated TIFF header"):
        parse_container(b"II*\x00\x08")


def test_strips_past_the_end_are_cut_with_a_warning() -> None:
    data = crafted.tiff(
        [(273, LONG, 1, struct.pack("<I", 60)), (279, LONG, 1, struct.pack("<I", 10**6))]
    )
    data += b"\x00" * 100
    raw = parse_container(data)
    assert raw.image_data == [(60, len(data) - 60)]
    assert raw.warnings == ["TIFF image data runs past the end of the file"]
