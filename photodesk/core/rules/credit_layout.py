"""A credit's layout: what PD106 compares between a credit and its house-style printing.

Two printings have the same layout when they name the same distributor in a form the agency
prints, in the same place, with the same other parts and markers; separators, spacing, case and
the order of the sources do not count (credit_housestyle says why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from photodesk.core.agencies import find_agency, fold
from photodesk.core.credit_segments import Kind, Slot, classify, split_trailing_agency
from photodesk.core.rules.credit_house import CREDITS

_VIA_RE = re.compile(r"(?:\s*/\s*|\s+|^)via\s+", re.IGNORECASE)
_SLOT_RE = re.compile(r"\s*/\s*|\s*—\s*|\s*,\s+|\s+[-–—]\s+|\s*:\s*|\s*;\s*|\s*\|\s*")
_SLASH_RE = re.compile(r"\s*/\s*")
# Printed forms beyond the canonical name: AP prints ``AP Photo/Name``, PA ``Name/PA Wire``.
_ALSO_PRINTED = {"AP": ("AP Photo",), "PA": ("PA Wire", "PA Media")}


@dataclass(frozen=True, slots=True)
class Layout:
    """``distributor`` the agency when printed in a form it uses, else the alias as typed;
    ``position`` prefix, suffix, alone, via, inside, none (no agency) or free (not judged: an
    agency the table does not know, or a credit naming no photographer); ``others`` every other
    part, folded and sorted; ``markers`` handout and pool. ``spelling`` and ``noise``
    (meaningless words were dropped) describe the text and are not compared."""

    distributor: str | None
    position: str
    others: tuple[str, ...]
    markers: frozenset[str]
    spelling: str = field(default="", compare=False)
    noise: bool = field(default=False, compare=False)


@dataclass
class _Parts:
    """The slots of a credit as read left to right: named parts, markers, and whether any
    word that names nobody was dropped (a rewrite would then lose it)."""

    entries: list[Slot] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)
    noise: bool = False

    def add(self, text: str) -> None:
        for piece in _SLOT_RE.split(text):
            piece = piece.strip()
            if piece:
                for part in split_trailing_agency(piece) or (piece,):
                    self._add_slot(classify(part))

    def _add_slot(self, slot: Slot) -> None:
        if slot.kind is Kind.NOISE:
            self.noise = True
        elif slot.kind in (Kind.HANDOUT, Kind.POOL):
            self.markers.add(slot.kind.value)
        else:
            if slot.pool:
                self.markers.add("pool")
            self.entries.append(slot)


@lru_cache(maxsize=1024)
def printed_forms(agency: str) -> frozenset[str]:
    """The folded spellings an agency prints itself with (every alias, for outlets kept as
    printed: there is no agreed spelling to hold them to)."""
    row = find_agency(agency)
    if row is None:
        return frozenset({fold(agency)})
    forms = {row.canonical, *_ALSO_PRINTED.get(row.canonical, ())}
    if row.keep_printed:
        forms.update(row.aliases)
    return frozenset(fold(form) for form in forms)


def _canonical(slot: Slot) -> str | None:
    row = find_agency(slot.text) if slot.kind is Kind.AGENCY else None
    return None if row is None else row.canonical


def _is_distributor(slot: Slot, agency: str) -> bool:
    found = _canonical(slot)
    return found == agency if found is not None else fold(slot.text) == fold(agency)


def _find(entries: list[Slot], via_from: int | None, agency: str) -> tuple[int | None, str]:
    """Index of the distributing part and where it stands."""
    if via_from is not None:
        after = (i for i in range(via_from, len(entries)) if _is_distributor(entries[i], agency))
        return next(after, None), "via"
    if not entries:
        return None, "none"
    if len(entries) == 1:
        return (0, "alone") if _is_distributor(entries[0], agency) else (None, "none")
    if _is_distributor(entries[0], agency):
        return 0, "prefix"
    if _is_distributor(entries[-1], agency):
        return len(entries) - 1, "suffix"
    return next((i for i, e in enumerate(entries) if _is_distributor(e, agency)), None), "inside"


@lru_cache(maxsize=CREDITS)
def layout(text: str, agency: str) -> Layout:
    """The layout of a credit body (label already removed) whose parsed agency is ``agency``."""
    parts, via_from = _Parts(), None
    matches = list(_VIA_RE.finditer(text))
    if matches:
        parts.add(text[: matches[-1].start()])
        via_from = len(parts.entries)
        parts.add(text[matches[-1].end() :])
    else:
        parts.add(text)
    row = find_agency(agency) if agency else None
    agency = row.canonical if row is not None else agency
    index, position = _find(parts.entries, via_from, agency) if agency else (None, "none")
    if index is None:
        position = "none" if position != "via" else position
    elif position != "via" and not any(e.kind is Kind.PERSON for e in parts.entries):
        position = "free"  # without a photographer, no agency's rule says where it stands
    others = sorted(
        _canonical(e) or fold(e.text) for i, e in enumerate(parts.entries) if i != index
    )
    spelling = parts.entries[index].text if index is not None else ""
    distributor = None
    if index is not None:
        distributor = agency if fold(spelling) in printed_forms(agency) else fold(spelling)
        position = position if row is not None else "free"
    markers = frozenset(parts.markers)
    return Layout(distributor, position, tuple(others), markers, spelling, parts.noise)


@lru_cache(maxsize=CREDITS)
def slash_sequence(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Slash style: the parts between slashes in order (agencies by canonical name when so
    printed, meaningless words left out), and the markers wherever they stand."""
    sequence, markers = [], set()
    for piece in _SLASH_RE.split(text):
        slot = classify(piece) if piece.strip() else Slot("", Kind.NOISE)
        if slot.kind in (Kind.HANDOUT, Kind.POOL):
            markers.add(slot.kind.value)
        elif slot.kind is not Kind.NOISE:
            row = find_agency(slot.text) if slot.kind is Kind.AGENCY else None
            exact = row is not None and fold(slot.text) == fold(row.canonical)
            sequence.append(row.canonical if row is not None and exact else fold(slot.text))
    return tuple(sequence), frozenset(markers)
