"""Byte-level builders for the container tests: TIFF/EXIF blocks, IRBs, JPEG segments, ISO boxes.

Real files come from the corpus and from Pillow/exiv2; these builders make the structures no
tool writes on purpose (loops, lies, absurd counts) and the formats no installed tool writes
(HEIF, PSD).
"""

from __future__ import annotations

import hashlib
import io
import struct

import exiv2
from PIL import Image

ASCII, BYTE, SHORT, LONG = 2, 1, 3, 4


def tiff(
    ifd0: list[tuple[int, int, int, bytes]],
    exif_ifd: list[tuple[int, int, int, bytes]] | None = None,
    order: str = "<",
    big: bool = False,
) -> bytes:
    """A TIFF/EXIF block (BigTIFF with ``big``). Entries are (tag, type, count, value bytes);
    values that do not fit in the entry go after the directories. With ``exif_ifd``, IFD0 gets
    a 0x8769 pointer to it.
    """
    off, cnt, inline = ("Q", "Q", 8) if big else ("I", "H", 4)
    entry_size = 20 if big else 12
    ifd0 = sorted([*ifd0, (0x8769, LONG, 1, b"")] if exif_ifd is not None else ifd0)
    head_size = 16 if big else 8
    exif_at = head_size + struct.calcsize(cnt) + entry_size * len(ifd0) + inline
    exif_size = struct.calcsize(cnt) + entry_size * len(exif_ifd) + inline if exif_ifd else 0
    blobs, data_at = bytearray(), exif_at + exif_size

    def directory(entries: list[tuple[int, int, int, bytes]]) -> bytes:
        out = bytearray(struct.pack(order + cnt, len(entries)))
        for tag, typ, count, value in entries:
            if tag == 0x8769 and exif_ifd is not None:
                value = struct.pack(order + "I", exif_at)
            if len(value) <= inline:
                field = value.ljust(inline, b"\x00")
            else:
                field = struct.pack(order + off, data_at + len(blobs))
                blobs.extend(value + b"\x00" * (len(value) & 1))
            out += struct.pack(order + "HH" + cnt.replace("H", "I"), tag, typ, count) + field
        return bytes(out + b"\x00" * inline)

    magic = (b"II" if order == "<" else b"MM") + struct.pack(order + "H", 43 if big else 42)
    head = magic + (struct.pack(order + "HHQ", 8, 0, 16) if big else struct.pack(order + "I", 8))
    body = directory(ifd0) + (directory(sorted(exif_ifd)) if exif_ifd is not None else b"")
    return head + body + bytes(blobs)


def ascii_entry(tag: int, text: str | bytes) -> tuple[int, int, int, bytes]:
    raw = (text.encode() if isinstance(text, str) else text) + b"\x00"
    return tag, ASCII, len(raw), raw


def xp_entry(tag: int, text: str) -> tuple[int, int, int, bytes]:
    raw = text.encode("utf-16-le") + b"\x00\x00"
    return tag, BYTE, len(raw), raw


def segment(marker: int, payload: bytes) -> bytes:
    """A JPEG marker segment (the length counts itself)."""
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def irb(*resources: tuple[int, bytes]) -> bytes:
    """A Photoshop Image Resource Block: 8BIM, id, empty padded name, size, padded data."""
    out = bytearray()
    for rid, data in resources:
        out += b"8BIM" + struct.pack(">H", rid) + b"\x00\x00" + struct.pack(">I", len(data))
        out += data + b"\x00" * (len(data) & 1)
    return bytes(out)


def iim(*datasets: tuple[int, int, bytes]) -> bytes:
    """IPTC-IIM datasets: 0x1C, record, dataset, 2-byte length, value."""
    return b"".join(b"\x1c" + bytes([r, d]) + struct.pack(">H", len(v)) + v for r, d, v in datasets)


def jpeg(size: tuple[int, int] = (16, 8), **save: object) -> bytes:
    """A small real JPEG from Pillow (``exif=``/``xmp=`` pass through)."""
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", **save)
    return out.getvalue()


def with_segments(jpeg_bytes: bytes, *segments: bytes) -> bytes:
    """The JPEG with extra segments inserted right after SOI."""
    return jpeg_bytes[:2] + b"".join(segments) + jpeg_bytes[2:]


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, payload: bytes, flags: int = 0) -> bytes:
    return box(kind, bytes([version]) + flags.to_bytes(3, "big") + payload)


