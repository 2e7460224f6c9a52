"""IPTC appended after the image: AFCP and FotoWare FotoStation trailers.

Older newsroom systems stored the caption after the end of a JPEG or TIFF instead of in APP13.
AFCP ends with ``AXS!`` (big-endian) or ``AXS*`` (little-endian) and the trailer's start; the
start repeats the signature, then a version, an entry count and entries ``tag size offset``.
FotoStation records are read backwards from the end: ``data, tag(2) size(4) 0xA1B2C3D4``,
where size counts the data and the 10-byte footer; record 1 is raw IPTC-IIM.

A trailer is the file's IIM only when nothing else holds one; behind an APP13 (or TIFF tag) IIM
it is a copy the reader does not use, kept so that a write can refuse to leave it stale.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from photodesk.metadata.container import Copy, RawMetadata
from photodesk.metadata.containers.buffers import rfind

MAX_ENTRIES = 256
FOTOSTATION = b"\xa1\xb2\xc3\xd4"


class Trailer(NamedTuple):
    """A trailer's IPTC (or None), where the trailer starts (the file size if none), its kind."""

    iim: bytes | None
    start: int
    name: str = ""


def trailer_iptc(view: memoryview, warnings: list[str]) -> Trailer:
    """The file's IPTC trailer, if any."""
    size = len(view)
    if size < 24:
        return Trailer(None, size)
    tail = bytes(view[size - 12 :])
    if tail[:3] == b"AXS" and tail[3:4] in (b"!", b"*"):
        return Trailer(*_afcp(view, tail, warnings), "AFCP")
    if tail[-4:] == FOTOSTATION:
        return Trailer(*_fotostation(view, warnings), "FotoStation")
    return Trailer(None, size)


def use_trailer(out: RawMetadata, trailer: Trailer) -> None:
    """The trailer's IPTC as the file's IIM when it has none yet, else as a copy."""
    if trailer.iim is None:
        return
    if out.iim is None:
        out.iim = trailer.iim
    else:
        out.copies.append(Copy("iim", f"its {trailer.name} trailer", trailer.iim))


def _afcp(view: memoryview, tail: bytes, warnings: list[str]) -> tuple[bytes | None, int]:
    """The IPTC entry of an AFCP trailer.

    Its offsets are absolute, so a tool that grows the file's head and copies the trailer through
    (libexiv2 does) leaves them all short by the same amount. Then, as ExifTool does, the
    trailer's header is looked for (the last one before the footer) and every offset shifted.
    """
    size = len(view)
    order = ">" if tail[3:4] == b"!" else "<"
    stored = struct.unpack_from(order + "I", tail, 4)[0]
    start = stored
    if start + 12 > size or bytes(view[start : start + 4]) != tail[:4]:
        start = rfind(view, tail[:4], 0, size - 12)
        if start < 0 or start + 12 > size - 12:
            warnings.append("AFCP trailer points outside the file; ignored")
            return None, size
    shift = start - stored
    count = min(struct.unpack_from(order + "H", view, start + 6)[0], MAX_ENTRIES)
    for index in range(count):
        entry = start + 12 + 12 * index
        if entry + 12 > size:
            break
        length, offset = struct.unpack_from(order + "II", view, entry + 4)
        offset += shift
        if bytes(view[entry : entry + 4]) == b"IPTC":
            if offset < 0 or offset + length > size:
                warnings.append("AFCP IPTC entry runs past the end of the file; ignored")
                return None, start
            return bytes(view[offset : offset + length]), start
    return None, start


def _fotostation(view: memoryview, warnings: list[str]) -> tuple[bytes | None, int]:
    """Walk FotoStation records from the end; keep record 1 (IPTC)."""
    end, iptc = len(view), None
    for _ in range(MAX_ENTRIES):
        if end < 10 or bytes(view[end - 4 : end]) != FOTOSTATION:
            break
        tag, size = struct.unpack_from(">HI", view, end - 10)
        if size < 10 or size > end:
            warnings.append("FotoStation trailer record has a bad size; stopped")
            break
        if tag == 1:
            iptc = bytes(view[end - size : end - 10])
        end -= size
    return iptc, end
