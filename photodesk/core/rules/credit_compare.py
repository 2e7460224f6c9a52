"""When two credits name the same photographer or the same agency.

A caption and its picture's embedded metadata spell the same people differently: the by-line in
AFP capitals (``YULIA ZORINA``), the caption with the accent the file dropped (``Léa`` /
``Lea``), a middle initial on one side only. Agencies differ the same way (``AFP via Getty
Images`` is an AFP picture and a Getty one). PD102 must call these agreements, and must still
see ``Nikolai Kravets`` against ``Yulia Zorina`` or AP against AFP; so must PD101 when it builds a
credit from the by-line, which is full of words that are not names (``HANDOUT``, ``Uncredited``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from photodesk.core.agencies import AGENCIES, find_agency, fold
from photodesk.core.credit_lexicon import (
    HANDOUT_WORDS,
    NOISE_WORDS,
    ORGANIZATION_ACRONYMS,
    ORGANIZATION_WORDS,
    POOL_WORDS,
)
from photodesk.core.credit_segments import has_word

# By-line values agencies write when there is no photographer to name.
_NON_NAMES = (
    HANDOUT_WORDS
    | POOL_WORDS
    | NOISE_WORDS
    | frozenset(
        "uncredited not credited no credit credit none n/a na nn - -- ? ho str/afp"
        " afp/str stf staff/afp photographer pool/afp".split(" ")
    )
)
_NON_NAME_TOKENS = frozenset(
    "uncredited handout pool stringer str staff file photo photos ho stf".split()
)
_TOKEN_SPLIT_RE = re.compile(r"[^\w]+|_")
# Agencies that are one business: a credit naming either one names the other.
_FAMILIES = (
    frozenset({"EPA", "EPA-EFE", "EFE"}),
    frozenset({"Getty Images", "WireImage", "FilmMagic", "iStock"}),
)


def canonical(name: str | None) -> str | None:
    """The table's canonical name for an agency as printed; None if it is not in the table."""
    if not name:
        return None
    agency = find_agency(name)
    return None if agency is None else agency.canonical


def same_agency(a: str, b: str) -> bool:
    """Same canonical agency, or two members of one family (EPA and EPA-EFE)."""
    return a == b or any(a in family and b in family for family in _FAMILIES)


@cache
def _agency_pattern(agency: str) -> re.Pattern[str]:
    spellings = next(((*a.aliases, a.canonical) for a in AGENCIES if a.canonical == agency), ())
    alternatives = sorted({re.escape(fold(s)) for s in (*spellings, agency)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def mentions_agency(text: str, agency: str) -> bool:
    """Whether ``text`` names ``agency`` (canonical) by any of its spellings, as whole words."""
    folded = fold(text)
    family = next((f for f in _FAMILIES if agency in f), frozenset({agency}))
    return any(_agency_pattern(member).search(folded) for member in family)


@lru_cache(maxsize=16384)
def is_name(text: str) -> bool:
    """Whether a by-line or creator value names a person (not ``HANDOUT``, ``AFP``, ``STAFF``)."""
    folded = fold(text).strip(" .")
    if not folded or folded in _NON_NAMES or not any(ch.isalpha() for ch in folded):
        return False
    if find_agency(text) is not None or has_word(text, ORGANIZATION_WORDS):
        return False
    tokens = [t for t in re.split(r"[\s/]+", folded) if t]
    if any(t.upper() in ORGANIZATION_ACRONYMS for t in text.split()):
        return False
    return any(t not in _NON_NAME_TOKENS and find_agency(t) is None for t in tokens)


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> frozenset[str]:
    """A name's words without accents, case or initials: ``Léa N. FOURNIER`` → {lea, fournier}."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return frozenset(t for t in _TOKEN_SPLIT_RE.split(bare) if len(t) > 1)


def _comparable(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both names in Latin letters (or both not): ``Павел Суриков`` cannot contradict ``Pavel
    Surikov``, it is a transliteration this check cannot judge."""
    return all(t.isascii() for t in a) == all(t.isascii() for t in b)


def same_person(a: str, b: str) -> bool:
    """Whether two spellings may name one person; when unsure, yes (PD102 must not cry wolf).

    Same words in any order, or one name's words inside the other's (a middle name on one side,
    a single-word by-line); different scripts are never a contradiction.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or not _comparable(ta, tb):
        return True
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return small <= large and (len(small) >= 2 or len(large) <= 2)


def names_agree(caption: tuple[str, ...], embedded: tuple[str, ...]) -> bool:
    """Whether the caption's photographers and the file's can be the same people.

    One side naming nobody is no contradiction; otherwise one pair must match.
    """
    people = [name for name in caption if is_name(name)]
    if not people or not embedded:
        return True
    return any(same_person(c, e) for c in people for e in embedded)
