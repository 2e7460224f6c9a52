"""Finding an agency's restrictions in free text: instructions, usage terms, caption text.

``find_restrictions(text)`` returns every restriction it recognises, with its span, so that the
check can report it (PD110-PD112), honour a mandatory credit (PD103) and cut boilerplate out of a
caption (PD206). It is pure and memoised: a desk of 100,000 captions asks about the same
instructions thousands of times. ``restrictions_in`` is the same search without the memo, for a
caption's text, which a desk checks once (the rules share its answer for one caption).

Agencies write restrictions as `` - ``-separated boilerplate in capitals, as sentences in
mixed case (Shutterstock's ``Editorial use only``), glued to the credit (Reuters' ``…VIA
REUTERS ATTENTION EDITORS``), in brackets (Getty's ``(RUSSIA OUT)``). Prose says the same words
(``no sales were recorded``), so a weak phrase (restriction_patterns) counts only as a clause
of its own (restriction_clauses): "Sales of timber are out of season" and "There were no sales"
find nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from re import Match

from photodesk.core.rules import restriction_patterns as patterns
from photodesk.core.rules.restriction_clauses import accepted, without_overlaps
from photodesk.core.rules.restriction_time import parse_embargo_time
from photodesk.core.rules.territories import territory_code

KINDS = (
    "editorial-only",
    "no-sales",
    "no-marketing",
    "no-archives",
    "media-out",
    "no-alteration",
    "territory-out",
    "embargo",
    "mandatory-credit",
    "handout-use",
    "editor-note",
)
_WITH_TERRITORIES = frozenset({"territory-out", "no-sales"})
_OUT_WINDOW = 80


@dataclass(frozen=True, slots=True)
class Restriction:
    """One restriction as found: ``phrase == text[start:end]``.

    ``territories`` are ISO 3166 alpha-2 codes (``CANADA OUT`` → CA); ``until`` is the UTC
    moment an embargo lifts, None when the phrase names none we can read exactly; ``credit``
    is the credit a mandatory-credit phrase demands, as written, None when it names none.
    """

    kind: str
    phrase: str
    start: int
    end: int
    territories: tuple[str, ...] = ()
    until: datetime | None = None
    credit: str | None = None


_Candidate = tuple[Restriction, bool]  # (restriction, strong) as restriction_clauses takes it
_ANCHORS = tuple(patterns.ROWS_BY_ANCHOR.items())


@lru_cache(maxsize=32768)
def find_restrictions(text: str) -> tuple[Restriction, ...]:
    """Every restriction in ``text``, in order; () for text with none. Never raises."""
    return restrictions_in(text)


def restrictions_in(text: str) -> tuple[Restriction, ...]:
    """``find_restrictions`` without the memo, for text read once: a desk checks each caption
    once, and every caption differs, so remembering captions would only cost."""
    lowered = _lowered(text)
    found, out_at = _anchored(text, lowered)
    if found:
        found = without_overlaps(sorted(found, key=lambda item: (item[0].start, -item[0].end)))
    if out_at:
        found += _out_lists(text, lowered, out_at, found)
    if not found:
        return ()
    found.sort(key=lambda item: item[0].start)
    return tuple(accepted(text, without_overlaps(found)))


def _anchored(text: str, lowered: str) -> tuple[list[_Candidate], list[int]]:
    """Phrases found at their anchors, and where ``out`` stands (for ``XXX OUT``)."""
    found: list[_Candidate] = []
    out_at: list[int] = []
    for anchor, rows in _ANCHORS:
        if anchor not in lowered:  # most texts hold no anchor; ``in`` settles it fastest
            continue
        at = lowered.find(anchor)
        while at >= 0:
            if not (at > 0 and lowered[at - 1].isalnum()) and not (  # ``piano ``, ``cannot ``
                anchor == "out" and _word_goes_on(text, lowered, at + len(anchor))
            ):
                found += _at_anchor(text, at, rows)
                if anchor == "out":
                    out_at.append(at)
            at = lowered.find(anchor, at + 1)
    return found, out_at


def _word_goes_on(text: str, lowered: str, end: int) -> bool:
    """``outside``, ``outcome``: an ``out`` that goes on as a word is neither ``OUT: US`` (a
    space or colon follows) nor the end of ``CANADA OUT``, so nothing need be tried there."""
    return text[end : end + 1].isalnum() and lowered[end : end + 1].isalnum()


def _lowered(text: str) -> str:
    """``text`` in lower case, character for character (``İ`` would otherwise grow by one)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _at_anchor(text: str, at: int, rows: tuple[patterns.Row, ...]) -> list[_Candidate]:
    """The phrases of ``rows`` that contain the anchor found at ``at``."""
    found: list[_Candidate] = []
    end = min(len(text), at + patterns.REACH)
    for row in rows:
        start = at
        if row.head is not None:
            head = row.head.search(text, max(0, at - row.lead), at)
            if head is None:
                continue
            start = head.start()
        match = row.pattern.match(text, start, end)
        if match is not None and (candidate := _candidate(text, row, match)) is not None:
            found.append(candidate)
    return found