def heif(
    exif: bytes | None = None,
    xmp: bytes | None = None,
    size: tuple[int, int] = (640, 480),
    brand: bytes = b"heic",
) -> bytes:
    """A minimal HEIF: item 1 the coded image, 2 Exif, 3 XMP (mime), all data in one mdat."""
    image = b"\x00\x00\x00\x01fake-hevc-data"
    items = [(1, b"hvc1", b"", image)]
    if exif is not None:
        items.append((2, b"Exif", b"", b"\x00\x00\x00\x06Exif\x00\x00" + exif))
    if xmp is not None:
        items.append((3, b"mime", b"application/rdf+xml\x00", xmp))
    infes = b"".join(
        full_box(b"infe", 2, struct.pack(">HH", i, 0) + t + b"\x00" + ct) for i, t, ct, _ in items
    )
    iinf = full_box(b"iinf", 0, struct.pack(">H", len(items)) + infes)
    ispe = full_box(b"ispe", 0, struct.pack(">II", *size))
    iprp = box(
        b"iprp", box(b"ipco", ispe) + full_box(b"ipma", 0, struct.pack(">IHBB", 1, 1, 1, 0x81))
    )
    ftyp = box(b"ftyp", brand + b"\x00\x00\x00\x00" + brand + b"mif1")

    def meta(data_at: int) -> bytes:
        entries, pos = b"", data_at
        for item_id, _, _, data in items:
            entries += struct.pack(">HHHII", item_id, 0, 1, pos, len(data))
            pos += len(data)
        iloc = full_box(b"iloc", 0, bytes([0x44, 0x00]) + struct.pack(">H", len(items)) + entries)
        hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13)
        pitm = full_box(b"pitm", 0, struct.pack(">H", 1))
        return full_box(b"meta", 0, hdlr + pitm + iinf + iloc + iprp)

    head_len = len(ftyp) + len(meta(0)) + 8
    mdat = box(b"mdat", b"".join(data for *_, data in items))
    return ftyp + meta(head_len) + mdat


def psd(resources: bytes, size: tuple[int, int] = (300, 200)) -> bytes:
    """A minimal PSD: header, empty colour-mode data, the IRB, empty layers, raw image data."""
    width, height = size
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    return (
        header
        + struct.pack(">I", 0)
        + struct.pack(">I", len(resources))
        + resources
        + struct.pack(">I", 0)
        + b"\x00\x00"
        + b"\x80" * 64
    )


def exiv2_write(path: str, caption: str, iptc: bool = True) -> None:
    """Write a caption into every block with python-exiv2 (in place, pixels untouched)."""
    image = exiv2.ImageFactory.open(path)
    image.readMetadata()
    image.exifData()["Exif.Image.ImageDescription"] = f"EXIF {caption}"
    image.xmpData()["Xmp.dc.description"] = f'lang="x-default" XMP {caption}'
    if iptc:
        image.iptcData()["Iptc.Envelope.CharacterSet"] = "\x1b%G"
        image.iptcData()["Iptc.Application2.Caption"] = f"IIM {caption}"
    image.writeMetadata()


def image_hash(data: bytes, ranges: list[tuple[int, int]]) -> str:
    """What the fingerprint hashes: the image-data ranges, in order."""
    digest = hashlib.sha256()
    for start, length in ranges:
        assert start >= 0 and start + length <= len(data)
        digest.update(data[start : start + length])
    return digest.hexdigest()


def iptc_trailers(jpeg: bytes, datasets: bytes) -> tuple[bytes, bytes]:
    """IIM appended after a JPEG the two ways desks do it: an AFCP and a FotoStation trailer."""
    start = len(jpeg)
    afcp = b"AXS!" + struct.pack(">HHI", 1, 1, 0)
    afcp += b"IPTC" + struct.pack(">II", len(datasets), start + 24) + datasets
    afcp += b"AXS!" + struct.pack(">II", start, 0)
    fotostation = datasets + struct.pack(">HI", 1, len(datasets) + 10) + b"\xa1\xb2\xc3\xd4"
    return afcp, fotostation
