"""PNG: IHDR gives the size, eXIf the EXIF, iTXt/zTXt ``XML:com.adobe.xmp`` the XMP.

ImageMagick and exiv2 store EXIF and IPTC as hex "Raw profile type …" text chunks (see
png_text). Chunks are walked to IEND (metadata often follows IDAT); CRCs are not checked, as a
bad CRC in a text chunk is no reason to lose its caption. The image data is the run of IDAT
chunks (headers and CRCs included, since a rewrite copies them verbatim).
"""

from __future__ import annotations

import struct

from photodesk.metadata.container import RawMetadata
from photodesk.metadata.containers.buffers import fourcc, tiff_payload
from photodesk.metadata.containers.png_text import Blocks, put, read_text_chunk

MAX_CHUNKS = 200_000
TEXT_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt"})
# IHDR colour type → colour mode: grey (± alpha); truecolour, palette (RGB entries), RGBA.
_COLOR_TYPES = {0: "gray", 4: "gray", 2: "rgb", 3: "rgb", 6: "rgb"}


def parse_png(view: memoryview) -> RawMetadata:
    """The blocks, IHDR size and colour mode, and IDAT range of a PNG file."""
    out = RawMetadata("png")
    blocks: Blocks = {}
    pos, size = 8, len(view)
    idat_start = idat_end = -1
    for index in range(MAX_CHUNKS):
        if pos + 8 > size:
            out.warnings.append("PNG ends without IEND (truncated)")
            break
        length, kind = struct.unpack_from(">I4s", view, pos)
        end = pos + 12 + length
        if end > size:
            out.warnings.append(f"PNG chunk {fourcc(kind)} runs past the end of the file")
            if kind == b"IDAT":
                idat_start, idat_end = (pos if idat_start < 0 else idat_start), size
            break
        if index == 0 and kind not in (b"IHDR", b"CgBI"):  # CgBI: Apple's iOS-optimised PNG
            out.warnings.append("PNG does not start with IHDR")
        if kind == b"IHDR" and index < 2 and length >= 8:
            out.width, out.height = struct.unpack_from(">II", view, pos + 8)
            out.color_mode = _COLOR_TYPES.get(view[pos + 17]) if length >= 10 else None
        elif kind == b"IDAT":
            idat_start, idat_end = (pos if idat_start < 0 else idat_start), end
        elif kind == b"eXIf":
            put(blocks, "exif", tiff_payload(bytes(view[pos + 8 : end - 4])))
        elif kind in TEXT_CHUNKS:
            read_text_chunk(kind, bytes(view[pos + 8 : end - 4]), blocks, out.warnings)
        elif kind == b"IEND":
            break
        pos = end
    else:
        out.warnings.append("too many PNG chunks; stopped")
    if idat_start >= 0:
        out.image_data.append((idat_start, idat_end - idat_start))
    else:
        out.warnings.append("PNG has no image data (IDAT)")
    out.exif, out.iim, out.xmp = blocks.get("exif"), blocks.get("iim"), blocks.get("xmp")
    return out
