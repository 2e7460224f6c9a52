"""HEIC/HEIF and AVIF: the metadata are items of the ``meta`` box, like the image itself.

EXIF is the ``Exif`` item (4-byte offset to the TIFF header, then the TIFF structure), XMP the
first ``mime`` item of type ``application/rdf+xml``; the size is the ``ispe`` property of the
primary item. The image data is the bytes of every coded-image item (primary, grid tiles,
thumbnails), in item order; the Exif and XMP items are left out so that a metadata rewrite
keeps the hash.
"""

from __future__ import annotations

import struct

from photodesk.metadata.container import RawMetadata
from photodesk.metadata.containers import isobmff_boxes as ib
from photodesk.metadata.containers.buffers import trim_xmp

XMP_MIME = b"application/rdf+xml"
METADATA_ITEMS = frozenset({b"Exif", b"mime", b"uri "})
MAX_ITEM = 64 << 20


class _Meta:
    """The tables of one ``meta`` box."""

    __slots__ = ("idat", "infos", "locations", "primary", "properties", "props")

    def __init__(self) -> None:
        self.primary: int | None = None
        self.infos: ib.Infos = {}
        self.locations: ib.Locations = {}
        self.props: list[tuple[bytes, int, int]] = []  # ipco children, in order
        self.properties: dict[int, list[int]] = {}
        self.idat: tuple[int, int] | None = None


def parse_isobmff(view: memoryview, kind: str) -> RawMetadata:
    """The blocks, primary-image size and image-item ranges of a HEIF/AVIF file."""
    out = RawMetadata(kind)
    meta = None
    for box, start, end in ib.boxes(view, 0, len(view), out.warnings):
        if box == b"meta" and meta is None:
            meta = _read_meta(view, start, end, out.warnings)
    if meta is None:
        out.warnings.append("HEIF file has no meta box")
        return out
    _size(view, meta, out)
    _items(view, meta, out)
    return out


def _read_meta(view: memoryview, start: int, end: int, warnings: list[str]) -> _Meta:
    """Collect pitm, iinf, iloc, iprp and idat (meta is a FullBox, except in some writers)."""
    meta = _Meta()
    first = start if bytes(view[start + 4 : start + 8]) == b"hdlr" else start + 4
    for box, pos, box_end in ib.boxes(view, first, end, warnings):
        if box == b"pitm" and box_end - pos >= 6:
            wide = view[pos] > 0 and box_end - pos >= 8
            meta.primary = struct.unpack_from(">I" if wide else ">H", view, pos + 4)[0]
        elif box == b"iinf":
            meta.infos = ib.item_infos(view, pos, box_end, warnings)
        elif box == b"iloc":
            meta.locations = ib.item_locations(view, pos, box_end, warnings)
        elif box == b"idat":
            meta.idat = (pos, box_end)
        elif box == b"iprp":
            for child, cpos, cend in ib.boxes(view, pos, box_end, warnings):
                if child == b"ipco":
                    meta.props = list(ib.boxes(view, cpos, cend, warnings))
                elif child == b"ipma":
                    meta.properties = ib.item_properties(view, cpos, cend, warnings)
    return meta


def _size(view: memoryview, meta: _Meta, out: RawMetadata) -> None:
    """Width and height from the primary item's ``ispe`` (before any rotation, as ExifTool)."""
    if meta.primary is None:
        out.warnings.append("HEIF file has no primary item")
        return
    for index in meta.properties.get(meta.primary, ()):
        if 0 < index <= len(meta.props):
            kind, pos, end = meta.props[index - 1]
            if kind == b"ispe" and end - pos >= 12:
                out.width, out.height = struct.unpack_from(">II", view, pos + 4)
                return


def _items(view: memoryview, meta: _Meta, out: RawMetadata) -> None:
    """Exif and XMP item bytes; the extents of every image item as image data."""
    xmp_items = 0
    for item_id, (method, extents) in meta.locations.items():
        item_type, content_type = meta.infos.get(item_id, (b"", b""))
        if item_type not in METADATA_ITEMS:
            out.image_data.extend(_extents(view, meta, method, extents, out.warnings))
        elif item_type == b"Exif" and out.exif is None:
            out.exif = _exif_payload(
                _item_bytes(view, meta, method, extents, out.warnings), out.warnings
            )
        elif item_type == b"mime" and content_type == XMP_MIME:
            xmp_items += 1
            if out.xmp is None:
                data = _item_bytes(view, meta, method, extents, out.warnings)
                out.xmp = trim_xmp(data)
    if xmp_items > 1:
        out.warnings.append(f"{xmp_items} XMP items; read the first")


def _extents(
    view: memoryview, meta: _Meta, method: int, extents: list[tuple[int, int]], warnings: list[str]
) -> list[tuple[int, int]]:
    """Absolute (offset, length) ranges of an item, checked against the file or the idat box."""
    if (method == 1 and meta.idat is None) or method > 1:
        warnings.append(f"HEIF item stored by construction method {method}; not read")
        return []
    base, limit = meta.idat if method == 1 and meta.idat else (0, len(view))
    ranges = []
    for offset, length in extents:
        start = base + offset
        length = length or limit - start  # length 0 means "to the end"
        if start + length > limit or length < 0:
            warnings.append("HEIF item lies outside the file")
            return []
        ranges.append((start, length))
    return ranges


def _item_bytes(
    view: memoryview, meta: _Meta, method: int, extents: list[tuple[int, int]], warnings: list[str]
) -> bytes | None:
    """An item's bytes (its extents joined), if it is not absurdly large."""
    ranges = _extents(view, meta, method, extents, warnings)
    if sum(length for _, length in ranges) > MAX_ITEM:
        warnings.append("HEIF metadata item too large; ignored")
        return None
    return b"".join(bytes(view[start : start + length]) for start, length in ranges) or None


def _exif_payload(data: bytes | None, warnings: list[str]) -> bytes | None:
    """Skip the Exif item's header: a 4-byte offset to the TIFF header (past ``Exif\\0\\0``)."""
    if data is None or len(data) < 12:
        return None
    start = 4 + int.from_bytes(data[:4], "big")
    if data[start : start + 2] in (b"II", b"MM"):
        return data[start:]
    for magic in (b"II*\x00", b"MM\x00*"):
        found = data.find(magic, 4, 64)
        if found >= 0:
            warnings.append("HEIF Exif item has a wrong TIFF header offset")
            return data[found:]
    warnings.append("HEIF Exif item holds no TIFF header")
    return None