def _candidate(text: str, row: patterns.Row, match: Match[str]) -> _Candidate | None:
    kind = row.kind
    start, end = match.start(), _trimmed_end(text, match.start(), match.end())
    phrase = text[start:end]
    territories = _territories(phrase) if kind in _WITH_TERRITORIES else ()
    if kind == "territory-out" and not territories:
        return None  # ``no us`` in lower case: a word, not a country code
    until = credit = None
    if kind == "embargo" and (when := match.group("when")):
        until = parse_embargo_time(when)
    elif kind == "mandatory-credit":
        credit = _credit(match)
    return Restriction(kind, phrase, start, end, territories, until, credit), row.strong


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n,:":
        end -= 1
    return end


def _credit(match: Match[str]) -> str | None:
    """The demanded credit without an order number (``(14766286d)``) or trailing punctuation."""
    raw = next((match[g] for g in patterns.CREDIT_GROUPS if match[g]), None)
    if raw is None:
        return None
    cleaned = patterns.CREDIT_ID_RE.sub("", raw).strip(" \t.,;:")
    return cleaned or None


def _territories(phrase: str) -> tuple[str, ...]:
    codes = (territory_code(m.group()) for m in patterns.TERRITORY_RE.finditer(phrase))
    return tuple(dict.fromkeys(code for code in codes if code))


def _out_lists(
    text: str, lowered: str, out_at: list[int], found: list[_Candidate]
) -> list[_Candidate]:
    """``CANADA OUT``, ``UK, IRELAND OUT``, ``MAGS OUT``: the clause that ends in OUT.

    ``found`` is sorted and without overlaps, and ``out_at`` ascending, so one pass over both
    knows where the last restriction before each OUT ends (linear even for ``OUT OUT OUT…``).
    """
    spans = [(r.start, r.end) for r, _ in found]
    out: list[_Candidate] = []
    index, last_end = 0, 0
    for at in out_at:
        while index < len(spans) and spans[index][0] <= at:
            last_end = max(last_end, spans[index][1])
            index += 1
        end = at + 3
        if last_end > at or (end < len(text) and lowered[end].isalnum()):
            continue
        start = _clause_start(text, at, last_end)
        listed = patterns.OUT_LIST_RE.fullmatch(text, start, end)
        if listed is None:
            continue
        phrase = text[start:end]
        if listed.group("media") is not None:
            out.append((Restriction("media-out", phrase, start, end), False))
        elif codes := _territories(listed.group("territory")):
            out.append((Restriction("territory-out", phrase, start, end, codes), False))
        last_end = end
    return out


def _clause_start(text: str, out_at: int, after: int) -> int:
    """Where the clause before OUT begins: after a clause break or an earlier restriction."""
    start = max(0, out_at - _OUT_WINDOW, after)
    for brk in patterns.CLAUSE_BREAK_RE.finditer(text, start, out_at):
        start = brk.end()
    while start < out_at and text[start] in " \t/,-–—":
        start += 1
    return start
