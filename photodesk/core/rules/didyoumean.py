"""Did-you-mean for agency names (PD105): ``Reuter`` → Reuters, ``Getty Image`` → Getty Images.

A misspelt distributor is the one credit error a parser cannot see: ``Assoicated Press`` reads
as an unknown press agency, ``Getty Image`` as a person. So the slots where a distributor
stands (the first, as in ``REUTERS/Name``, and the last, as in ``Name / AFP`` or ``… via AP``)
are compared with every spelling in the agency table, and with the desk's own agencies.

Closeness is the restricted Damerau–Levenshtein distance (optimal string alignment: insert,
delete, substitute, swap two neighbours) on folded text, word by word, so that distance is
counted where it matters: a short word may differ only by a swap (``APF`` is ``AFP``), because
``NBC News`` is not a misspelt ``BBC News``; longer words may differ by one edit, words of eight
letters or more by two, and a whole name by at most one edit below eight letters, two above.
Spacing alone (``GettyImages``) is no edit. Below six letters one edit may well be another name
(``Alamo``, ``IRA``), so the fix is offered there but not applied unasked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from photodesk.core.agencies import AGENCIES, find_agency, fold
from photodesk.core.credit_lexicon import HANDOUT_WORDS, NOISE_WORDS, POOL_WORDS
from photodesk.core.rules.credit_house import CREDITS

# Separators between slots; no leading ``\s*``, which would make the search try every position.
_SLOT_RE = re.compile(r"[/;|:—]|,\s|\s[-–]\s|\s(?:via|for)\s", re.IGNORECASE)
_MARKERS = HANDOUT_WORDS | POOL_WORDS | NOISE_WORDS
_SHORT = 3
_SURE = 6
_LONG = 8


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A slot that looks like a misspelt agency: where it is in the text, and what to print.

    ``start``/``end`` index the credit body; ``spelling`` is the table's spelling (in capitals
    when the editor typed capitals); ``agency`` the name to report; ``sure`` whether the slot is
    long enough for one edit to be a typo (``Reuter``) rather than another name (``IRA``).
    """

    typed: str
    start: int
    end: int
    spelling: str
    agency: str
    sure: bool


@dataclass(frozen=True, slots=True)
class _Spelling:
    words: tuple[str, ...]
    folded: str
    squashed: str
    printed: str
    agency: str


@dataclass(frozen=True, slots=True)
class _Index:
    """Spellings by word count (a slot is compared only with names of as many words) and by
    squashed form (``GettyImages``); looked up instead of scanned, because most slots are
    people's names that match nothing."""

    by_words: dict[int, tuple[_Spelling, ...]]
    by_squashed: dict[str, tuple[_Spelling, ...]]


@lru_cache(maxsize=64)
def _index(extra: tuple[str, ...]) -> _Index:
    rows = [(s, a.canonical) for a in AGENCIES for s in dict.fromkeys((a.canonical, *a.aliases))]
    rows += [(name, name) for name in extra]
    spellings = [
        _Spelling(tuple(fold(s).split()), fold(s), _squash(s), s, agency) for s, agency in rows
    ]
    by_words: dict[int, list[_Spelling]] = {}
    by_squashed: dict[str, list[_Spelling]] = {}
    for spelling in spellings:
        by_words.setdefault(len(spelling.words), []).append(spelling)
        by_squashed.setdefault(spelling.squashed, []).append(spelling)
    return _Index(
        {count: tuple(group) for count, group in by_words.items()},
        {key: tuple(group) for key, group in by_squashed.items()},
    )


def _squash(text: str) -> str:
    return re.sub(r"[\s\-.]", "", fold(text))


def distance(a: str, b: str, limit: int) -> int:
    """Restricted Damerau–Levenshtein distance, or ``limit + 1`` as soon as it must exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


@lru_cache(maxsize=65536)
def _word_cost(typed: str, known: str) -> int | None:
    """Edits between two words, None when too many for words of that length.

    Cached: names repeat their words (given names, ``News``, ``Agency``) far more than they
    repeat whole.
    """
    if typed == known:
        return 0
    if min(len(typed), len(known)) <= _SHORT:  # an acronym: only two letters swapped
        swapped = sorted(typed) == sorted(known) and distance(typed, known, 1) == 1
        return 1 if swapped else None
    limit = 1 if len(known) < _LONG else 2
    cost = distance(typed, known, limit)
    return cost if cost <= limit else None


def _cost(words: list[str], limit: int, spelling: _Spelling) -> int | None:
    total = 0
    for typed, known in zip(words, spelling.words, strict=True):
        if abs(len(typed) - len(known)) > limit:
            return None
        cost = _word_cost(typed, known)
        if cost is None or total + cost > limit:
            return None
        total += cost
    return total


@lru_cache(maxsize=CREDITS)
def suggest(segment: str, extra: tuple[str, ...] = ()) -> tuple[_Spelling, ...]:
    """The closest spellings of a slot, one per agency (several when it is a toss-up); none
    for a slot that is an agency, a marker or no word at all."""
    if _is_known(segment, extra):
        return ()
    folded, squashed = fold(segment), _squash(segment)
    index = _index(extra)
    exact = index.by_squashed.get(squashed)
    if exact:  # ``GettyImages``, ``Getty-Images``: the same letters, only spaced otherwise
        return tuple({s.agency: s for s in exact}.values())
    limit = 1 if len(folded) < _LONG else 2
    words = folded.split()
    scored = []
    for spelling in index.by_words.get(len(words), ()):
        if abs(len(folded) - len(spelling.folded)) > limit:
            continue
        cost = _cost(words, limit, spelling)
        if cost is not None:
            letters = Counter(squashed) - Counter(spelling.squashed)
            scored.append(((cost, sum(letters.values())), spelling))
    if not scored:
        return ()
    best = min(score for score, _ in scored)
    chosen = {s.agency: s for score, s in reversed(scored) if score == best}
    return tuple(chosen.values())


def _candidate_slots(body: str) -> list[tuple[int, int]]:
    """Spans of the first and the last slot: where distributors stand."""
    cuts = [0]
    for separator in _SLOT_RE.finditer(body):
        cuts += [separator.start(), separator.end()]
    cuts.append(len(body))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    spans = [(a, b) for a, b in spans if body[a:b].strip(" .()[]-–—")]
    return list(dict.fromkeys([spans[0], spans[-1]])) if spans else []


def _is_known(slot: str, extra: tuple[str, ...]) -> bool:
    folded = fold(slot)
    return (
        folded in _MARKERS
        or find_agency(slot) is not None
        or any(folded == fold(name) for name in extra)
        or not any(ch.isalpha() for ch in slot)
    )


@lru_cache(maxsize=CREDITS)
def misspelt_agencies(body: str, extra: tuple[str, ...] = ()) -> tuple[Suggestion, ...]:
    """Every distributor slot of a credit body that is not an agency but is close to one.

    A slot with two equally close agencies gives one Suggestion per agency (no fix is safe).
    """
    found = []
    for start, end in _candidate_slots(body):
        typed = body[start:end].strip(" .()[]-–—")
        start = body.index(typed, start)
        for spelling in suggest(typed, extra):
            capitals = typed.isupper() and not spelling.printed.isupper()
            text = spelling.printed.upper() if capitals else spelling.printed
            sure = len(typed) >= _SURE
            found.append(Suggestion(typed, start, start + len(typed), text, spelling.agency, sure))
    return tuple(found)
