"""One value per field from up to three blocks, and every real disagreement kept (DESIGN.md).

Per field the first block in ``BLOCK_PRIORITY`` (XMP, then IIM, then EXIF) that has a value
wins. The others are compared with it under the rules of ``core.agreement``; an IIM value that is
the XMP value cut at its IIM byte limit is a truncation, not a conflict. Any other difference
becomes a ``Conflict`` carrying each block's value, so the editor sees what every block says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    values: dict[str, Value] = {}
    conflicts: list[Conflict] = []
    for name in FIELDS:  # plain loops: this runs for every file of a desk
        if name not in named:
            continue
        present = _present(name, ordered)
        if not present:
            continue
        best = present[0][1]
        values[name] = iso_date(best) if name in DATE_FIELDS and isinstance(best, str) else best
        limit = (iim_limits or {}).get(name)
        for other in present[1:]:
            if not _agree(name, present[0], other, limit, charset):
                conflicts.append(Conflict(name, dict(present)))
                break
    return values, tuple(conflicts)


def _present(name: str, ordered: list[BlockReading]) -> list[tuple[Block, Value]]:
    """Each block's usable value for ``name``, in priority order."""
    present: list[tuple[Block, Value]] = []
    for reading in ordered:
        raw = reading.values.get(name)
        if raw is not None:
            value = usable(name, reading.block, raw)
            if value is not None:
                present.append((reading.block, value))
    return present


def usable(name: str, block: Block, value: Value | None) -> Value | None:
    """The value in its field's shape, or None when it says nothing (blank, camera junk)."""
    if value is None:
        return None
    junk_prone = block == "exif" and name in _JUNK_PRONE
    if name in LIST_FIELDS:
        items = (value,) if isinstance(value, str) else value
        kept = tuple(stripped for item in items if (stripped := item.strip()))
        if junk_prone:
            kept = tuple(item for item in kept if not is_camera_junk(item))
        return kept or None
    text = (value if isinstance(value, str) else "; ".join(value)).strip()
    if not text or (junk_prone and is_camera_junk(text)):
        return None
    if name in DATE_FIELDS and text.startswith("0000"):  # a camera that never had its clock set
        return None
    return text


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
