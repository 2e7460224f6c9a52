"""TIFF, BigTIFF and DNG: the file is itself the EXIF structure; IPTC and XMP are IFD0 tags.

IFD0 gives the size (for a DNG whose IFD0 is a small preview, the full-resolution SubIFD does),
XMP (tag 700), IPTC (33723, or resource 0x0404 of the Photoshop IRB in 34377). The image data
is every strip or tile of IFD0 and its SubIFDs, in strip order, so that a rewrite that moves
strips still hashes the same.
"""

from __future__ import annotations

from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import irb
from photodesk.metadata.containers.buffers import trim_xmp
from photodesk.metadata.containers.trailers import trailer_iptc, use_trailer
from photodesk.metadata.ifd import (
    Entry,
    Tiff,
    entry_count,
    first_int,
    open_tiff,
    read_ifd,
    value_bytes,
    value_ints,
)

WIDTH, HEIGHT, SUBFILE, SUB_IFDS, XMP, IPTC, PHOTOSHOP = 256, 257, 254, 330, 700, 33723, 34377
PHOTOMETRIC = 262
STRIPS, STRIP_BYTES, TILES, TILE_BYTES = 273, 279, 324, 325
IMAGE_TAGS = frozenset({WIDTH, HEIGHT, SUBFILE, STRIPS, STRIP_BYTES, TILES, TILE_BYTES})
IFD0_TAGS = IMAGE_TAGS | {SUB_IFDS, XMP, IPTC, PHOTOSHOP, PHOTOMETRIC}
# PhotometricInterpretation → colour mode: WhiteIsZero and BlackIsZero are grey; RGB, palette
# (RGB entries) and YCbCr (an encoding of RGB, as in every JPEG) are rgb; Separated is CMYK.
# CFA and LinearRaw (a raw's sensor data), CIELab and the rest say nothing about the screen.
_PHOTOMETRIC = {0: "gray", 1: "gray", 2: "rgb", 3: "rgb", 6: "rgb", 5: "cmyk"}
MAX_SUB_IFDS = 8
MAX_STRIPS = 1 << 18  # a gigapixel scan in 256×256 tiles has ~15,000


def parse_tiff(view: memoryview) -> RawMetadata:
    """The blocks, size and strip ranges of a TIFF-structured file."""
    tiff = open_tiff(view)
    out = RawMetadata("tiff")
    if not entry_count(tiff, tiff.first_ifd):
        raise UnreadableImage(f"TIFF IFD0 at {tiff.first_ifd} is empty or outside the file")
    ifd0, _ = read_ifd(tiff, tiff.first_ifd, IFD0_TAGS, out.warnings, "IFD0")
    out.exif = bytes(view)
    out.width = first_int(tiff, ifd0.get(WIDTH), out.warnings)
    out.height = first_int(tiff, ifd0.get(HEIGHT), out.warnings)
    photometric = first_int(tiff, ifd0.get(PHOTOMETRIC), out.warnings)
    out.color_mode = None if photometric is None else _PHOTOMETRIC.get(photometric)
    _add_strips(tiff, ifd0, out)
    _sub_ifds(tiff, ifd0, out)
    _metadata_tags(tiff, ifd0, out)
    use_trailer(out, trailer_iptc(view, out.warnings))
    return out


def _sub_ifds(tiff: Tiff, ifd0: dict[int, Entry], out: RawMetadata) -> None:
    """DNG and some raws keep the full image in SubIFDs; IFD0 may be a reduced preview."""
    if SUB_IFDS not in ifd0:
        return
    reduced = (first_int(tiff, ifd0.get(SUBFILE), out.warnings) or 0) & 1
    visited = {tiff.first_ifd}
    for offset in value_ints(tiff, ifd0[SUB_IFDS], out.warnings, MAX_SUB_IFDS):
        if offset in visited:
            out.warnings.append("SubIFD loop ignored")
            continue
        visited.add(offset)
        sub, _ = read_ifd(tiff, offset, IMAGE_TAGS, out.warnings, "SubIFD")
        _add_strips(tiff, sub, out)
        if reduced and not (first_int(tiff, sub.get(SUBFILE), out.warnings) or 0) & 1:
            out.width = first_int(tiff, sub.get(WIDTH), out.warnings)
            out.height = first_int(tiff, sub.get(HEIGHT), out.warnings)
            reduced = 0


def _add_strips(tiff: Tiff, ifd: dict[int, Entry], out: RawMetadata) -> None:
    """(offset, length) of each strip or tile that lies inside the file."""
    offsets_tag, counts_tag = (TILES, TILE_BYTES) if TILES in ifd else (STRIPS, STRIP_BYTES)
    if offsets_tag not in ifd or counts_tag not in ifd:
        return
    offsets = value_ints(tiff, ifd[offsets_tag], out.warnings, MAX_STRIPS)
    counts = value_ints(tiff, ifd[counts_tag], out.warnings, MAX_STRIPS)
    if len(offsets) != len(counts):
        out.warnings.append("TIFF strip offsets and byte counts differ in number")
    size, cut = len(tiff.buf), False
    for offset, count in zip(offsets, counts, strict=False):
        if offset + count > size:
            cut, count = True, max(0, size - offset)
        if out.image_data and sum(out.image_data[-1]) == offset:
            out.image_data[-1] = (out.image_data[-1][0], out.image_data[-1][1] + count)
        elif count:
            out.image_data.append((offset, count))
    if cut:
        out.warnings.append("TIFF image data runs past the end of the file")


def _metadata_tags(tiff: Tiff, ifd0: dict[int, Entry], out: RawMetadata) -> None:
    """XMP from tag 700, IPTC from 33723 (raw IIM or an IRB) or from the IRB in 34377."""
    if XMP in ifd0:
        xmp = value_bytes(tiff, ifd0[XMP], out.warnings)
        out.xmp = trim_xmp(xmp)
    found: dict[int, list[bytes]] = {}
    if IPTC in ifd0:
        data = value_bytes(tiff, ifd0[IPTC], out.warnings) or b""
        if data.startswith(b"8BIM"):
            found = irb.resources(data, out.warnings)
        else:
            out.iim = data or None
    if PHOTOSHOP in ifd0:
        block = value_bytes(tiff, ifd0[PHOTOSHOP], out.warnings) or b""
        for rid, parts in irb.resources(block, out.warnings).items():
            found.setdefault(rid, parts)
    if out.iim is None:
        out.iim = irb.iim_of(found)
    if out.xmp is None:
        out.xmp = irb.first_of(found, irb.XMP)
