"""One value per field from up to three blocks, and every real disagreement kept (DESIGN.md).

Per field the first block in ``BLOCK_PRIORITY`` (XMP, then IIM, then EXIF) that has a value
wins. The others are compared with it under the rules of ``core.agreement``; an IIM value that is
the XMP value cut at its IIM byte limit is a truncation, not a conflict. Any other difference
becomes a ``Conflict`` carrying each block's value, so the editor sees what every block says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from photodesk.core.agreement import (
    dates_agree,
    fold,
    is_camera_junk,
    is_truncation,
    iso_date,
    lists_agree,
)
from photodesk.core.metadata import (
    BLOCK_PRIORITY,
    FIELDS,
    LIST_FIELDS,
    Block,
    BlockReading,
    Conflict,
    Value,
)

DATE_FIELDS = frozenset({"date_created"})
ORDERED_LISTS = frozenset({"creators"})  # dc:creator is an rdf:Seq; dc:subject is a Bag
_JUNK_PRONE = frozenset({"description", "creators"})  # EXIF ImageDescription and Artist
_JUNK_PRONE_LISTS = _JUNK_PRONE & LIST_FIELDS
Getter = Callable[[str], Value | None]
_DIFFERENT: Value = ("\0different",)  # a sentinel: the blocks' raw values differ


def reconcile(
    blocks: Sequence[BlockReading], iim_limits: Mapping[str, int] | None = None
) -> tuple[dict[str, Value], tuple[Conflict, ...]]:
    """The reconciled values (in FIELDS order) and the conflicts between blocks.

    ``iim_limits`` maps a field to its IIM byte limit (``metadata.fields.IIM_LIMITS``); it is a
    parameter because the field table belongs to the metadata layer, which core cannot import.
    Without it no IIM value is taken for a truncation.
    """
    by_block: dict[Block, BlockReading] = {}
    for reading in blocks:
        by_block.setdefault(reading.block, reading)
    ordered = [by_block[block] for block in BLOCK_PRIORITY if block in by_block]
    named = set().union(*(reading.values for reading in ordered))
    charset = by_block["iim"].charset if "iim" in by_block else None
    limits = iim_limits or {}
    getters = [(reading.block, reading.values.get) for reading in ordered]
    values: dict[str, Value] = {}
    conflicts: list[Conflict] = []
    for name in FIELDS:  # plain loops: this runs for every file of a desk
        if name not in named:
            continue
        value = _same(name, getters)
        if value is _DIFFERENT:
            value, conflict = _compared(name, ordered, limits.get(name), charset)
            if conflict is not None:
                conflicts.append(conflict)
        if isinstance(value, str) and name in DATE_FIELDS:
            values[name] = iso_date(value)
        elif value is not None:
            values[name] = value
    return values, tuple(conflicts)


def _same(name: str, getters: Sequence[tuple[Block, Getter]]) -> Value | None:
    """The field's value when every block holding one holds the identical raw value, else
    ``_DIFFERENT``. The common case, and nothing can disagree then: ``usable`` treats blocks
    alike except that EXIF may also drop camera junk, which leaves it saying nothing, and that
    cannot disagree; only from a list (EXIF creators) can it drop some items and disagree.
    """
    winner: Block | None = None
    first: Value | None = None
    for block, get in getters:
        raw = get(name)
        if raw is None:
            continue
        if winner is None:
            winner, first = block, raw
        elif raw != first or (block == "exif" and name in _JUNK_PRONE_LISTS):
            return _DIFFERENT
    return None if winner is None else usable(name, winner, first)


def _compared(
    name: str, ordered: list[BlockReading], limit: int | None, charset: str | None
) -> tuple[Value | None, Conflict | None]:
    """Each block's usable value compared with the winner's; a conflict when one disagrees."""
    present: list[tuple[Block, Value]] = []
    for reading in ordered:
        value = usable(name, reading.block, reading.values.get(name))
        if value is not None:
            present.append((reading.block, value))
    if not present:
        return None, None
    for other in present[1:]:
        if not _agree(name, present[0], other, limit, charset):
            return present[0][1], Conflict(name, dict(present))
    return present[0][1], None


def usable(name: str, block: Block, value: Value | None) -> Value | None:
    """The value in its field's shape, or None when it says nothing (blank, camera junk)."""
    if value is None:
        return None
    if name in LIST_FIELDS:
        return _usable_list(value, block == "exif" and name in _JUNK_PRONE)
    text = (value if isinstance(value, str) else "; ".join(value)).strip()
    if not text:
        return None
    if block == "exif" and name in _JUNK_PRONE and is_camera_junk(text):
        return None
    if name in DATE_FIELDS and text.startswith("0000"):  # a camera that never had its clock set
        return None
    return text


def _usable_list(value: Value, junk_prone: bool) -> tuple[str, ...] | None:
    """The non-blank items, stripped, without camera junk where the block is prone to it."""
    items = (value,) if isinstance(value, str) else value
    kept = [stripped for item in items if (stripped := item.strip())]
    if junk_prone:
        kept = [item for item in kept if not is_camera_junk(item)]
    return tuple(kept) or None


def _agree(
    name: str,
    winner: tuple[Block, Value],
    other: tuple[Block, Value],
    limit: int | None,
    charset: str | None,
) -> bool:
    """Does ``other`` say what the winning value says, up to an IIM truncation?"""
    (win_block, win), (block, value) = winner, other
    if win == value:  # the common case: the same text written twice
        return True
    cut = limit if (win_block, block) == ("xmp", "iim") else None
    if isinstance(win, tuple) or isinstance(value, tuple):
        ordered = name in ORDERED_LISTS
        return lists_agree(_as_list(win), _as_list(value), ordered, cut, charset)
    if name in DATE_FIELDS:
        return dates_agree(win, value)
    if fold(win) == fold(value):
        return True
    return cut is not None and is_truncation(value, win, cut, charset)


def _as_list(value: Value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value
