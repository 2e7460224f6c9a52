"""Parsing a credit line into creators, organizations, agency and the handout/pool/via flags.

The grammar, in the order it is applied (LABELING.md in ../shared defines the fields):

1. Labels (``Photo by``, ``Photograph:``, ``©``, ``Credit:`` ...) are dropped; a few say something
   (``Pool photo by`` is a pool picture, ``Express photo by`` names the newspaper).
2. ``via`` splits sources from the distributor; ``for`` splits a photographer's outlet from a
   commissioning client (``Getty Images for MTV``) or a staff photographer from the paper.
3. The rest is a chain of slots separated by ``/``, commas, spaced dashes or a colon, and each slot
   is classified on its own (credit_segments).
4. The distributor is the one after ``via``, else a prefix agency (``REUTERS/…``, ``AP Photo/…``),
   else the last media body in the chain. Every other body becomes an organization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from photodesk.core.agencies import find_agency
from photodesk.core.credit_lexicon import COPYRIGHT_RE, LABEL_AGENCIES, LABEL_RE, POOL_LABEL_RE
from photodesk.core.credit_segments import (
    Kind,
    Slot,
    classify,
    is_media_body,
    is_non_media_body,
    looks_like_person,
    split_trailing_agency,
)
from photodesk.core.types import Credit

_VIA_RE = re.compile(r"(?:\s*/\s*|\s+|^)via\s+", re.IGNORECASE)
_FOR_RE = re.compile(r"\s+for\s+", re.IGNORECASE)
_SLOT_SEPARATOR_RE = re.compile(r"\s*/\s*|\s*—\s*|\s*,\s+|\s+[-–—]\s+|\s*:\s*|\s*;\s*|\s*\|\s*")
_HANDOUT_RE = re.compile(r"\bhandout\b", re.IGNORECASE)
_MAX_CREDIT_CHARS = 400


@dataclass
class _Chain:
    """Slots of one side of a credit, in printed order."""

    slots: list[Slot] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _Chain:
        slots: list[Slot] = []
        for piece in _SLOT_SEPARATOR_RE.split(text):
            if not piece.strip():
                continue
            glued = split_trailing_agency(piece.strip())
            parts = glued if glued else (piece,)
            slots.extend(classify(part) for part in parts)
        return cls(slots)

    def named(self) -> list[Slot]:
        return [s for s in self.slots if s.kind in (Kind.PERSON, Kind.BODY, Kind.AGENCY)]


def strip_labels(text: str) -> tuple[str, bool, str | None]:
    """Drop leading labels; return the rest, whether a label said pool, and a label's agency."""
    pool = bool(POOL_LABEL_RE.match(text))
    agency = next((name for rx, name in LABEL_AGENCIES if re.match(rx, text, re.IGNORECASE)), None)
    previous = None
    while previous != text:
        previous = text
        text = COPYRIGHT_RE.sub("", text)
        match = LABEL_RE.match(text)
        if match and match.end() < len(text):
            text = text[match.end() :]
    return text.strip(), pool, agency


def _split_via(text: str) -> tuple[str, str | None]:
    matches = list(_VIA_RE.finditer(text))
    if not matches:
        return text, None
    last = matches[-1]
    return text[: last.start()], text[last.end() :]


def _split_for(text: str) -> tuple[str, str | None, bool]:
    """Split ``A for B``; the bool says whether B is the client (True) or the outlet (False)."""
    match = _FOR_RE.search(text)
    if not match:
        return text, None, False
    left, right = text[: match.start()], text[match.end() :]
    left_chain = _Chain.of(left).named()
    if left_chain and left_chain[-1].kind is Kind.AGENCY:
        return left, right, True
    if find_agency(right) is not None or is_media_body(right):
        return left, right, False
    if looks_like_person(left.strip()) and right[:1].isupper():  # ``Jane Doe for NPR``
        return left, right, False
    return text, None, False


def _distributor(chain: list[Slot], has_person: bool) -> int | None:
    """Index of the slot that distributes the picture when no ``via`` names one."""
    person_follows = any(s.kind is Kind.PERSON for s in chain[1:])
    if chain and person_follows and _is_prefix_agency(chain[0].text):
        return 0  # ``REUTERS/Name``, ``AP Photo/Name``: the prefix distributes
    for index in range(len(chain) - 1, -1, -1):
        slot = chain[index]
        if slot.kind is Kind.AGENCY:
            return index
        if slot.kind is Kind.BODY and _unknown_body_distributes(slot, index, chain, has_person):
            return index
    return None


def _is_prefix_agency(text: str) -> bool:
    agency = find_agency(text)
    return agency is not None and agency.prefix


def _unknown_body_distributes(slot: Slot, index: int, chain: list[Slot], has_person: bool) -> bool:
    if is_non_media_body(slot.text) or slot.pool:
        return False
    if is_media_body(slot.text):
        return True
    person_before = any(s.kind is Kind.PERSON for s in chain[:index])
    return has_person and person_before and index == len(chain) - 1


@lru_cache(maxsize=8192)
def parse_credit(text: str) -> Credit:
    """Parse a credit line as printed (labels kept, brackets already removed).

    Memoised: it is pure, its result immutable, and desks repeat the same credits thousands of
    times (the splitter also asks about a candidate before the caller parses it).
    """
    printed = " ".join(text.split())
    body, pool, agency = strip_labels(printed[:_MAX_CREDIT_CHARS])
    sources, distributor_text = _split_via(body)
    sources, partner, partner_is_client = _split_for(sources)
    chain = _Chain.of(sources)
    distributor_chain = _Chain.of(distributor_text) if distributor_text is not None else None
    client_chain = _Chain.of(partner) if partner is not None else None

    all_slots = chain.slots + (distributor_chain.slots if distributor_chain else [])
    all_slots += client_chain.slots if client_chain else []
    pool = pool or any(s.kind is Kind.POOL or s.pool for s in all_slots)

    named = chain.named()
    agency_index: int | None = None
    distributed = distributor_chain.named() if distributor_chain is not None else []
    if agency is None and distributed:
        index = _distributor(distributed, has_person=False)
        chosen = distributed[index if index is not None else 0]
        agency = chosen.agency or chosen.text
        named += [s for s in distributed if s is not chosen]
    if agency is None and client_chain is not None and not partner_is_client:
        agency = next((s.agency or s.text for s in client_chain.named()), None)
    if agency is None:
        agency_index = _distributor(named, any(s.kind is Kind.PERSON for s in named))
        if agency_index is not None:
            agency = named[agency_index].agency or named[agency_index].text

    extra = client_chain.named() if client_chain and partner_is_client else []
    return _assemble(printed, named + extra, agency_index, agency, pool, distributor_text)


def _assemble(
    printed: str,
    named: list[Slot],
    agency_index: int | None,
    agency: str | None,
    pool: bool,
    distributor_text: str | None,
) -> Credit:
    creators: list[str] = []
    organizations: list[str] = []
    for index, slot in enumerate(named):
        if index == agency_index or (slot.kind is Kind.AGENCY and slot.agency == agency):
            continue
        target = creators if slot.kind is Kind.PERSON else organizations
        if slot.text not in target:
            target.append(slot.text)
    return Credit(
        text=printed,
        creators=tuple(creators),
        organizations=tuple(organizations),
        agency=agency,
        handout=bool(_HANDOUT_RE.search(printed)),
        pool=pool,
        via=distributor_text is not None and agency is not None,
    )
