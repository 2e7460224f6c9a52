"""The colour mode the image header declares, read without decoding a pixel.

PD304 (CMYK for the web) judges by it, so it is checked against real files: files Pillow writes
in every mode each format has, and every file of the shared corpus against the mode Pillow
reports when it opens it (which reads the same header fields, and decodes nothing either).
"""

from __future__ import annotations

import io
import random
import struct
import warnings
from pathlib import Path

import pytest
from PIL import Image

from photodesk.metadata.containers import parse_container
from photodesk.metadata.read import read_file
from tests.metadata.crafted import SHORT, heif, psd, tiff

DEMO = Path(__file__).resolve().parents[2] / "media" / "pictures"
# Pillow's mode → ours. PA (palette + alpha) is P's sibling; LAB and the rest have none of ours.
PILLOW_MODES = {
    "RGB": "rgb",
    "RGBA": "rgb",
    "P": "rgb",
    "PA": "rgb",
    "YCbCr": "rgb",
    "L": "gray",
    "LA": "gray",
    "1": "gray",
    "I;16": "gray",
    "I;16B": "gray",
    "I;16L": "gray",
    "CMYK": "cmyk",
}
# (Pillow format, Pillow mode, what the header says): every mode each writer keeps as it is.
WRITTEN = [
    ("JPEG", "RGB", "rgb"),
    ("JPEG", "L", "gray"),
    ("JPEG", "CMYK", "cmyk"),
    ("TIFF", "RGB", "rgb"),
    ("TIFF", "RGBA", "rgb"),
    ("TIFF", "P", "rgb"),
    ("TIFF", "L", "gray"),
    ("TIFF", "1", "gray"),
    ("TIFF", "CMYK", "cmyk"),
    ("PNG", "RGB", "rgb"),
    ("PNG", "RGBA", "rgb"),
    ("PNG", "P", "rgb"),
    ("PNG", "L", "gray"),
    ("PNG", "LA", "gray"),
    ("PNG", "1", "gray"),
    ("WEBP", "RGB", "rgb"),
    ("WEBP", "RGBA", "rgb"),
]


def _noise(mode: str, size: tuple[int, int], seed: int = 5) -> Image.Image:
    """A picture of random pixels: incompressible, so a JPEG of it is as large as a real one."""
    bands = len(Image.new(mode, (1, 1)).getbands())
    data = random.Random(seed).randbytes(size[0] * size[1] * bands)
    return Image.frombytes(mode, size, data)


@pytest.mark.parametrize(("fmt", "mode", "expected"), WRITTEN)
def test_a_file_pillow_writes_reads_back_in_its_mode(
    tmp_path: Path, fmt: str, mode: str, expected: str
) -> None:
    path = tmp_path / f"picture.{fmt.lower()}"
    Image.new(mode, (48, 32)).save(path, fmt)
    assert Image.open(path).mode == mode  # the writer kept the mode
    metadata = read_file(path)
    assert metadata.error is None
    assert metadata.color_mode == expected


@pytest.mark.parametrize(("mode", "expected"), [("RGB", "rgb"), ("L", "gray"), ("CMYK", "cmyk")])
def test_the_jpeg_fast_path_and_the_whole_file_parse_agree(
    tmp_path: Path, mode: str, expected: str
) -> None:
    """A large JPEG whose SOF lies past the first 16 KiB: read_file grows its head to reach it."""
    path = tmp_path / "large.jpg"
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + b" " * 30_000 + b"</x:xmpmeta>"
    _noise(mode, (400, 300)).save(path, "JPEG", quality=95, xmp=xmp)
    data = path.read_bytes()
    assert len(data) > 64 << 10 and data.find(b"\xff\xc0") > 16 << 10
    assert read_file(path).color_mode == expected
    assert parse_container(data).color_mode == expected


@pytest.mark.parametrize(
    ("photometric", "expected"),
    [
        *[(0, "gray"), (1, "gray"), (2, "rgb"), (3, "rgb"), (5, "cmyk"), (6, "rgb")],
        *[(8, None), (32803, None), (34892, None)],
    ],
)
def test_tiff_photometric_interpretation(photometric: int, expected: str | None) -> None:
    """CFA and LinearRaw are a raw's sensor data, CIELab no screen mode: the header says nothing."""
    photometric_entry = (262, SHORT, 1, struct.pack("<H", photometric))
    raw = parse_container(tiff([*_size_entries(), photometric_entry]))
    assert raw.color_mode == expected


def test_tiff_without_photometric_interpretation_is_unknown() -> None:
    assert parse_container(tiff(_size_entries())).color_mode is None


def _size_entries() -> list[tuple[int, int, int, bytes]]:
    return [(256, SHORT, 1, struct.pack("<H", 64)), (257, SHORT, 1, struct.pack("<H", 48))]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [(0, "gray"), (1, "gray"), (2, "rgb"), (3, "rgb"), (4, "cmyk"), (8, None), (9, None)],
)
def test_psd_header_colour_mode(mode: int, expected: str | None) -> None:
    """No installed tool writes PSD; the crafted one gets each header colour mode in turn."""
    data = bytearray(psd(b""))
    struct.pack_into(">H", data, 24, mode)
    assert parse_container(bytes(data)).color_mode == expected


def test_heif_is_unknown() -> None:
    """HEIC/AVIF keep colour in item properties photodesk does not read: None, not a guess."""
    assert parse_container(heif(size=(64, 48))).color_mode is None


def test_a_demo_picture_is_rgb() -> None:
    for path in sorted(DEMO.glob("*.[jJ][pP][gG]")):
        assert read_file(path).color_mode == "rgb", path.name


def test_the_corpus_agrees_with_pillow(shared_dir: Path) -> None:
    """Wherever both name a mode, ours is Pillow's; 180 files of the 210 in the corpus."""
    compared, disagreements = 0, []
    for path in sorted((shared_dir / "corpus" / "real").rglob("*")):
        ours = read_file(path).color_mode if path.is_file() else None
        theirs = _pillow_mode(path) if ours else None
        if ours and theirs:
            compared += 1
            if ours != theirs:
                disagreements.append(f"{path.name}: ours {ours}, Pillow {theirs}")
    assert disagreements == []
    assert compared >= 150


def _pillow_mode(path: Path) -> str | None:
    """The mode Pillow opens the file in, in our words; None when it cannot open it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(path.read_bytes())) as image:
                return PILLOW_MODES.get(image.mode)
    except Exception:  # Pillow refuses a third of the corpus's broken files: no mode to compare
        return None
