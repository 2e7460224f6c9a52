"""ISOBMFF (HEIF/AVIF) box parsing: the box walk and the item tables of the ``meta`` box.

Items are the unit of HEIF: the coded image (or its grid tiles), the Exif block and the XMP
packet are each an item, described in ``iinf`` (type), ``iloc`` (where its bytes are) and
``ipma``/``ipco`` (properties such as ``ispe``, the size). Every size and count comes from the
file, so each is checked against the enclosing box before it is used.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from photodesk.metadata.containers.buffers import fourcc

MAX_BOXES = 10_000
MAX_ITEMS = 10_000
MAX_EXTENTS = 20_000  # all items together; an iPhone grid has ~50

# item id → (construction method, [(offset, length), …]) as written in iloc
Locations = dict[int, tuple[int, list[tuple[int, int]]]]
# item id → (item type, MIME content type)
Infos = dict[int, tuple[bytes, bytes]]


def boxes(
    view: memoryview, start: int, end: int, warnings: list[str]
) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) of each box between start and end; size 0 = to the end."""
    pos = start
    for _ in range(MAX_BOXES):
        if pos + 8 > end:
            return
        size, kind = struct.unpack_from(">I4s", view, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                break
            size, header = struct.unpack_from(">Q", view, pos + 8)[0], 16
        elif size == 0:
            size = end - pos
        if size < header:
            warnings.append(f"ISOBMFF box {fourcc(kind)} has size {size}; stopped")
            return
        if pos + size > end:
            warnings.append(f"ISOBMFF box {fourcc(kind)} runs past its container; cut")
            size = end - pos
        yield kind, pos + header, pos + size
        pos += size
    warnings.append("ISOBMFF box walk stopped (too many boxes or a truncated header)")


def item_infos(view: memoryview, start: int, end: int, warnings: list[str]) -> Infos:
    """iinf: each item's type (``hvc1``, ``av01``, ``grid``, ``Exif``, ``mime``) and MIME type."""
    if end - start < 6:
        return {}
    version = view[start]
    first = start + (6 if version == 0 else 8)
    infos: Infos = {}
    for kind, pos, box_end in boxes(view, first, end, warnings):
        if kind != b"infe" or box_end - pos < 12 or view[pos] < 2 or len(infos) >= MAX_ITEMS:
            continue
        wide = view[pos] >= 3
        item_id = struct.unpack_from(">I" if wide else ">H", view, pos + 4)[0]
        type_pos = pos + (10 if wide else 8)
        strings = bytes(view[type_pos + 4 : box_end]).split(b"\x00")
        content_type = strings[1] if len(strings) > 1 else b""
        infos[item_id] = (bytes(view[type_pos : type_pos + 4]), content_type)
    return infos


def item_locations(view: memoryview, start: int, end: int, warnings: list[str]) -> Locations:
    """iloc: where each item's bytes are (file offsets, or offsets into idat for method 1).

    Field sizes must be 0, 4 or 8 bytes; the extents of all items share one budget, since an
    extent of size 0 + 0 bytes costs no room in the box but a loop turn each.
    """
    if end - start < 8:
        return {}
    version = view[start]
    sizes = view[start + 4], view[start + 5]
    offset_size, length_size = sizes[0] >> 4, sizes[0] & 15
    base_size, index_size = sizes[1] >> 4, (sizes[1] & 15 if version in (1, 2) else 0)
    if not {offset_size, length_size, base_size, index_size} <= {0, 4, 8}:
        warnings.append("iloc has invalid field sizes")
        return {}
    pos, count = _uint(view, start + 6, 4 if version == 2 else 2)
    locations: Locations = {}
    budget = MAX_EXTENTS
    for _ in range(min(count, MAX_ITEMS)):
        pos, item_id = _uint(view, pos, 4 if version == 2 else 2)
        pos, method = _uint(view, pos, 2) if version in (1, 2) else (pos, 0)
        pos, base = _uint(view, pos + 2, base_size)
        pos, extent_count = _uint(view, pos, 2)
        budget -= extent_count
        if pos + extent_count * (index_size + offset_size + length_size) > end or budget < 0:
            warnings.append("iloc runs past its box or holds too many extents")
            break
        extents = []
        for _ in range(extent_count):
            pos, offset = _uint(view, pos + index_size, offset_size)
            pos, length = _uint(view, pos, length_size)
            extents.append((base + offset, length))
        locations[item_id] = (method & 15, extents)
    return locations


def item_properties(
    view: memoryview, start: int, end: int, warnings: list[str]
) -> dict[int, list[int]]:
    """ipma: the 1-based ipco property indices associated with each item."""
    if end - start < 8:
        return {}
    version, flags = view[start], view[start + 3]
    pos, count = _uint(view, start + 4, 4)
    found: dict[int, list[int]] = {}
    for _ in range(min(count, MAX_ITEMS)):
        pos, item_id = _uint(view, pos, 4 if version >= 1 else 2)
        pos, n = _uint(view, pos, 1)
        width = 2 if flags & 1 else 1
        if pos + n * width > end:
            warnings.append("ipma runs past its box")
            break
        mask = 0x7FFF if width == 2 else 0x7F  # the top bit says "essential"
        values = struct.unpack_from(f">{n}{'H' if width == 2 else 'B'}", view, pos)
        found[item_id] = [value & mask for value in values]
        pos += n * width
    return found


def _uint(view: memoryview, pos: int, size: int) -> tuple[int, int]:
    """A big-endian unsigned integer of 0, 1, 2, 4 or 8 bytes, and the position after it."""
    if size == 0:
        return pos, 0
    return pos + size, int.from_bytes(view[pos : pos + size], "big")
