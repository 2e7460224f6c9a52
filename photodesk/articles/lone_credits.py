"""Captions in scraped text, including credits printed on a line of their own.

A scraper flattens a figure to lines: the caption, and maybe a credit line under it (``Nina
Liashonok/Reuters``) or before it (``© Vladimir Smirnov / TASS``, LABELING.md: "a credit printed
before the caption stays before it"). A short line that the grammar accepts as a credit is not
enough to turn a neighbour into a caption, though: subheads ("White House Reaction") and sign-offs
sit between body paragraphs too. So a lone credit line joins a neighbour only when

* the neighbour reads as a caption (repeated, or short and descriptive), and
* the two are in the same block (no blank line between them), the paragraph above first; or,
  across a blank line, the paragraph above is repeated or the credit is unmistakably a picture
  credit (it names a photographer or a source, or carries a photo word or marker).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from photodesk.articles.captioning import (
    caption_in_paragraph,
    credit_only,
    describes_picture,
    is_bare_agency,
)
from photodesk.articles.textutil import dedupe_key
from photodesk.core.captions import caption_from_parts, caption_from_text
from photodesk.core.types import CaptionDraft, Credit


@dataclass(frozen=True, slots=True)
class Line:
    """A paragraph of scraped text, the blocks it spans (blank-line separated), and whether the
    page printed it twice in a row (alt text + caption)."""

    text: str
    first_block: int
    last_block: int
    repeated: bool = False


def captions(units: Sequence[Line]) -> Iterator[CaptionDraft]:
    """The captions among ``units`` in reading order, each caption text once."""
    seen: set[str] = set()
    taken: set[int] = set()  # units already part of a caption
    for index, unit in enumerate(units):
        if index in taken:
            continue
        draft = caption_in_paragraph(unit.text, repeated=unit.repeated)
        if draft is None:
            draft = _with_lone_credit(units, index, taken)
        if draft is None:
            continue
        taken.add(index)
        if dedupe_key(draft.caption) not in seen:
            seen.add(dedupe_key(draft.caption))
            yield draft


def _with_lone_credit(units: Sequence[Line], index: int, taken: set[int]) -> CaptionDraft | None:
    """The caption that the credit line at ``index`` belongs to, or None when it is not one."""
    credit = credit_only(units[index].text)
    if credit is None:
        return None
    target = _credited(units, index, taken, credit)
    if target is None:
        return None
    taken.add(target)
    return caption_from_parts(units[target].text, credit.text)


def _credited(units: Sequence[Line], index: int, taken: set[int], credit: Credit) -> int | None:
    """Which neighbour of the credit line is its caption: above, below or neither."""
    line = units[index]
    above = units[index - 1] if index > 0 and index - 1 not in taken else None
    below = units[index + 1] if index + 1 < len(units) else None
    if above is not None and _same_block(above, line) and _reads_as_caption(above):
        return index - 1
    if below is not None and _same_block(line, below) and _uncredited_caption(below):
        return index + 1
    if above is not None and (above.repeated or (_strong(credit) and _reads_as_caption(above))):
        return index - 1
    return None


def _same_block(first: Line, second: Line) -> bool:
    return first.last_block == second.first_block


def _reads_as_caption(unit: Line) -> bool:
    return unit.repeated or describes_picture(unit.text)


def _uncredited_caption(unit: Line) -> bool:
    """A caption below a credit line has no credit of its own (else it is its own caption)."""
    return _reads_as_caption(unit) and caption_from_text(unit.text).credit is None


def _strong(credit: Credit) -> bool:
    """A credit that cannot be a subhead or a text story's sign-off."""
    return not is_bare_agency(credit)
