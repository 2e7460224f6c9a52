"""WebP: a RIFF file of chunks; EXIF and XMP are chunks of their own.

The size is VP8X's canvas when there is one, else the VP8 or VP8L frame header. The image data
is the VP8/VP8L/ALPH (and animation frame) chunks. The RIFF size may lie (too big on a truncated
file, too small after a careless edit): chunks are read to the end of the file, and a size that
disagrees with them is a warning.
"""

from __future__ import annotations

import struct

from photodesk.metadata.container import RawMetadata
from photodesk.metadata.containers.buffers import fourcc, tiff_payload, trim_xmp

IMAGE_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"ALPH", b"ANMF"})
MAX_CHUNKS = 100_000


def parse_webp(view: memoryview) -> RawMetadata:
    """The blocks, size and image-data chunks of a WebP file."""
    # VP8 frames are YUV and VP8L ones ARGB: a WebP is always rgb, whatever its chunks say.
    out = RawMetadata("webp", color_mode="rgb")
    claimed, end, pos = 8 + struct.unpack_from("<I", view, 4)[0], len(view), 12
    if claimed > end:
        out.warnings.append("WebP RIFF size exceeds the file (truncated?)")
    for _ in range(MAX_CHUNKS):
        if pos + 8 > end:
            break
        kind, length = struct.unpack_from("<4sI", view, pos)
        data_end = pos + 8 + length
        if data_end > end:
            out.warnings.append(f"WebP chunk {fourcc(kind)} runs past the end of the file")
            data_end = end
        _chunk(view, kind, pos, data_end, out)
        pos = data_end + (length & 1)
    else:
        out.warnings.append("too many WebP chunks; stopped")
    if claimed < min(pos, end):
        out.warnings.append("WebP chunks continue past the RIFF size")
    if not out.image_data:
        out.warnings.append("WebP has no image data")
    return out


def _chunk(view: memoryview, kind: bytes, pos: int, end: int, out: RawMetadata) -> None:
    """Keep one chunk: image data range, canvas size, EXIF or XMP."""
    start = pos + 8
    if kind in IMAGE_CHUNKS:
        out.image_data.append((pos, end - pos))
        if out.width is None:
            _frame_size(view, kind, start, end, out)
    elif kind == b"VP8X" and end - start >= 10:
        b = bytes(view[start + 4 : start + 10])
        out.width = 1 + int.from_bytes(b[:3], "little")
        out.height = 1 + int.from_bytes(b[3:], "little")
    elif kind == b"EXIF" and out.exif is None:
        out.exif = tiff_payload(bytes(view[start:end])) or None
    elif kind == b"XMP " and out.xmp is None:
        out.xmp = trim_xmp(bytes(view[start:end]))


def _frame_size(view: memoryview, kind: bytes, start: int, end: int, out: RawMetadata) -> None:
    """The size in a VP8 key-frame header or a VP8L header (when there is no VP8X)."""
    head = bytes(view[start : min(end, start + 10)])
    if kind == b"VP8 " and len(head) >= 10 and head[3:6] == b"\x9d\x01\x2a":
        width, height = struct.unpack_from("<HH", head, 6)
        out.width, out.height = width & 0x3FFF, height & 0x3FFF
    elif kind == b"VP8L" and len(head) >= 5 and head[0] == 0x2F:
        bits = int.from_bytes(head[1:5], "little")
        out.width, out.height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
