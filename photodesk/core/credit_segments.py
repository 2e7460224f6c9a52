"""Classifying one slot of a credit line: a person, a body, an agency or a marker.

A credit is a short list of slots separated by ``/``, commas or dashes. Deciding what each slot
is needs no context beyond the slot itself, which keeps the parser's chain rules simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from photodesk.core.agencies import agency_name, find_agency, fold
from photodesk.core.credit_lexicon import (
    HANDOUT_WORDS,
    HONORIFICS_RE,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NOISE_WORDS,
    NON_MEDIA_ACRONYMS,
    NON_MEDIA_WORDS,
    ORGANIZATION_ACRONYMS,
    ORGANIZATION_WORDS,
    POOL_WORDS,
)


class Kind(Enum):
    PERSON = "person"
    BODY = "body"
    AGENCY = "agency"
    HANDOUT = "handout"
    POOL = "pool"
    NOISE = "noise"


@dataclass(frozen=True, slots=True)
class Slot:
    """One classified slot; ``text`` is as printed, ``agency`` the reported agency name."""

    text: str
    kind: Kind
    agency: str | None = None
    pool: bool = False


_TRAILING_LABEL_RE = re.compile(
    r"\s+(?:file\s+)?(?:photo(?:graph)?s?|pictures?|file)$", re.IGNORECASE
)
_LEADING_YEAR_RE = re.compile(r"^(?:©\s*)?(?:19|20)\d\d\s+")
_TRAILING_YEAR_RE = re.compile(r"\s+(?:©\s*)?(?:19|20)\d\d$")
_INNER_COPYRIGHT_RE = re.compile(r"\s*©\s*(?:(?:19|20)\d\d)?\s*")
_DESCRIPTION_RE = re.compile(r"^(?:a|an)\s", re.IGNORECASE)
_INITIAL_RE = re.compile(r"^[^\W\d_]\.(?:[^\W\d_]\.)*$")
_DIGIT_RE = re.compile(r"\d")
_POOL_BODY_RE = re.compile(r"^(?P<body>.+?)\s+pool(?:\s+photo)?$", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of a slot, hyphenated parts apart (``Russian-held`` counts ``held``)."""
    return [w for w in re.split(r"[\s\-–]+", text) if w]


def has_word(text: str, vocabulary: frozenset[str]) -> bool:
    """Whether any word of ``text`` is in ``vocabulary`` (which is case-folded)."""
    return any(w.strip(".,'’()").casefold() in vocabulary for w in words(text))


def ends_with_initial(text: str) -> bool:
    """``Smiley N.``: the full stop belongs to an initial, so it is not sentence punctuation."""
    tokens = text.split()
    return len(tokens) > 1 and bool(_INITIAL_RE.match(tokens[-1]))


def _name_token_ok(token: str) -> bool:
    """``Nhat``, ``V.``, ``al-``, ``Al-DOUMY``, ``Young-joon``: the first letter decides."""
    if token.casefold() in NAME_PARTICLES or _INITIAL_RE.match(token):
        return True
    first = token.lstrip("'’")[:1]
    return bool(first) and (first.isupper() or not first.islower())


def looks_like_person(text: str) -> bool:
    """A person's name as credits print it: 2-5 capitalised words, no digits, no office words.

    Names in AFP/EPA capitals (``ABIR SULTAN``, ``Geoff ROBIN``) and initials (``Nhat V. Meyer``)
    pass; ``Court TV``, ``Russian Defence Ministry`` or ``SpaceX`` do not.
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or _DIGIT_RE.search(text):
        return False
    if any(t in ORGANIZATION_ACRONYMS for t in tokens) or has_word(text, ORGANIZATION_WORDS):
        return False
    if not any(ch.isupper() or ch.islower() for ch in text):
        return len(tokens) == 2  # an uncased script: a short pair is most likely a name
    if not tokens[0][0].isupper() or tokens[0].casefold() == "the":
        return False
    return all(_name_token_ok(t) for t in tokens)


def is_media_body(text: str) -> bool:
    """Whether an unknown body publishes pictures (a newspaper) rather than being a source."""
    return not is_non_media_body(text) and has_word(text, MEDIA_WORDS)


def is_non_media_body(text: str) -> bool:
    """A government office, army, company or institution: a source, never a distributor."""
    return has_word(text, NON_MEDIA_WORDS) or any(t in NON_MEDIA_ACRONYMS for t in text.split())


def is_pool_body(text: str) -> bool:
    """``Kremlin Pool``, ``WPA Pool``: a pool organisation, unlike a photographer named Pool."""
    match = _POOL_BODY_RE.match(text)
    if match is None:
        return False
    body = match.group("body")
    acronym = body.isupper() and len(body) <= 6 and " " not in body
    return acronym or has_word(body, ORGANIZATION_WORDS) or find_agency(body) is not None


def clean_slot(text: str) -> str:
    """A slot without separators, years, ``©``, honorifics and sentence punctuation."""
    text = text.strip().strip(",;:").strip()
    text = _LEADING_YEAR_RE.sub("", text)
    text = _TRAILING_YEAR_RE.sub("", text)
    text = _INNER_COPYRIGHT_RE.sub(" ", text).strip()
    text = HONORIFICS_RE.sub("", text)
    return text if ends_with_initial(text) else text.rstrip(".").strip()


@lru_cache(maxsize=8192)
def classify(text: str) -> Slot:
    """What one slot of a credit is."""
    text = clean_slot(text)
    folded = fold(text)
    if not folded or _DESCRIPTION_RE.match(text):
        return Slot(text, Kind.NOISE)
    if folded in HANDOUT_WORDS:
        return Slot(text, Kind.HANDOUT)
    if folded in POOL_WORDS:
        return Slot(text, Kind.POOL)
    if folded in NOISE_WORDS:
        return Slot(text, Kind.NOISE)
    name = agency_name(text)
    if name is not None:
        return Slot(text, Kind.AGENCY, agency=name)
    stripped = _TRAILING_LABEL_RE.sub("", text)
    if stripped != text and stripped:
        inner = classify(stripped)
        if inner.kind in (Kind.BODY, Kind.AGENCY):
            return inner
    if is_pool_body(text):
        return Slot(_strip_photo(text), Kind.BODY, pool=True)
    if looks_like_person(text):
        return Slot(text, Kind.PERSON)
    return Slot(text, Kind.BODY)


def _strip_photo(text: str) -> str:
    return re.sub(r"\s+photo$", "", text, flags=re.IGNORECASE)


def split_trailing_agency(text: str) -> tuple[str, str] | None:
    """``Lynsey Addario NYT`` → (``Lynsey Addario``, ``NYT``): a name glued to its outlet."""
    tokens = text.split()
    for size in (3, 2, 1):
        if len(tokens) - size < 2:
            continue
        head, tail = " ".join(tokens[:-size]), " ".join(tokens[-size:])
        if find_agency(tail) is not None and looks_like_person(head):
            return head, tail
    return None
