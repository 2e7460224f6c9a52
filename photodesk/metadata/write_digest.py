"""Bring Photoshop's IPTCDigest up to date after libexiv2 has rewritten the IIM block.

Photoshop image resource 0x0425 (IPTCDigest) holds the MD5 of the IPTC-IIM data as the last
MWG-compliant writer left it. A reader that follows the Metadata Working Group (Photoshop,
Lightroom, ExifTool's MWG module) compares it with the IIM it finds: when they differ it takes
the IIM for changed by a tool that ignored XMP, and prefers the IIM copy, which photodesk cuts at
the IIM byte limit. libexiv2 rewrites the IIM but copies 0x0425 through unchanged, so every file
that carried a digest would come out "not current" (ExifTool: "IPTCDigest is not current. XMP
may be out of sync") and long captions would be read back cut.

photodesk writes every field it holds into XMP and IIM alike (``write_plan``), so after its write
the two agree, which is exactly what a current digest says. The digest is therefore made current
whenever the written file has one, including one that was already stale in the original, whose
desk fields were reconciled and written to both blocks. A file without a 0x0425 resource gets
none: no digest is a valid state and adding a resource would mean re-laying out the block.

What is hashed is what ExifTool hashes for its CurrentIPTCDigest, the standard IIM location only:

- JPEG: the data of the first ``8BIM`` 0x0404 resource of the APP13 "Photoshop 3.0" IRB
  (its exact size, without the pad byte), the IRB joined over its APP13 segments;
- TIFF: the whole value of IFD0 tag 33723 (IPTC-NAA, padding included: libexiv2 writes it as
  LONGs); the digest lives in the IRB of tag 34377. When a TIFF has no tag 33723, libexiv2 puts
  the IIM into that IRB as 0x0404 instead (ExifTool then computes no CurrentIPTCDigest), and the
  digest is taken of that, the only IIM in the file.

The 16 bytes are overwritten in place: the same length, nothing moves, and so neither the image
data nor any offset can change. Anything unexpected in the structure leaves the bytes as they
are (a stale digest is the old behaviour, never a broken file).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterator

from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers.irb import IPTC
from photodesk.metadata.containers.jpeg_app import PS_ID
from photodesk.metadata.ifd import open_tiff, read_ifd, value_bytes

IPTC_DIGEST = 0x0425
DIGEST_SIZE = 16
TIFF_IPTC, TIFF_PHOTOSHOP = 33723, 34377
# Resource signatures an IRB may hold (as in containers.irb); only 8BIM resources are Photoshop's
# IPTC and digest, the others are walked over.
_SIGNATURES = (b"8BIM", b"MeSa", b"PHUT", b"AgHg", b"DCSR")
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # JPEG markers without a length


def refresh_iptc_digest(data: bytes, fmt: str) -> bytes:
    """``data`` with every IPTCDigest set to the MD5 of its IIM; ``data`` itself if none changes.

    Only JPEG and TIFF carry the digest where libexiv2 writes; other formats are returned as-is.
    """
    if fmt == "jpeg":
        return _jpeg(data)
    if fmt == "tiff":
        return _tiff(data)
    return data


def _jpeg(data: bytes) -> bytes:
    """Patch the digest in the Photoshop IRB, which may be split over several APP13 segments."""
    pieces = _app13_pieces(data)
    if not pieces:
        return data
    block = b"".join(data[start:end] for start, end in pieces)
    patched = _with_digest(block, _first_iim(block))
    if patched == block:
        return data
    out, at = bytearray(data), 0
    for start, end in pieces:
        out[start:end] = patched[at : at + end - start]
        at += end - start
    return bytes(out)


def _app13_pieces(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of the IRB bytes of each "Photoshop 3.0" APP13 segment before SOS, in order.

    Stray bytes between segments are skipped to the next ``FF`` (libexiv2 copies them through;
    ExifTool and our reader skip them too). Empty when the walk does not reach SOS: that file is
    better left with its digest as it is than patched from an IRB that may be incomplete.
    """
    pieces: list[tuple[int, int]] = []
    pos, size = 2, len(data)
    if data[:2] != b"\xff\xd8":
        return []
    while pos + 4 <= size:
        marker = data[pos + 1]
        if data[pos] != 0xFF or marker == 0x00:  # stray bytes: on to the next FF, as readers do
            pos = data.find(b"\xff", pos + 1)
            if pos < 0:
                return []
        elif marker == 0xFF:
            pos += 1
        elif marker in _STANDALONE:
            pos += 2
        elif marker in (0xDA, 0xD9):
            return pieces if marker == 0xDA else []
        else:
            end = pos + 2 + struct.unpack_from(">H", data, pos + 2)[0]
            if end > size:
                return []
            head = pos + 4 + len(PS_ID)
            if marker == 0xED and data[pos + 4 : head] == PS_ID:
                pieces.append((head, end))
            pos = end
    return []


def _tiff(data: bytes) -> bytes:
    """Patch the digest in the IRB of tag 34377 to the MD5 of tag 33723 (the standard IIM)."""
    warnings: list[str] = []
    try:
        tiff = open_tiff(data)
        ifd0, _ = read_ifd(tiff, tiff.first_ifd, frozenset({TIFF_IPTC, TIFF_PHOTOSHOP}), warnings)
    except UnreadableImage:
        return data
    if TIFF_PHOTOSHOP not in ifd0:
        return data
    block = value_bytes(tiff, ifd0[TIFF_PHOTOSHOP], warnings)
    if block is None:
        return data
    iim = value_bytes(tiff, ifd0[TIFF_IPTC], warnings) if TIFF_IPTC in ifd0 else None
    if iim is None:
        iim = _first_iim(block)
    elif iim.startswith(b"8BIM"):
        return data  # an IRB where the IIM belongs: not a layout any digest was made for
    patched = _with_digest(block, iim)
    if patched == block:
        return data
    at = ifd0[TIFF_PHOTOSHOP][3]
    return data[:at] + patched + data[at + len(block) :]


def _first_iim(block: bytes) -> bytes | None:
    """The data of the IRB's first 0x0404 resource: the IIM a digest in this IRB is taken of."""
    return next((block[at : at + size] for rid, at, size in _resources(block) if rid == IPTC), None)


def _with_digest(block: bytes, iim: bytes | None) -> bytes:
    """The IRB ``block`` with each 16-byte 0x0425 resource set to the MD5 of ``iim``."""
    if iim is None:
        return block
    digest = hashlib.md5(iim, usedforsecurity=False).digest()
    out = bytearray(block)
    for rid, start, size in _resources(block):
        if rid == IPTC_DIGEST and size == DIGEST_SIZE:
            out[start : start + size] = digest
    return bytes(out)


def _resources(block: bytes) -> Iterator[tuple[int, int, int]]:
    """(id, data start, data size) of each ``8BIM`` resource, until the walk meets anything odd.

    ``containers.irb`` reads the same structure for values; this walk keeps the positions.
    """
    pos, end = 0, len(block)
    while pos + 12 <= end and block[pos : pos + 4] in _SIGNATURES:
        rid, name_len = struct.unpack_from(">HB", block, pos + 4)
        size_pos = pos + 6 + ((name_len + 2) & ~1)
        if size_pos + 4 > end:
            return
        size = struct.unpack_from(">I", block, size_pos)[0]
        start = size_pos + 4
        if start + size > end:
            return
        if block[pos : pos + 4] == b"8BIM":
            yield rid, start, size
        pos = start + size + (size & 1)
