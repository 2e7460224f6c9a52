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

from photodesk.core.agencies import find_agency, label_agency
from photodesk.core.credit_lexicon import (
    COPYRIGHT_RE,
    LABEL_RE,
    MAX_CREDIT_CHARS,
    NON_MEDIA_ACRONYMS,
    ORGANIZATION_ACRONYMS,
    ORGANIZATION_WORDS,
    POOL_LABEL_RE,
    SOURCE_WORDS,
)
from photodesk.core.credit_segments import (
    Kind,
    Slot,
    classify,
    has_word,
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
# Cap on what the parser looks at, so no input can make it slow; twice the splitter's limit.
_PARSE_LIMIT = 2 * MAX_CREDIT_CHARS


_AND_RE = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_TRAILING_AGENCY_BRACKET_RE = re.compile(r"\s*\(([^()]{1,40})\)$")
# A one-word photographer (``AP Photo/Libkos``): a capitalised word or an all-capitals name.
_SINGLE_NAME_RE = re.compile(r"^(?:[A-Z][a-zà-ÿ]{2,}|[A-Z]{4,})$")


@dataclass
class _Chain:
    """Slots of one side of a credit, in printed order."""

    slots: list[Slot] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, *, client: bool = False) -> _Chain:
        """The slots of ``text``; a commissioning client's slots are always bodies."""
        slots = [
            classify(part) for piece in _SLOT_SEPARATOR_RE.split(text) for part in _parts(piece)
        ]
        if client:
            slots = [Slot(s.text, Kind.BODY) if s.kind is Kind.PERSON else s for s in slots]
        return cls(_with_single_names(slots))

    def named(self) -> list[Slot]:
        return [s for s in self.slots if s.kind in (Kind.PERSON, Kind.BODY, Kind.AGENCY)]


def _parts(piece: str) -> tuple[str, ...]:
    """A slot's people: ``A and B`` are two photographers, ``Name NYT`` a name and its outlet."""
    piece = piece.strip()
    if not piece:
        return ()
    halves = _AND_RE.split(piece)
    if len(halves) > 1 and all(looks_like_person(h) for h in halves):
        return tuple(halves)
    glued = split_trailing_agency(piece)
    return glued if glued else (piece,)


def _with_single_names(slots: list[Slot]) -> list[Slot]:
    """A lone capitalised word beside an agency is the photographer (``EFE/Mariscal``)."""
    if any(s.kind is Kind.PERSON for s in slots):
        return slots
    result = list(slots)
    for index, slot in enumerate(slots):
        beside = slots[max(0, index - 1) : index] + slots[index + 1 : index + 2]
        if _could_be_single_name(slot) and any(s.kind is Kind.AGENCY for s in beside):
            result[index] = Slot(slot.text, Kind.PERSON)
    return result


def _could_be_single_name(slot: Slot) -> bool:
    return (
        slot.kind is Kind.BODY
        and not slot.pool
        and _SINGLE_NAME_RE.match(slot.text) is not None
        and slot.text.casefold() not in SOURCE_WORDS
        and slot.text not in ORGANIZATION_ACRONYMS
        and slot.text not in NON_MEDIA_ACRONYMS
        and not has_word(slot.text, ORGANIZATION_WORDS)
    )


def _unbracket_agency(text: str) -> str:
    """``OLIVIER HOSLET (EFE)``: an agency in brackets after the name is one more slot."""
    match = _TRAILING_AGENCY_BRACKET_RE.search(text)
    if match and find_agency(match.group(1)) is not None:
        return f"{text[: match.start()]} / {match.group(1)}"
    return text


def strip_labels(text: str) -> tuple[str, bool, str | None]:
    """Drop leading labels; return the rest, whether a label said pool, and a label's agency."""
    pool = bool(POOL_LABEL_RE.match(text))
    agency = label_agency(text)
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


@dataclass(frozen=True, slots=True)
class _Sides:
    """A credit cut at ``via`` and ``for``: sources, distributor, and outlet or client."""

    sources: _Chain
    distributor: _Chain | None
    partner: _Chain | None
    partner_is_client: bool

    @classmethod
    def of(cls, body: str) -> _Sides:
        sources, distributor_text = _split_via(body)
        sources, partner, is_client = _split_for(sources)
        return cls(
            sources=_Chain.of(sources),
            distributor=_Chain.of(distributor_text) if distributor_text is not None else None,
            partner=_Chain.of(partner, client=is_client) if partner is not None else None,
            partner_is_client=is_client,
        )

    def all_slots(self) -> list[Slot]:
        chains = (self.sources, self.distributor, self.partner)
        return [slot for chain in chains if chain is not None for slot in chain.slots]


@lru_cache(maxsize=8192)
def parse_credit(text: str) -> Credit:
    """Parse a credit line as printed (labels kept, brackets already removed).

    Memoised: it is pure, its result immutable, and desks repeat the same credits thousands of
    times (the splitter also asks about a candidate before the caller parses it).
    """
    printed = " ".join(text.split())
    body, pool_label, label_outlet = strip_labels(printed[:_PARSE_LIMIT])
    sides = _Sides.of(_unbracket_agency(body))
    pool = pool_label or any(s.kind is Kind.POOL or s.pool for s in sides.all_slots())
    named, agency_index, agency = _choose_agency(sides, label_outlet)
    via = sides.distributor is not None and agency is not None
    return _assemble(printed, named, agency_index, agency, pool=pool, via=via)


def _choose_agency(
    sides: _Sides, label_outlet: str | None
) -> tuple[list[Slot], int | None, str | None]:
    """The named slots, the index of the distributing one among them (if it is one), the agency.

    The order of precedence is LABELING.md's: after ``via``, else a staff photographer's paper
    (``for The New York Times``), else a prefix agency or the last media body of the chain.
    """
    named = sides.sources.named()
    clients = sides.partner.named() if sides.partner and sides.partner_is_client else []
    if label_outlet is not None:
        return named + clients, None, label_outlet
    distributed = sides.distributor.named() if sides.distributor is not None else []
    if distributed:
        index = _distributor(distributed, has_person=False)
        chosen = distributed[index if index is not None else 0]
        others = [s for s in distributed if s is not chosen]
        return named + others + clients, None, chosen.agency or chosen.text
    if sides.partner is not None and not sides.partner_is_client:
        outlet = next(iter(sides.partner.named()), None)
        if outlet is not None:
            return named, None, outlet.agency or outlet.text
    index = _distributor(named, any(s.kind is Kind.PERSON for s in named))
    agency = (named[index].agency or named[index].text) if index is not None else None
    return named + clients, index, agency


def _assemble(
    printed: str,
    named: list[Slot],
    agency_index: int | None,
    agency: str | None,
    *,
    pool: bool,
    via: bool,
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
        via=via,
    )
