"""A small, bounded TIFF IFD walker for EXIF blocks and TIFF files (classic and BigTIFF).

General EXIF libraries parse every tag, maker notes included, which costs more per file than
the whole desk scan may spend. This walker unpacks one directory's tag numbers in a single C
call, keeps only the tags asked for, and checks every offset and size against the buffer, so
that a hostile file costs a warning, never an exception or an allocation it chose.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from typing import NamedTuple

from photodesk.metadata.container import UnreadableImage

# Bytes per value of each TIFF field type (1 BYTE … 12 DOUBLE, 13 IFD, 16-18 the BigTIFF ones).
TYPE_SIZES = (0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8)
MAX_ENTRIES = 4096  # real IFDs hold a few hundred entries at most
MAX_VALUE = 16 << 20  # no single tag value we read is larger (XMP in TIFF can be big)
# Integer types; signed ones too, because broken writers use them for sizes and offsets.
_INT_CODES = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 13: "I", 16: "Q", 17: "q", 18: "Q"}
# (tag, type, count, value position); the position is inline or the offset, not yet validated.
Entry = tuple[int, int, int, int]


class IfdError(UnreadableImage):
    """The TIFF header itself is unusable: there is no directory to read."""


class Tiff(NamedTuple):
    """A TIFF structure in a buffer: byte order, classic or BigTIFF, where IFD0 is."""

    buf: bytes | memoryview
    order: str  # "<" or ">"
    big: bool
    first_ifd: int


class _Layout(NamedTuple):
    """How one flavour of TIFF lays out an IFD: count, entry, next-offset formats and sizes."""

    count_fmt: struct.Struct
    entry_fmt: struct.Struct
    next_fmt: struct.Struct
    inline: int  # bytes of value that fit in the entry itself


# _LAYOUTS[big][little-endian]: how each flavour of TIFF lays out an IFD.
_LAYOUTS = tuple(
    tuple(
        _Layout(
            struct.Struct(order + ("Q" if big else "H")),
            struct.Struct(order + ("HHQQ" if big else "HHII")),
            struct.Struct(order + ("Q" if big else "I")),
            8 if big else 4,
        )
        for order in "><"
    )
    for big in (False, True)
)


@lru_cache(maxsize=512)
def _tag_struct(order: str, big: bool, count: int) -> struct.Struct:
    """Unpacks just the tag numbers of a ``count``-entry table, skipping the rest of each entry."""
    return struct.Struct(order + ("H18x" if big else "H10x") * count)


def open_tiff(buf: bytes | memoryview) -> Tiff:
    """Read the 8-byte (BigTIFF: 16-byte) header; raise IfdError if it is not TIFF."""
    head = bytes(buf[:16])
    magic = head[:4]
    if magic == b"II*\x00" or magic == b"MM\x00*":
        if len(head) < 8:
            raise IfdError("truncated TIFF header")
        order = "<" if head[0] == 0x49 else ">"
        return Tiff(buf, order, False, struct.unpack_from(order + "I", head, 4)[0])
    if magic == b"II+\x00" or magic == b"MM\x00+":
        order = "<" if head[0] == 0x49 else ">"
        if len(head) < 16 or struct.unpack_from(order + "HH", head, 4) != (8, 0):
            raise IfdError("truncated or unknown BigTIFF header")
        return Tiff(buf, order, True, struct.unpack_from(order + "Q", head, 8)[0])
    raise IfdError(f"not a TIFF structure (starts {magic.hex(' ')})")


def entry_count(tiff: Tiff, offset: int) -> int:
    """How many entries the IFD at ``offset`` claims; 0 when the offset is outside the data."""
    count_fmt = _LAYOUTS[tiff.big][tiff.order == "<"].count_fmt
    if offset < 8 or offset + count_fmt.size > len(tiff.buf):
        return 0
    count: int = count_fmt.unpack_from(tiff.buf, offset)[0]
    return count


def read_ifd(
    tiff: Tiff, offset: int, wanted: frozenset[int], warnings: list[str], name: str = "IFD"
) -> tuple[dict[int, Entry], int]:
    """The wanted entries of the IFD at ``offset`` and the offset of the next IFD (0 if none)."""
    buf, order, big, _ = tiff
    count_fmt, entry_fmt, next_fmt, inline = _LAYOUTS[big][order == "<"]
    size, width = len(buf), entry_fmt.size
    start = offset + count_fmt.size
    if offset < 8 or start > size:
        warnings.append(f"{name} offset {offset} is outside the data")
        return {}, 0
    count = count_fmt.unpack_from(buf, offset)[0]
    fits = min((size - start) // width, MAX_ENTRIES)
    if count > fits:
        warnings.append(f"{name} claims {count} entries; reading {fits}")
        count = fits
    tags = _tag_struct(order, big, count).unpack_from(buf, start)
    entries = {}
    for tag in wanted.intersection(tags):
        pos = start + tags.index(tag) * width
        _, typ, n, raw = entry_fmt.unpack_from(buf, pos)
        fits_inline = n * (TYPE_SIZES[typ] if typ < 19 else 0) <= inline
        entries[tag] = (tag, typ, n, pos + width - inline if fits_inline else raw)
    next_pos = start + count * width
    if next_pos + next_fmt.size > size:
        return entries, 0
    return entries, next_fmt.unpack_from(buf, next_pos)[0]


def value_bytes(
    tiff: Tiff, entry: Entry, warnings: list[str], limit: int = MAX_VALUE
) -> bytes | None:
    """The raw bytes of an entry's value, or None (with a warning) when it is absurd or outside."""
    tag, typ, count, pos = entry
    width = TYPE_SIZES[typ] if typ < len(TYPE_SIZES) else 0
    if width == 0:
        warnings.append(f"tag 0x{tag:04x} has unknown type {typ}")
        return None
    size = count * width
    if size > limit:
        warnings.append(f"tag 0x{tag:04x} claims {size} bytes; ignored")
        return None
    if pos + size > len(tiff.buf):
        warnings.append(f"tag 0x{tag:04x} value lies outside the data")
        return None
    return bytes(tiff.buf[pos : pos + size])


def value_ints(tiff: Tiff, entry: Entry, warnings: list[str], limit: int = 65536) -> list[int]:
    """An entry's integer values (BYTE, SHORT, LONG, IFD, LONG8, signed ones), at most ``limit``."""
    tag, typ, count, pos = entry
    code = _INT_CODES.get(typ)
    if code is None:
        warnings.append(f"tag 0x{tag:04x} has type {typ}, not an integer")
        return []
    if count > limit:
        warnings.append(f"tag 0x{tag:04x} has {count} values; reading {limit}")
        count = limit
    if pos + count * TYPE_SIZES[typ] > len(tiff.buf):
        warnings.append(f"tag 0x{tag:04x} value lies outside the data")
        return []
    return list(struct.unpack_from(f"{tiff.order}{count}{code}", tiff.buf, pos))


def first_int(tiff: Tiff, entry: Entry | None, warnings: list[str]) -> int | None:
    """The first integer value of an entry (a size, a pointer), or None."""
    if entry is None:
        return None
    values = value_ints(tiff, entry, warnings, 1)
    return values[0] if values else None
