"""What a picture's embedded metadata says about its credit.

Agencies spread a credit over several IPTC fields: the distributor in Credit, the photographer in
By-line (or ``HANDOUT``, ``Uncredited``, ``STRINGER`` when there is none), the origin in Source
(``Government of Khabarovsk Territory``, ``Sputnik``, ``KCNA via KNS``; often the agency again),
and handout or pool status wherever the agency's system puts it. PD101 proposes the credit these
make, PD102 compares a caption with them, PD107 reads the handout and pool markers.

A picture's reading is cached on the text of the fields it reads, never on the facts object: a
desk builds new facts for every caption it checks (each caption has its own picture), while an
agency's set repeats the same Credit, Source and instructions on picture after picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from photodesk.core.agencies import find_agency, fold
from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_segments import Kind, classify
from photodesk.core.metadata import Value
from photodesk.core.rules.credit_compare import (
    canonical,
    is_name,
    mentions_agency,
    same_person,
)
from photodesk.core.rules.credit_house import CREDITS
from photodesk.core.rules.model import PictureFacts
from photodesk.core.types import Credit

_HANDOUT_RE = re.compile(r"\bhandout\b", re.IGNORECASE)
# In free-text instructions a marker opens the text or a clause (``HANDOUT EDITORIAL USE
# ONLY``, ``MANDATORY CREDIT "AFP PHOTO / HANDOUT"``); the same word inside a sentence
# (``cannot verify what this handout photo shows``) describes the picture, it does not ask
# for a label, and the agency's own credit for it carries none.
_MARKER_RE = {
    "handout": re.compile(r"(?:^|[.;:/,\-–—\"“(]\s*)handout\b", re.IGNORECASE),
    "pool": re.compile(r"(?:^|[.;:/,\-–—\"“(]\s*)pool\b", re.IGNORECASE),
}
_PARTS_RE = re.compile(r"\s*/\s*|\s+via\s+|\s*;\s*", re.IGNORECASE)
# Agencies that print another body's picture as ``Source via AGENCY``; Getty only when the
# source is itself an agency (``Name/AFP via Getty Images``, but ``Keystone/Hulton Archive``).
_VIA_FOR_ANY_SOURCE = frozenset({"AP", "Reuters"})
_VIA_FOR_AGENCY_SOURCE = frozenset({"Getty Images"})


@dataclass(frozen=True, slots=True, eq=False)
class Embedded:
    """A picture's credit facts: ``credit`` is the structure its fields make (None: nothing
    usable), ``agency`` the canonical agency its Credit (or Source) names, ``names`` the
    photographers, ``handout``/``pool`` the field that marks it so (None: not marked),
    ``mentions`` the text of Credit, Source and Copyright, ``summary`` what the fields said,
    ``instructions`` the special instructions folded (where a mandatory credit is quoted).

    Compared by identity: one reading per set of field values (``_reading`` is cached on
    them), so the rules can cache on it cheaply."""

    credit: Credit | None
    agency: str | None
    names: tuple[str, ...]
    handout: str | None
    pool: str | None
    mentions: str
    summary: str
    instructions: str = ""


def embedded(picture: PictureFacts) -> Embedded:
    """The picture's credit facts: the same object for the same fields' text."""
    values = picture.values
    return _embedded(
        values.get("credit"),
        values.get("source"),
        values.get("copyright"),
        values.get("instructions"),
        values.get("creators"),
    )


@lru_cache(maxsize=CREDITS)
def _embedded(
    credit: Value | None,
    source: Value | None,
    rights: Value | None,
    instructions: Value | None,
    creators: Value | None,
) -> Embedded:
    """Cached on the values as stored, the cheapest key to build for every caption; behind
    it ``_reading`` is cached on the text they make, so equal text gives one reading."""
    return _reading(
        _text(credit).strip(),
        _text(source).strip(),
        _text(rights),
        _text(instructions),
        _bylines(creators) if creators else (),
    )


def _text(value: Value | None) -> str:
    """``PictureFacts.text`` for one value: '' when absent, a list joined with '; '."""
    if value is None:
        return ""
    return value if isinstance(value, str) else "; ".join(value)


def _bylines(value: Value) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else value
    return tuple(b.strip() for b in items if b.strip())


@lru_cache(maxsize=CREDITS)
def _reading(
    credit: str, source: str, rights: str, instructions: str, bylines: tuple[str, ...]
) -> Embedded:
    """What the fields say; cached on their text, so a desk re-read for every check (new
    facts objects, same metadata) reads each picture once."""
    parsed = parse_credit(credit) if credit else None
    agency = canonical(credit) or canonical(parsed.agency if parsed else None) or canonical(source)
    printed_agency = agency or (parsed.agency if parsed else None)
    names = _names(bylines, parsed)
    fields = {"by-line": " / ".join(bylines), "credit": credit, "source": source}
    handout, pool = _marks(fields, instructions)
    organizations = _organizations(parsed, source, printed_agency, names)
    structure = None
    if names or organizations or printed_agency:
        structure = Credit(
            text="",
            creators=names,
            organizations=organizations,
            agency=printed_agency,
            handout=handout is not None,
            pool=pool is not None,
            via=_via(parsed, printed_agency, organizations),
        )
    said = ", ".join(f"{f} {v}" for f, v in fields.items() if v)
    mentions = " ; ".join((credit, source, rights))
    return Embedded(structure, agency, names, handout, pool, mentions, said, fold(instructions))


def _marks(fields: dict[str, str], instructions: str) -> tuple[str | None, str | None]:
    """The field that marks the picture handout, and the one that marks it pool (or None)."""
    handout = next((f for f, v in fields.items() if _HANDOUT_RE.search(v)), None)
    pool = next((f for f, v in fields.items() if _has_pool(v)), None)
    if handout is None and _MARKER_RE["handout"].search(instructions):
        handout = "instructions"
    if pool is None and _MARKER_RE["pool"].search(instructions):
        pool = "instructions"
    return handout, pool


def _has_pool(value: str) -> bool:
    """A pool marker among a field's parts (``POOL``, ``Kremlin Pool``), not a photographer
    whose surname is Pool."""
    for part in _PARTS_RE.split(value):
        if part.strip():
            slot = classify(part)
            if slot.kind is Kind.POOL or slot.pool:
                return True
    return False


def _names(bylines: tuple[str, ...], parsed: Credit | None) -> tuple[str, ...]:
    """The photographers: by-line values that are names, then any the Credit names."""
    names: list[str] = []
    for name in (*bylines, *(parsed.creators if parsed else ())):
        if is_name(name) and not any(same_person(name, known) for known in names):
            names.append(name)
    return tuple(names)


def _organizations(
    parsed: Credit | None, source: str, agency: str | None, names: tuple[str, ...]
) -> tuple[str, ...]:
    """Bodies the Credit names, then the Source's when it is not the agency itself (``Getty
    Images Europe`` is Getty) nor a photographer; ``KCNA via KNS`` gives both bodies."""
    bodies = list(parsed.organizations) if parsed else []
    if source and not (agency and _is_agency(source, agency)):
        for part in _PARTS_RE.split(source):
            part = part.strip()
            if not part or not any(ch.isalpha() for ch in part) or fold(part) in _skipped(names):
                continue
            slot = classify(part)  # a person in Source is no body; the by-line names people
            if slot.kind in (Kind.BODY, Kind.AGENCY) and part not in bodies:
                bodies.append(part)
    return tuple(bodies)


def _is_agency(source: str, agency: str) -> bool:
    """Whether Source names the distributor itself (``REUTERS``, ``Getty Images Europe``)."""
    agency_row = find_agency(agency)
    return (agency_row is not None and mentions_agency(source, agency_row.canonical)) or fold(
        source
    ) == fold(agency)


def _skipped(names: tuple[str, ...]) -> set[str]:
    return {fold(name) for name in names}


def _via(parsed: Credit | None, agency: str | None, organizations: tuple[str, ...]) -> bool:
    """Whether the agency prints this picture as another body's ``… via AGENCY``."""
    if parsed is not None and parsed.via:
        return True
    if not organizations or agency is None:
        return False
    if agency in _VIA_FOR_ANY_SOURCE:
        return True
    return agency in _VIA_FOR_AGENCY_SOURCE and any(find_agency(o) for o in organizations)
