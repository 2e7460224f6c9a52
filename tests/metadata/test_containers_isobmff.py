"""HEIC/HEIF/AVIF: Exif and XMP items, the primary item's ispe, image items as image data.

No installed tool writes HEIF, so the structures are crafted (tests/metadata/crafted.heif) and
checked against the corpus samples from iPhone, Sony, libheif and libavif.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.exif import read_exif
from tests.metadata import crafted
from tests.metadata.crafted import ascii_entry, image_hash

EXIF = crafted.tiff([ascii_entry(0x010E, "HEIF caption")])
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">caption</x:xmpmeta>'


@pytest.mark.parametrize(("brand", "kind"), [(b"heic", "heic"), (b"avif", "avif")])
def test_exif_and_xmp_items(brand: bytes, kind: str) -> None:
    raw = parse_container(crafted.heif(EXIF, XMP, (4032, 3024), brand))
    assert (raw.format, raw.width, raw.height, raw.warnings) == (kind, 4032, 3024, [])
    assert raw.exif == EXIF and read_exif(EXIF).values["description"] == "HEIF caption"
    assert raw.xmp == XMP


def test_image_data_is_the_coded_image_items_only() -> None:
    plain, rich = crafted.heif(), crafted.heif(EXIF, XMP)
    plain_raw, rich_raw = parse_container(plain), parse_container(rich)
    assert image_hash(plain, plain_raw.image_data) == image_hash(rich, rich_raw.image_data)
    ((start, length),) = rich_raw.image_data
    assert rich[start : start + length].endswith(b"fake-hevc-data")


def test_box_sizes_zero_one_and_huge() -> None:
    heif = crafted.heif(EXIF, XMP)
    # size 0 on the last box (mdat) means "to the end of the file"
    mdat_at = heif.rindex(b"mdat") - 4
    to_end = heif[:mdat_at] + b"\x00\x00\x00\x00" + heif[mdat_at + 4 :]
    assert parse_container(to_end).exif == EXIF
    # size 1: a 64-bit size follows; here it claims 2^60 bytes
    huge = (
        heif[:mdat_at]
        + b"\x00\x00\x00\x01mdat"
        + (1 << 60).to_bytes(8, "big")
        + heif[mdat_at + 8 :]
    )
    raw = parse_container(huge)
    assert "ISOBMFF box mdat runs past its container; cut" in raw.warnings
    # a meta box claiming 4 GB
    meta_at = heif.index(b"meta") - 4
    lie = heif[:meta_at] + b"\xff\xff\xff\xff" + heif[meta_at + 4 :]
    assert parse_container(lie).width == 640


def test_a_box_smaller_than_its_header_stops_the_walk() -> None:
    heif = crafted.heif()
    ftyp_end = heif.index(b"meta") - 4
    with pytest.raises(UnreadableImage, match="has size 4"):
        parse_container(heif[:ftyp_end] + b"\x00\x00\x00\x04meta" + heif[ftyp_end + 8 :])


@pytest.mark.parametrize(
    ("name", "size", "blocks"),
    [
        ("Exiv2__exiv2/Stonehenge.heic", (300, 200), "EX"),
        ("Exiv2__exiv2/Sony.HIF", (8640, 5760), "EX"),  # grid primary item, 10-bit
        ("ianare__exif-samples/IMG_5195.HEIC", (2566, 3313), "EX"),  # iPhone, 48 tiles
        ("bep__imagemeta/sunrise.avif", (1024, 640), "EX"),
        ("exiftool__exiftool/QuickTime.heic", (1596, 1064), ""),
        ("bep__imagemeta/multi-xmp.heic", (None, None), "X"),  # no primary item, 2 XMP items
    ],
)
def test_corpus_samples(shared_dir: Path, name: str, size: tuple[int, int], blocks: str) -> None:
    raw = parse_container((shared_dir / "corpus" / "real" / name).read_bytes())
    assert (raw.width, raw.height) == size
    assert ("E" if raw.exif else "") + ("X" if raw.xmp else "") == blocks
    if raw.exif:
        assert raw.exif[:2] in (b"II", b"MM")
