"""JPEG: walk the marker segments up to the start of scan, never into the entropy-coded data.

Metadata lives in APPn segments before SOS: EXIF and XMP in APP1, IPTC in APP13 (a Photoshop
IRB, possibly split over several segments) or in an AFCP/FotoStation trailer after EOI. After
SOS only the last EOI before any trailer is looked for, with one ``rfind``. ``image_data`` is
every segment that is not APPn or COM (quantisation and Huffman tables, SOF, DRI, …) plus SOS
through EOI: exactly what a metadata rewrite must leave unchanged, and nothing it may change.
"""

from __future__ import annotations

import struct

from photodesk.metadata.container import RawMetadata
from photodesk.metadata.containers.buffers import find, rfind
from photodesk.metadata.containers.jpeg_app import Found, app, finish
from photodesk.metadata.containers.trailers import Trailer, trailer_iptc, use_trailer

_HEAD = struct.Struct(">BBH")
_STANDALONE = frozenset({0x01, 0xD8, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7})
# Markers followed by a length: everything from SOF0 to COM except RSTn, SOI and EOI.
_SEGMENTS = frozenset(range(0xC0, 0xFF)) - _STANDALONE - {0xD9}
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
MAX_SEGMENTS = 65536
# SOF component count → colour mode. Four components are CMYK or YCCK (Adobe APP14 says which);
# both are print separations, so neither needs APP14 to be parsed.
_COMPONENTS = {1: "gray", 3: "rgb", 4: "cmyk"}


def parse_jpeg(view: memoryview) -> RawMetadata:
    """The metadata blocks, SOF size and colour mode, and image-data ranges of a JPEG file."""
    out, found, sos, run = scan_to_sos(view)
    trailer = trailer_iptc(view, out.warnings)
    eoi = rfind(view, b"\xff\xd9", sos, trailer.start) if sos is not None else -1
    end_jpeg(out, found, (sos, run, eoi), trailer)
    return out


def scan_to_sos(view: memoryview) -> tuple[RawMetadata, Found, int | None, int]:
    """The segments up to SOS: what they hold, the SOS position (or None), the last image run."""
    out = RawMetadata("jpeg")
    found = Found()
    sos, run = _walk(view, out, found)
    if found.junk:
        out.warnings.append(f"skipped {found.junk} stray bytes between JPEG segments")
    return out, found, sos, run


def end_jpeg(
    out: RawMetadata, found: Found, scan: tuple[int | None, int, int], trailer: Trailer
) -> None:
    """Add the image data ``(sos, run, eoi)`` and turn what was found (and the trailer's IPTC)
    into blocks."""
    sos, run, eoi = scan
    trailer_start = trailer.start
    if sos is not None:
        if eoi < 0:
            out.warnings.append("JPEG has no EOI marker (truncated?)")
        out.image_data.append((run, (eoi + 2 if eoi >= 0 else trailer_start) - run))
    elif not out.warnings:
        out.warnings.append("JPEG has no image data (no SOS)")
    finish(out, found)
    use_trailer(out, trailer)


def _walk(view: memoryview, out: RawMetadata, found: Found) -> tuple[int | None, int]:
    """Segment by segment from after SOI, to SOS.

    Returns the SOS position (None if the walk stopped early) and the start of the run of
    image-data segments that SOS ends; earlier runs are already in ``out.image_data``.
    """
    pos, size, run = 2, len(view), -1
    for index in range(MAX_SEGMENTS):
        if pos + 4 > size:
            found.short = pos + 4
            out.warnings.append("JPEG ends before the image data (truncated)")
            return None, run
        ff, marker, length = _HEAD.unpack_from(view, pos)
        end = pos + 2 + length
        if ff != 0xFF or marker not in _SEGMENTS or length < 2 or end > size:
            if run >= 0:
                out.image_data.append((run, pos - run))
                run = -1
            pos = _oddity(view, pos, out, found)
            if pos < 0:
                return None, run
        elif marker >= 0xE0 and (marker <= 0xEF or marker == 0xFE):
            if run >= 0:
                out.image_data.append((run, pos - run))
                run = -1
            if marker == 0xE1 or marker == 0xED:
                app(view, marker, pos, end, index, out, found)
            pos = end
        else:
            run = pos if run < 0 else run
            if marker == 0xDA:
                return pos, run
            if out.width is None and marker in _SOF and length >= 7:
                out.height, out.width = struct.unpack_from(">HH", view, pos + 5)
                out.color_mode = _COMPONENTS.get(view[pos + 9]) if length >= 8 else None
            pos = end
    out.warnings.append("too many JPEG segments; stopped")
    return None, run


def _oddity(view: memoryview, pos: int, out: RawMetadata, found: Found) -> int:
    """Where to go on from something that is not a well-formed segment; -1 to stop the walk.

    Fill bytes and standalone markers are stepped over, stray bytes skipped to the next
    ``FF`` (counted, as ExifTool does); an early EOI, an unknown marker or a bad segment
    length ends the walk.
    """
    ff, marker, length = _HEAD.unpack_from(view, pos)
    if ff == 0xFF and marker == 0xFF:
        return pos + 1
    if ff == 0xFF and marker in _STANDALONE:
        return pos + 2
    if ff == 0xFF and marker != 0x00:
        if marker == 0xD9:
            out.warnings.append("JPEG ends (EOI) before the image data")
        elif marker not in _SEGMENTS:
            out.warnings.append(f"unknown JPEG marker 0x{marker:02X} at {pos}")
        elif length < 2:
            out.warnings.append(f"JPEG segment 0x{marker:02X} at {pos} has length {length}")
        else:
            found.short = pos + 2 + length + 4
            out.warnings.append(
                f"JPEG segment 0x{marker:02X} at {pos} runs past the end of the file"
            )
        return -1
    nxt = find(view, b"\xff", pos + 1)
    if nxt < 0:
        found.short = len(view) + 1
        out.warnings.append("JPEG ends in stray bytes before the image data")
        return -1
    found.junk += nxt - pos
    return nxt
