"""JPEG APP1 and APP13 segments: EXIF, XMP, extended XMP and the Photoshop IRB with IPTC.

The walk in jpeg.py hands each APP1/APP13 segment here; ``finish`` turns what was collected
into the RawMetadata blocks once the walk is over.
"""

from __future__ import annotations

from photodesk.metadata.container import Copy, RawMetadata
from photodesk.metadata.containers import irb, xmp_ext
from photodesk.metadata.containers.buffers import trim_xmp

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
EXT_ID = b"http://ns.adobe.com/xmp/extension/\x00"
PS_ID = b"Photoshop 3.0\x00"


class Found:
    """What the walk collected; turned into RawMetadata once the walk is over."""

    __slots__ = ("exif", "exif_at", "ext", "irb", "junk", "short", "xmp")

    def __init__(self) -> None:
        self.exif: list[bytes] = []
        self.exif_at = -2  # index of the last EXIF segment: the next one may continue it
        self.xmp: bytes | None = None
        self.ext: xmp_ext.Chunks = {}
        self.irb: list[bytes] = []
        self.junk = 0
        self.short = 0  # the walk met the end of the bytes: how many it needed to go on


def app(
    view: memoryview, marker: int, pos: int, end: int, index: int, out: RawMetadata, found: Found
) -> None:
    """APP13 Photoshop IRB parts, or APP1 EXIF (joined with continuation segments, as ExifTool
    does), XMP and extended XMP."""
    if marker == 0xED:
        if bytes(view[pos + 4 : pos + 18]) == PS_ID:
            found.irb.append(bytes(view[pos + 18 : end]))
        return
    head = bytes(view[pos + 4 : min(end, pos + 52)])
    if head[:5] == b"Exif\x00":
        continues = found.exif_at == index - 1 and head[6:10] not in (b"II*\x00", b"MM\x00*")
        if not found.exif or continues:
            found.exif.append(bytes(view[pos + 10 : end]))
            found.exif_at = index
        else:
            out.warnings.append("extra EXIF segment ignored")
    elif head.startswith(XMP_ID):
        _xmp(found, out, bytes(view[pos + 4 + len(XMP_ID) : end]), "a second XMP segment")
    elif head.startswith(EXT_ID):
        xmp_ext.add_chunk(found.ext, bytes(view[pos + 4 + len(EXT_ID) : end]), out.warnings)
    elif head.startswith((b"XMP\x00", b"http")) or b"<?xpacket" in head:
        packet = _odd_xmp(bytes(view[pos + 4 : end]), out.warnings)
        if packet is not None:
            _xmp(found, out, packet, "an XMP segment with a non-standard header")


def _xmp(found: Found, out: RawMetadata, packet: bytes, where: str) -> None:
    """The first packet is the file's XMP; any later one a copy the reader ignores."""
    if found.xmp is None:
        found.xmp = packet
        return
    out.warnings.append("extra XMP packet ignored")
    kept = trim_xmp(packet)
    if kept is not None:
        out.copies.append(Copy("xmp", where, kept))


def _odd_xmp(data: bytes, warnings: list[str]) -> bytes | None:
    """XMP behind a non-standard header: from the packet or xmpmeta start (as ExifTool reads it)."""
    starts = [i for i in (data.find(b"<?xpacket"), data.find(b"<x:xmpmeta")) if i >= 0]
    if not starts:
        return None
    warnings.append("XMP segment has a non-standard header")
    return data[min(starts) :]


def finish(out: RawMetadata, found: Found) -> None:
    """Join EXIF parts, take IPTC out of the IRB, merge extended XMP."""
    if len(found.exif) > 1:
        out.warnings.append(f"EXIF split over {len(found.exif)} APP1 segments; joined")
    out.exif = b"".join(found.exif) or None
    if found.irb:
        parts = irb.iim_parts(irb.resources(b"".join(found.irb), out.warnings))
        out.iim = b"".join(parts) or None
        where = "a second IPTC record in its Photoshop APP13 segment"
        out.copies.extend(Copy("iim", where, part) for part in parts[1:])
    xmp = xmp_ext.merge(found.xmp, found.ext, out.warnings)
    out.xmp = trim_xmp(xmp)
