"""JPEG: every place a caption hides (APP1, APP13 split or repeated, extended XMP, trailers),
the SOF size, and an image-data hash that a metadata rewrite never changes."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from photodesk.metadata.containers import parse_container
from photodesk.metadata.containers.jpeg_app import EXT_ID, PS_ID, XMP_ID
from photodesk.metadata.exif import read_exif
from tests.metadata import crafted
from tests.metadata.crafted import ascii_entry, iim, image_hash, irb, segment, with_segments

EXIF = crafted.tiff([ascii_entry(0x010E, "A caption")])
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="r">MAIN</rdf:RDF></x:xmpmeta>'


def test_blocks_written_by_exiv2_and_the_hash_survives_rewrites(tmp_path: Path) -> None:
    original = crafted.jpeg((64, 48), quality=80)
    path = tmp_path / "picture.jpg"
    path.write_bytes(original)
    before = parse_container(original)
    assert (before.width, before.height, before.exif, before.iim, before.xmp) == (
        64,
        48,
        None,
        None,
        None,
    )
    for caption in ("short", "a much longer caption, " * 40 + "end"):
        crafted.exiv2_write(str(path), caption)
        data = path.read_bytes()
        raw = parse_container(data)
        assert read_exif(raw.exif or b"").values["description"] == f"EXIF {caption}"
        assert raw.iim == iim((1, 90, b"\x1b%G"), (2, 120, f"IIM {caption}".encode()))
        assert f"XMP {caption}".encode() in (raw.xmp or b"")
        assert (raw.width, raw.height, raw.warnings) == (64, 48, [])
        assert image_hash(data, raw.image_data) == image_hash(original, before.image_data)


def test_image_data_is_everything_but_app_and_com_segments() -> None:
    plain = crafted.jpeg((40, 30))
    plain_raw = parse_container(plain)
    rich = with_segments(
        plain,
        segment(0xE1, b"Exif\x00\x00" + EXIF),
        segment(0xFE, b"a comment"),
        segment(0xED, PS_ID + irb((0x0404, iim((2, 120, b"cap"))))),
    )
    raw = parse_container(rich)
    assert image_hash(rich, raw.image_data) == image_hash(plain, plain_raw.image_data)
    covered = b"".join(rich[s : s + n] for s, n in raw.image_data)
    assert b"Exif" not in covered and b"a comment" not in covered
    assert covered.endswith(b"\xff\xd9")
    assert covered.startswith(b"\xff\xdb")  # the first DQT; SOI and APP0 are not image data


def test_sof_size_for_progressive_and_large_claims() -> None:
    raw = parse_container(crafted.jpeg((123, 45), progressive=True))
    assert (raw.width, raw.height) == (123, 45)
    sof = segment(0xC0, struct.pack(">BHHB", 8, 50_000, 50_000, 1) + b"\x01\x11\x00")
    claimed = (
        b"\xff\xd8" + sof + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x00" * 10 + b"\xff\xd9"
    )
    assert (parse_container(claimed).width, parse_container(claimed).height) == (50_000, 50_000)


def test_iptc_split_over_two_app13_segments_is_joined() -> None:
    block = irb((0x0404, iim((2, 120, b"x" * 300), (2, 80, b"Jane Doe"))))
    cut = 150
    jpeg = with_segments(
        crafted.jpeg(),
        segment(0xED, PS_ID + block[:cut]),
        segment(0xED, PS_ID + block[cut:]),
    )
    raw = parse_container(jpeg)
    assert raw.iim == iim((2, 120, b"x" * 300), (2, 80, b"Jane Doe"))
    assert raw.warnings == []


def test_several_iptc_resources_are_concatenated_in_order() -> None:
    first, second = iim((2, 110, b"Credit one")), iim((2, 80, b"By-line two"))
    block = irb((0x0404, first), (0x0404, b""), (0x03ED, b"\x00" * 16), (0x0404, second))
    raw = parse_container(with_segments(crafted.jpeg(), segment(0xED, PS_ID + block)))
    assert raw.iim == first + second


def test_extended_xmp_is_reassembled_by_guid_and_offset() -> None:
    extension = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="r">'
        b"<rdf:Description>EXTENDED" + b"." * 200 + b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    guid = hashlib.md5(extension).hexdigest().upper().encode()
    main = XMP.replace(b"MAIN", b"<rdf:Description xmpNote:HasExtendedXMP='" + guid + b"'/>")
    offsets = [100, 0, 200, 300]  # out of order, as the specification allows
    chunks = [
        segment(
            0xE1,
            EXT_ID + guid + struct.pack(">II", len(extension), off) + extension[off : off + 100],
        )
        for off in offsets
    ]
    raw = parse_container(with_segments(crafted.jpeg(), segment(0xE1, XMP_ID + main), *chunks))
    assert raw.warnings == []
    assert raw.xmp is not None and raw.xmp.count(b"</rdf:RDF>") == 1
    assert b"HasExtendedXMP" in raw.xmp and b"EXTENDED" + b"." * 200 in raw.xmp
    incomplete = with_segments(crafted.jpeg(), segment(0xE1, XMP_ID + main), *chunks[:3])
    raw = parse_container(incomplete)
    assert raw.xmp == main and raw.warnings == ["incomplete extended XMP (short packet); ignored"]


def test_unreferenced_extended_xmp_is_ignored() -> None:
    chunk = segment(0xE1, EXT_ID + b"0" * 32 + struct.pack(">II", 5, 0) + b"hello")
    raw = parse_container(with_segments(crafted.jpeg(), segment(0xE1, XMP_ID + XMP), chunk))
    assert raw.xmp == XMP
    assert raw.warnings == ["extended XMP not referenced by the main XMP packet; ignored"]


def test_non_standard_xmp_header_and_padding() -> None:
    odd = segment(0xE1, b"XMP\x00://ns.adobe.com/xap/1.0/\x00" + XMP)
    raw = parse_container(with_segments(crafted.jpeg(), odd))
    assert raw.xmp == XMP and raw.warnings == ["XMP segment has a non-standard header"]
    padded = segment(0xE1, XMP_ID + XMP + b"\x00" * 20)
    assert parse_container(with_segments(crafted.jpeg(), padded)).xmp == XMP


def test_multi_segment_exif_is_joined_and_a_second_exif_ignored() -> None:
    head, tail = EXIF[:20], EXIF[20:]
    joined = with_segments(
        crafted.jpeg(), segment(0xE1, b"Exif\x00\x00" + head), segment(0xE1, b"Exif\x00\x00" + tail)
    )
    raw = parse_container(joined)
    assert raw.exif == EXIF and read_exif(EXIF).values["description"] == "A caption"
    second = crafted.tiff([ascii_entry(0x010E, "Another")])
    two = with_segments(
        crafted.jpeg(),
        segment(0xE1, b"Exif\x00\x00" + EXIF),
        segment(0xE1, b"Exif\x00\x00" + second),
    )
    raw = parse_container(two)
    assert raw.exif == EXIF and raw.warnings == ["extra EXIF segment ignored"]


def test_stray_bytes_between_segments_are_skipped_with_a_warning() -> None:
    plain = crafted.jpeg()
    jpeg = plain[:2] + segment(0xE1, b"Exif\x00\x00" + EXIF) + b"\x00\x00junk" + plain[2:]
    raw = parse_container(jpeg)
    assert raw.exif == EXIF and raw.width == 16
    assert raw.warnings == ["skipped 6 stray bytes between JPEG segments"]


def test_afcp_and_fotostation_trailers() -> None:
    plain = crafted.jpeg()
    datasets = iim((2, 120, b"Caption in a trailer"))
    for trailer in crafted.iptc_trailers(plain, datasets):
        data = plain + trailer
        raw = parse_container(data)
        assert raw.iim == datasets
        assert image_hash(data, raw.image_data) == image_hash(
            plain, parse_container(plain).image_data
        )


def test_corpus_trailers(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus" / "real" / "exiftool__exiftool"
    for name in ("AFCP.jpg", "FotoStation.jpg"):
        raw = parse_container((corpus / name).read_bytes())
        assert raw.iim is not None and raw.iim.startswith(b"\x1c\x02\x00"), name


def test_utf16_xmp_keeps_its_last_character() -> None:
    """NUL padding is trimmed by whole UTF-16 characters (ExifTool.jpg holds UTF-16BE XMP)."""
    for codec in ("utf-16-le", "utf-16-be"):
        packet = "<x:xmpmeta>é</x:xmpmeta>".encode(codec)
        jpeg = with_segments(crafted.jpeg(), segment(0xE1, XMP_ID + packet + b"\x00" * 6))
        assert parse_container(jpeg).xmp == packet, codec
