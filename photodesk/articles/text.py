"""Scraped article text: what a scraper leaves when it flattens a news page to lines.

The page's structure is gone, so captions are recognised paragraph by paragraph
(``captioning.caption_in_paragraph``): a caption repeated twice in a row (alt text, then the
visible caption) counts once, and a credit printed on the line under its caption joins it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from photodesk.articles.captioning import caption_in_paragraph, credit_only
from photodesk.articles.chrome import is_chrome, read_head
from photodesk.articles.textutil import dedupe_key, squash
from photodesk.core.captions import caption_from_parts
from photodesk.core.types import ArticleDraft, CaptionDraft

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def read_text(text: str) -> ArticleDraft:
    """An ArticleDraft from scraped text: chrome skipped, captions in reading order."""
    units = list(paragraphs(text))
    head = read_head(units)
    body = [
        unit
        for index, unit in enumerate(units)
        if index not in head.lines and unit != head.title and not is_chrome(unit)
    ]
    captions = tuple(_captions(_collapse_repeats(body)))
    return ArticleDraft(
        "text", title=head.title, date=head.date, byline=head.byline, captions=captions
    )


def paragraphs(text: str) -> Iterator[str]:
    """Lines of text, one per paragraph; a hard-wrapped block is joined back into one."""
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [squash(line) for line in block.split("\n") if line.strip()]
        if _hard_wrapped(lines):
            yield " ".join(lines)
        else:
            yield from lines


def _hard_wrapped(lines: list[str]) -> bool:
    """Three or more lines cut at one width are a wrapped paragraph, not separate lines."""
    if len(lines) < 3 or len(set(lines)) < len(lines):
        return False
    return all(50 <= len(line) <= 90 for line in lines[:-1]) and len(lines[-1]) <= 90


def _collapse_repeats(units: list[str]) -> Iterator[tuple[str, bool]]:
    """(paragraph, repeated) with a paragraph printed twice in a row kept once.

    The alt text a scraper keeps may lack the credit the visible caption carries, so a line
    that equals the next line's caption part also counts as a repeat; the fuller line is kept.
    """
    index = 0
    while index < len(units):
        unit, repeated = units[index], False
        while index + 1 < len(units) and _same_picture(unit, units[index + 1]):
            unit = max(unit, units[index + 1], key=len)
            repeated, index = True, index + 1
        yield unit, repeated
        index += 1


def _same_picture(first: str, second: str) -> bool:
    a, b = dedupe_key(first), dedupe_key(second)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 40 and longer.startswith(shorter)


def _captions(units: Iterator[tuple[str, bool]]) -> Iterator[CaptionDraft]:
    seen: set[str] = set()
    previous: str | None = None
    for unit, repeated in units:
        draft = caption_in_paragraph(unit, repeated=repeated)
        if draft is None and previous is not None:
            credit = credit_only(unit)
            if credit is not None:
                draft = caption_from_parts(previous, credit.text)
        previous = None if draft is not None else unit
        if draft is not None and dedupe_key(draft.caption) not in seen:
            seen.add(dedupe_key(draft.caption))
            yield draft
