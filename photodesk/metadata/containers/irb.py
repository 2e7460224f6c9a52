"""Photoshop Image Resource Blocks: where JPEG APP13, TIFF tag 34377 and PSD keep IPTC and XMP.

An IRB is a run of ``8BIM`` resources: id, padded Pascal name, size, data padded to even. IPTC-IIM
is resource 0x0404, XMP 0x0424, EXIF 0x0422. A file may hold several 0x0404 resources (Photoshop
writes one, broken tools several); their datasets are concatenated in order, as ExifTool shows
them as IPTC, IPTC2, ….
"""

from __future__ import annotations

import struct

IPTC, EXIF, XMP = 0x0404, 0x0422, 0x0424
_SIGNATURES = (b"8BIM", b"MeSa", b"PHUT", b"AgHg", b"DCSR")
MAX_RESOURCES = 10_000


def resources(data: bytes, warnings: list[str]) -> dict[int, list[bytes]]:
    """Every resource's data by id, in file order; a broken block stops the walk with a warning."""
    found: dict[int, list[bytes]] = {}
    pos, end = 0, len(data)
    for _ in range(MAX_RESOURCES):
        if pos + 4 > end or (pos + 12 > end and not data[pos:end].strip(b"\x00")):
            return found
        if data[pos : pos + 4] not in _SIGNATURES:
            if data[pos:end].strip(b"\x00"):
                warnings.append(f"Photoshop IRB: unknown resource signature at {pos}")
            return found
        if pos + 7 > end:
            break
        rid, name_len = struct.unpack_from(">HB", data, pos + 4)
        size_pos = pos + 6 + ((name_len + 2) & ~1)
        if size_pos + 4 > end:
            break
        size = struct.unpack_from(">I", data, size_pos)[0]
        start = size_pos + 4
        if start + size > end:
            warnings.append(f"Photoshop IRB: resource 0x{rid:04x} runs past the end; cut")
            size = end - start
        found.setdefault(rid, []).append(data[start : start + size])
        pos = start + size + (size & 1)
    else:
        warnings.append("Photoshop IRB: too many resources")
        return found
    warnings.append("Photoshop IRB: truncated resource header")
    return found


def iim_parts(found: dict[int, list[bytes]]) -> list[bytes]:
    """The non-empty 0x0404 resources (IPTC-IIM datasets), in file order."""
    return [part for part in found.get(IPTC, ()) if part.strip(b"\x00")]


def iim_of(found: dict[int, list[bytes]]) -> bytes | None:
    """The IPTC-IIM datasets of all non-empty 0x0404 resources, concatenated."""
    return b"".join(iim_parts(found)) or None


def first_of(found: dict[int, list[bytes]], rid: int) -> bytes | None:
    """The first non-empty resource with this id (XMP, EXIF)."""
    return next((part for part in found.get(rid, ()) if part), None)
