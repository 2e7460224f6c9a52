"""JPEG APP1 and APP13 segments: EXIF, XMP, extended XMP and the Photoshop IRB with IPTC.

The walk in jpeg.py hands each APP1/APP13 segment here; ``finish`` turns what was collected
into the RawMetadata blocks once the walk is over.
"""

from __future__ import annotations

from photodesk.metadata.container import RawMetadata
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
        if found.xmp is None:
            found.xmp = bytes(view[pos + 4 + len(XMP_ID) : end])
        else:
            out.warnings.append("extra XMP packet ignored")
    elif head.startswith(EXT_ID):
        xmp_ext.add_chunk(found.ext, bytes(view[pos + 4 + len(EXT_ID) : end]), out.warnings)
    elif found.xmp is None and (head.startswith((b"XMP\x00", b"http")) or b"<?xpacket" in head):
        found.xmp = _odd_xmp(bytes(view[pos + 4 : end]), out.warnings)


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
        out.iim = irb.iim_of(irb.resources(b"".join(found.irb), out.warnings))
    xmp = xmp_ext.merge(found.xmp, found.ext, out.warnings)
    out.xmp = trim_xmp(xmp)
