"""Hostile and broken files: a clean UnreadableImage or a warning, in bounded time and memory.

Every structure a file describes (counts, offsets, sizes, loops) is under the file's control, so
each must be checked before it is used; nothing may allocate by a claimed size. Each case runs
``parse_container`` and ``read_exif`` and fails on any other exception, on more than a second
or on a memory peak beyond a few times the file's size.
"""

from __future__ import annotations

import contextlib
import mmap
import struct
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.containers.jpeg_app import EXT_ID, PS_ID, XMP_ID
from photodesk.metadata.exif import read_exif
from tests.metadata import crafted
from tests.metadata.crafted import LONG, ascii_entry, iim, irb, segment, with_segments

TIME_LIMIT = 1.0


def _read(data: bytes) -> RawMetadata | None:
    try:
        raw = parse_container(data)
    except UnreadableImage as exc:
        assert str(exc), "an UnreadableImage must say why"
        return None
    if raw.exif:
        read_exif(raw.exif)
    return raw


def survive(data: bytes) -> RawMetadata | None:
    """Parse and read EXIF; only UnreadableImage may escape, within time and memory bounds.

    Time is measured on a plain run, memory on a second run under tracemalloc (which is slow).
    """
    started = time.perf_counter()
    raw = _read(data)
    elapsed = time.perf_counter() - started
    assert elapsed < TIME_LIMIT, f"took {elapsed:.2f} s"
    tracemalloc.start()
    try:
        _read(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # a copy or two of the file, plus at most one inflated metadata block (16 MB cap)
    assert peak < 4 * len(data) + (24 << 20), f"peak {peak} bytes for {len(data)} bytes"
    return raw


def unreadable(data: bytes) -> str:
    with pytest.raises(UnreadableImage) as caught:
        parse_container(data)
    survive(data)
    return str(caught.value)


# --- TIFF / EXIF structures ---------------------------------------------------------------


def test_exif_ifd_pointing_back_to_ifd0() -> None:
    block = crafted.tiff([ascii_entry(0x010E, "caption"), (0x8769, LONG, 1, struct.pack("<I", 8))])
    reading = read_exif(block)
    assert reading.values == {"description": "caption"}


def test_subifd_loops_are_broken() -> None:
    block = crafted.tiff(
        [(256, LONG, 1, struct.pack("<I", 10)), (330, LONG, 2, struct.pack("<II", 8, 8))]
    )
    raw = survive(block)
    assert raw is not None and "SubIFD loop ignored" in raw.warnings


@pytest.mark.parametrize("count", [0xFFFF, 5000])
def test_absurd_ifd_entry_counts(count: int) -> None:
    block = b"II*\x00\x08\x00\x00\x00" + struct.pack("<H", count) + b"\x00" * 120
    reading = read_exif(block)
    assert reading.warnings[0].startswith(f"IFD0 claims {count} entries")
    survive(block)


def test_value_count_0xffffffff_is_not_allocated() -> None:
    block = crafted.tiff(
        [(0x010E, 2, 0xFFFFFFFF, struct.pack("<I", 30)), ascii_entry(0x013B, "Me")]
    )
    reading = read_exif(block)
    assert reading.values == {"creators": ("Me",)}
    assert reading.warnings == ("tag 0x010e claims 4294967295 bytes; ignored",)
    survive(block)


def test_offsets_outside_the_data() -> None:
    assert read_exif(b"II*\x00\xff\xff\xff\xff").warnings == (
        "IFD0 offset 4294967295 is outside the data",
    )
    block = crafted.tiff([(0x010E, 2, 100, struct.pack("<I", 0xFFFFFF00))])
    assert read_exif(block).warnings == ("tag 0x010e value lies outside the data",)
    bigtiff = b"II+\x00\x08\x00\x00\x00" + (1 << 62).to_bytes(8, "little")
    assert read_exif(bigtiff).warnings == (f"IFD0 offset {1 << 62} is outside the data",)
    assert "IFD0" in unreadable(bigtiff)


def test_unknown_field_types_and_strip_counts() -> None:
    block = crafted.tiff([(0x010E, 99, 4, b"abcd"), (273, LONG, 0xFFFFFFFF, struct.pack("<I", 8))])
    assert read_exif(block).warnings == ("tag 0x010e has unknown type 99",)
    survive(block)


# --- JPEG ---------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [0, 1])
def test_jpeg_segment_length_below_two(length: int) -> None:
    bad = b"\xff\xd8" + segment(0xE1, b"Exif\x00\x00" + crafted.tiff([]))
    bad += b"\xff\xe2" + struct.pack(">H", length) + b"\x00" * 64
    raw = survive(bad)
    assert raw is not None and raw.exif is not None
    assert raw.warnings == [f"JPEG segment 0xE2 at 26 has length {length}"]


def test_truncated_segments_at_every_length() -> None:
    jpeg = with_segments(
        crafted.jpeg((8, 8), exif=b"Exif\x00\x00" + crafted.tiff([ascii_entry(0x010E, "x")])),
        segment(0xED, PS_ID + irb((0x0404, iim((2, 120, b"caption"))))),
        segment(0xE1, XMP_ID + b"<x:xmpmeta/>"),
    )
    for cut in range(len(jpeg) + 1):
        survive(jpeg[:cut])


def test_many_tiny_segments_stop_at_the_cap() -> None:
    jpeg = b"\xff\xd8" + b"\xff\xfe\x00\x02" * 100_000 + crafted.jpeg()[2:]
    assert unreadable(jpeg) == "too many JPEG segments; stopped"
    assert unreadable(b"\xff\xd8" + b"\xff\x00" * 200_000) == "too many JPEG segments; stopped"


def test_extended_xmp_claiming_four_gigabytes() -> None:
    main = b"<x:xmpmeta><rdf:RDF HasExtendedXMP='" + b"A" * 32 + b"'></rdf:RDF></x:xmpmeta>"
    chunk = segment(0xE1, EXT_ID + b"A" * 32 + struct.pack(">II", 0xFFFFFFFF, 0) + b"x" * 10)
    raw = survive(with_segments(crafted.jpeg(), segment(0xE1, XMP_ID + main), chunk))
    assert raw is not None and raw.xmp == main
    assert raw.warnings == ["extended XMP claims 4294967295 bytes; ignored"]


def test_irb_resource_sizes_that_lie() -> None:
    lie = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", 0x7FFFFFFF) + iim((2, 120, b"cap"))
    raw = survive(with_segments(crafted.jpeg(), segment(0xED, PS_ID + lie)))
    assert raw is not None and raw.iim == iim((2, 120, b"cap"))
    assert raw.warnings == ["Photoshop IRB: resource 0x0404 runs past the end; cut"]


def test_trailers_that_point_outside_the_file() -> None:
    afcp = crafted.jpeg() + b"AXS!" + struct.pack(">II", 0xFFFFFF00, 0)
    raw = survive(afcp)
    assert raw is not None and raw.warnings == ["AFCP trailer points outside the file; ignored"]
    fotostation = crafted.jpeg() + struct.pack(">HI", 1, 0xFFFFFFF0) + b"\xa1\xb2\xc3\xd4"
    raw = survive(fotostation)
    assert raw is not None and raw.warnings == [
        "FotoStation trailer record has a bad size; stopped"
    ]


# --- sizes, empty and non-image files -------------------------------------------------------


def test_a_header_claiming_50000_by_50000_pixels_is_just_reported() -> None:
    sof = segment(0xC0, struct.pack(">BHHB", 8, 50_000, 50_000, 1) + b"\x01\x11\x00")
    jpeg = b"\xff\xd8" + sof + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x00\xff\xd9"
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(
        ">I4sIIBBBBB", 13, b"IHDR", 50_000, 50_000, 8, 2, 0, 0, 0
    )
    png += b"\x00" * 4 + struct.pack(">I4s", 0, b"IEND") + b"\x00" * 4
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00" * 4 + (49_999).to_bytes(3, "little") * 2
    webp = b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x
    tiff = crafted.tiff(
        [(256, LONG, 1, struct.pack("<I", 50_000)), (257, LONG, 1, struct.pack("<I", 50_000))]
    )
    heif = crafted.heif(size=(50_000, 50_000))
    psd = crafted.psd(b"", (50_000, 50_000))
    for data in (jpeg, png, webp, tiff, heif, psd):
        raw = survive(data)
        assert raw is not None and (raw.width, raw.height) == (50_000, 50_000), raw


def test_zero_bytes_and_non_images() -> None:
    assert unreadable(b"") == "empty file"
    assert (
        unreadable(b"<html><body>Not found</body></html>") == "not an image file (looks like HTML)"
    )
    assert unreadable(b"%PDF-1.4\n") == "not an image file (looks like PDF)"
    assert unreadable(b"GIF89a\x01\x00\x01\x00") == "GIF is not supported"
    assert unreadable(b"\xff\xd8").startswith("broken JPEG")


def test_png_chunk_lengths_past_the_end() -> None:
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII5x", 13, b"IHDR", 10, 10) + b"\x00" * 4
    raw = survive(png + struct.pack(">I", 0xFFFFFFFF) + b"iTXt" + b"XML:com.adobe.xmp\x00")
    assert raw is not None and raw.warnings[0] == "PNG chunk iTXt runs past the end of the file"
    assert "runs past" in unreadable(
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I4s", 0xFFFFFFF0, b"IHDR")
    )


def test_a_zip_bomb_is_refused() -> None:
    bomb = zlib.compress(b"\x00" * (64 << 20), 9)
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII5x", 13, b"IHDR", 1, 1) + b"\x00" * 4
    text = b"Raw profile type iptc\x00\x00" + bomb
    raw = survive(png + struct.pack(">I", len(text)) + b"zTXt" + text + b"\x00" * 4)
    assert (
        raw is not None
        and raw.warnings[0] == "raw profile iptc: inflates to more than 16 MB; ignored"
    )


@pytest.mark.parametrize("size", [0, 1, 7, 0xFFFFFFFF])
def test_isobmff_box_sizes(size: int) -> None:
    heif = crafted.heif(crafted.tiff([]), b"<x/>")
    meta_at = heif.index(b"meta") - 4
    survive(heif[:meta_at] + struct.pack(">I", size) + heif[meta_at + 4 :])


def test_isobmff_tables_with_absurd_counts() -> None:
    heif = crafted.heif(crafted.tiff([]), b"<x/>")
    for table, field in ((b"iloc", 6), (b"iinf", 4), (b"ipma", 4)):
        at = heif.index(table) + 4 + field
        width = 2 if table != b"ipma" else 4
        survive(heif[:at] + b"\xff" * width + heif[at + width :])


def test_iloc_with_zero_sized_extents_and_huge_counts() -> None:
    """Extents of 0 + 0 bytes take no room in the box, so only a budget bounds the loop."""
    heif = crafted.heif(crafted.tiff([]))
    items = b"".join(struct.pack(">HHH", i, 0, 0xFFFF) for i in range(1000))
    iloc = crafted.full_box(b"iloc", 0, b"\x00\x00" + struct.pack(">H", 1000) + items)
    start = heif.index(b"iloc") - 4
    end = start + struct.unpack_from(">I", heif, start)[0]
    meta_at = heif.index(b"meta") - 4
    hostile = bytearray(heif[:start] + iloc + heif[end:])
    struct.pack_into(
        ">I",
        hostile,
        meta_at,
        struct.unpack_from(">I", heif, meta_at)[0] + len(iloc) - (end - start),
    )
    raw = survive(bytes(hostile))
    assert raw is not None and "iloc runs past its box or holds too many extents" in raw.warnings


def test_webp_riff_size_lies() -> None:
    vp8l = b"VP8L" + struct.pack("<I", 5) + b"\x2f\x00\x00\x00\x00\x00"
    for claimed in (0, 4, 0xFFFFFFFF):
        survive(b"RIFF" + struct.pack("<I", claimed) + b"WEBP" + vp8l)
    chunk_lie = (
        b"RIFF" + struct.pack("<I", 30) + b"WEBPEXIF" + struct.pack("<I", 0xFFFFFFF0) + b"II*\x00"
    )
    survive(chunk_lie)


# --- the corpus and mutations of it --------------------------------------------------------


def _corpus_files(shared_dir: Path) -> list[Path]:
    corpus = shared_dir / "corpus" / "real"
    return sorted(
        p for p in corpus.rglob("*") if p.is_file() and p.suffix not in (".json", ".tsv", ".md")
    )


UNREADABLE_CORPUS = {
    "Exiv2__exiv2/exiv2-bug1247.jpg": "JPEG segment 0xE2 at 2 runs past the end of the file",
    "Exiv2__exiv2/exiv2-bug841.png": "PNG chunk IHDR runs past the end of the file",
    "Exiv2__exiv2/issue_1815_poc.jpg": "broken JPEG (no marker after the start of image)",
    "Exiv2__exiv2/issue_1817_poc.png": "PNG does not start with IHDR",
    "Exiv2__exiv2/issue_1841_poc.webp": "WebP chunk 0x00000057 runs past the end of the file",
    "Exiv2__exiv2/issue_1881_poc.jpg": "unknown JPEG marker 0x52 at 2",
    "Exiv2__exiv2/pr_2612_poc.heic": "HEIF file has no meta box",
    "bep__imagemeta/largeexif.png": "not an image file (unknown signature 00 00 00 00 00 00 00 00)",
    "exiftool__exiftool/GIF.gif": "GIF is not supported",
    "python-pillow__Pillow/broken.png": "PNG chunk 0xf4a881e1 runs past the end of the file",
}


def test_every_corpus_file_survives(shared_dir: Path) -> None:
    """Nothing raises but UnreadableImage; exactly the files with nothing readable are refused."""
    corpus = shared_dir / "corpus" / "real"
    files = sorted(
        p for p in corpus.rglob("*") if p.is_file() and p.suffix not in (".json", ".tsv", ".md")
    )
    assert len(files) >= 200
    refused = {}
    for path in files:
        if survive(path.read_bytes()) is None:
            try:
                parse_container(path.read_bytes())
            except UnreadableImage as exc:
                refused[str(path.relative_to(corpus))] = str(exc)
    assert refused == UNREADABLE_CORPUS


SEEDS = [
    crafted.jpeg(
        (8, 8),
        exif=b"Exif\x00\x00"
        + crafted.tiff([ascii_entry(0x010E, "x")], [ascii_entry(0x9003, "2024:01:01 00:00:00")]),
    ),
    crafted.heif(crafted.tiff([ascii_entry(0x010E, "x")]), b"<x:xmpmeta/>"),
    crafted.psd(irb((0x0404, iim((2, 120, b"caption"))), (0x0424, b"<x/>"))),
    crafted.tiff(
        [
            ascii_entry(0x010E, "x"),
            (273, LONG, 1, struct.pack("<I", 8)),
            (279, LONG, 1, struct.pack("<I", 4)),
        ]
    ),
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A seed file truncated, with bytes flipped, or with a length field inflated."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "inflate", "zero", "truncate"]))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "inflate":
            data[at : at + 4] = b"\xff\xff\xff\xff"[: len(data) - at]
        elif kind == "zero":
            data[at : at + 4] = b"\x00\x00\x00\x00"[: len(data) - at]
        else:
            del data[at:]
            break
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_never_raise_anything_but_unreadable(data: bytes) -> None:
    survive(data)


CORPUS_SEEDS = (
    "exiftool__exiftool/ExifTool.jpg",
    "exiftool__exiftool/ExtendedXMP.jpg",
    "exiftool__exiftool/ExifTool.tif",
    "exiftool__exiftool/RIFF.webp",
    "exiftool__exiftool/PNG.png",
    "Exiv2__exiv2/Stonehenge.heic",
    "bep__imagemeta/sunrise.avif",
    "Exiv2__exiv2/ReaganSmallPng.png",
    "Exiv2__exiv2/iptc-psAPP13-wIPTCmid1-wIPTCempty-wIPTCmid2.jpg",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_corpus_files(shared_dir: Path, data: st.DataObject) -> None:
    """Real files, truncated, with flipped bytes or inflated length fields near the start."""
    original = (
        shared_dir / "corpus" / "real" / data.draw(st.sampled_from(CORPUS_SEEDS))
    ).read_bytes()
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, min(len(mutated), 8192) - 1))
        kind = data.draw(st.sampled_from(["flip", "inflate", "zero", "truncate"]))
        if kind == "flip":
            mutated[at] ^= data.draw(st.integers(1, 255))
        elif kind in ("inflate", "zero"):
            mutated[at : at + 4] = (b"\xff" if kind == "inflate" else b"\x00") * 4
        else:
            del mutated[at:]
            break
    survive(bytes(mutated))


def test_no_view_into_an_mmap_outlives_the_call(shared_dir: Path, tmp_path: Path) -> None:
    """The reader maps files; a view left behind (even by an error) would block mmap.close()."""
    corpus = shared_dir / "corpus" / "real"
    samples = [corpus / name for name in UNREADABLE_CORPUS]
    samples += sorted(corpus.glob("*/*.jp*g"))[:20] + sorted(corpus.glob("*/*.tif*"))
    samples += sorted(corpus.glob("*/*.png")) + sorted(corpus.glob("*/*.webp"))
    samples += sorted(corpus.glob("*/*.heic"))
    psd = tmp_path / "crafted.psd"
    psd.write_bytes(crafted.psd(irb((0x0404, iim((2, 120, b"cap"))))))
    for path in [*samples, psd]:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            with contextlib.suppress(UnreadableImage):
                parse_container(mapped)
            mapped.close()  # raises BufferError if a view survived
