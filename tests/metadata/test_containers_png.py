"""PNG: eXIf, XMP in iTXt/zTXt, ImageMagick raw profiles, the IHDR size and the IDAT run."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.exif import read_exif
from tests.metadata import crafted
from tests.metadata.crafted import ascii_entry, iim, image_hash, irb

EXIF = crafted.tiff([ascii_entry(0x010E, "PNG caption")])
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">caption</x:xmpmeta>'


def _png(info: PngImagePlugin.PngInfo | None = None, **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (33, 22), (5, 6, 7)).save(out, "PNG", pnginfo=info, **save)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _insert(png: bytes, *chunks: bytes) -> bytes:
    """Chunks inserted after IHDR (8-byte signature + 25-byte IHDR chunk)."""
    return png[:33] + b"".join(chunks) + png[33:]


@pytest.mark.parametrize("compressed", [False, True])
def test_pillow_png_with_exif_and_itxt_xmp(compressed: bool) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), zip=compressed)
    raw = parse_container(_png(info, exif=b"Exif\x00\x00" + EXIF))
    assert (raw.format, raw.width, raw.height, raw.warnings) == ("png", 33, 22, [])
    assert raw.exif == EXIF and raw.xmp == XMP and raw.iim is None


def test_xmp_in_ztxt() -> None:
    keyword = b"XML:com.adobe.xmp\x00\x00"
    raw = parse_container(_insert(_png(), _chunk(b"zTXt", keyword + zlib.compress(XMP))))
    assert raw.xmp == XMP


def _profile(name: str, data: bytes) -> bytes:
    hexed = data.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    return f"\n{name}\n{len(data):8d}\n{lines}\n".encode()


def test_imagemagick_raw_profiles_plain_and_compressed() -> None:
    datasets = iim((2, 120, b"Raw profile caption"))
    exif_text = b"Raw profile type exif\x00" + _profile("exif", b"Exif\x00\x00" + EXIF)
    iptc_ztxt = b"Raw profile type iptc\x00\x00" + zlib.compress(_profile("iptc", datasets))
    raw = parse_container(_insert(_png(), _chunk(b"tEXt", exif_text), _chunk(b"zTXt", iptc_ztxt)))
    assert (raw.exif, raw.iim, raw.warnings) == (EXIF, datasets, [])


def test_raw_iptc_profile_holding_an_irb_and_a_broken_profile() -> None:
    datasets = iim((2, 80, b"Jane Doe"))
    irb_text = b"Raw profile type 8bim\x00" + _profile("8bim", irb((0x0404, datasets)))
    broken = b"Raw profile type iptc\x00\niptc\n  12\nnot hex at all"
    raw = parse_container(_insert(_png(), _chunk(b"tEXt", broken), _chunk(b"tEXt", irb_text)))
    assert raw.iim == datasets
    assert raw.warnings == ["raw profile iptc: not a hex profile"]


def test_exiv2_writes_and_the_idat_hash_survives(tmp_path: Path) -> None:
    original = _png()
    path = tmp_path / "graphic.png"
    path.write_bytes(original)
    crafted.exiv2_write(str(path), "exiv2 caption")
    data = path.read_bytes()
    raw = parse_container(data)
    assert read_exif(raw.exif or b"").values["description"] == "EXIF exiv2 caption"
    assert raw.iim is not None and b"IIM exiv2 caption" in raw.iim
    assert b"XMP exiv2 caption" in (raw.xmp or b"")
    assert image_hash(data, raw.image_data) == image_hash(
        original, parse_container(original).image_data
    )


def test_pillow_text_chunk_named_exif() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("exif", (b"Exif\x00\x00" + EXIF).decode("latin-1"))
    assert parse_container(_png(info)).exif == EXIF


def test_a_zip_bomb_in_ztxt_is_refused_with_a_warning() -> None:
    bomb = zlib.compress(b"<" + b" " * (40 << 20), 9)
    raw = parse_container(_insert(_png(), _chunk(b"zTXt", b"XML:com.adobe.xmp\x00\x00" + bomb)))
    assert raw.xmp is None
    assert raw.warnings == ["XMP: inflates to more than 16 MB; ignored"]


def test_chunk_length_past_the_end() -> None:
    png = _png()
    truncated = png[: png.index(b"IDAT") + 10]  # inside the first IDAT
    raw = parse_container(truncated)
    assert (raw.width, raw.height) == (33, 22)
    assert raw.warnings[0] == "PNG chunk IDAT runs past the end of the file"
    lie = png[:33] + struct.pack(">I", 0x7FFFFFF0) + b"tEXt" + b"x" * 20
    assert parse_container(lie).warnings[0] == "PNG chunk tEXt runs past the end of the file"
    with pytest.raises(UnreadableImage, match="IHDR"):
        parse_container(png[:8] + struct.pack(">I", 0x40000000) + b"IHDR" + b"\x00" * 20)
