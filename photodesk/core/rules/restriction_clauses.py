"""Which phrases found in a text are restrictions: strong ones always, weak ones as clauses.

A weak phrase (``NO SALES``, ``CANADA OUT``) reads like prose, so it counts only when it stands
as a clause of its own: something that ends a clause (punctuation, a spaced dash, the start or
end of the text, another restriction) on both sides, and then either in capitals, or among other
restrictions (one boilerplate block), or as all its field holds (a usage-terms field that says
``No sales``). "No sales, no deal, said the trader" is a clause in mixed case, alone in a
caption: prose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photodesk.core.rules.restrictions import Restriction

# Characters that end a clause on either side of a weak phrase.
_EDGES = frozenset(".,;:!?/|()[]{}\"'“”‘’«»-–—\n")
_BLANK = frozenset(" \t\r\n") | _EDGES
Candidate = tuple["Restriction", bool]


def without_overlaps(found: list[Candidate]) -> list[Candidate]:
    """The first of overlapping phrases (sorted by start, longest first)."""
    kept: list[Candidate] = []
    for item in found:
        if not kept or item[0].start >= kept[-1][0].end:
            kept.append(item)
    return kept


def accepted(text: str, found: list[Candidate]) -> list[Restriction]:
    """The restrictions among ``found``: strong phrases, and weak ones that stand as clauses."""
    starts = {r.start for r, _ in found}
    ends = {r.end for r, _ in found}
    blank = "".join(_BLANK)
    first, last = len(text) - len(text.lstrip(blank)), len(text.rstrip(blank))
    kept: list[Restriction] = []
    for block in _blocks(text, found):
        alone = block[0][0].start <= first and block[-1][0].end >= last
        for found_item, strong in block:
            if strong or (
                _bounded(text, found_item, starts, ends)
                and (len(block) > 1 or alone or found_item.phrase.isupper())
            ):
                kept.append(found_item)
    return kept


def _blocks(text: str, found: list[Candidate]) -> list[list[Candidate]]:
    """Runs of restrictions separated only by spaces and punctuation (one boilerplate block)."""
    blocks: list[list[Candidate]] = []
    for item in found:
        if blocks and all(ch in _BLANK for ch in text[blocks[-1][-1][0].end : item[0].start]):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def _bounded(text: str, found: Restriction, starts: set[int], ends: set[int]) -> bool:
    """Something ends the clause on both sides (another restriction counts)."""
    before = found.start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = found.end
    while after < len(text) and text[after] in " \t":
        after += 1
    left = before == 0 or text[before - 1] in _EDGES or before in ends
    right = after == len(text) or text[after] in _EDGES or after in starts
    return left and right
