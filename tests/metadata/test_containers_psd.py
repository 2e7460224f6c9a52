"""PSD: the header size and the IRB's IPTC, EXIF and XMP; the layers and pixels as image data."""

from __future__ import annotations

import pytest

from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from tests.metadata import crafted
from tests.metadata.crafted import ascii_entry, iim, image_hash, irb

EXIF = crafted.tiff([ascii_entry(0x010E, "PSD caption")])
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">caption</x:xmpmeta>'
IIM = iim((1, 90, b"\x1b%G"), (2, 120, "Légende".encode()))


def test_psd_blocks_and_size() -> None:
    resources = irb((0x03ED, b"\x00" * 16), (0x0404, IIM), (0x0422, EXIF), (0x0424, XMP))
    raw = parse_container(crafted.psd(resources, (50_000, 50_000)))
    assert (raw.format, raw.width, raw.height, raw.warnings) == ("psd", 50_000, 50_000, [])
    assert (raw.iim, raw.exif, raw.xmp) == (IIM, EXIF, XMP)


def test_rewriting_resources_keeps_the_image_hash() -> None:
    small, large = (
        crafted.psd(irb((0x0404, IIM))),
        crafted.psd(irb((0x0404, IIM * 50), (0x0424, XMP))),
    )
    small_raw, large_raw = parse_container(small), parse_container(large)
    assert image_hash(small, small_raw.image_data) == image_hash(large, large_raw.image_data)


def test_truncated_psd() -> None:
    with pytest.raises(UnreadableImage, match="truncated PSD header"):
        parse_container(b"8BPS\x00\x01" + b"\x00" * 10)
    psd = crafted.psd(irb((0x0404, IIM)))
    raw = parse_container(psd[:40])
    assert raw.width == 300
    assert raw.warnings[0] == "PSD image resources run past the end of the file"
