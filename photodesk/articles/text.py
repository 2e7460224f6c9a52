"""Scraped article text: what a scraper leaves when it flattens a news page to lines.

The page's structure is gone, so captions are recognised paragraph by paragraph
(``captioning.caption_in_paragraph``): a caption repeated twice in a row (alt text, then the
visible caption) counts once, and a credit printed on its own line joins its caption
(``lone_credits``). Blank lines are the one trace of structure left, so each line keeps the
number of the block it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from photodesk.articles.chrome import is_chrome, read_head
from photodesk.articles.lone_credits import Line, captions
from photodesk.articles.textutil import dedupe_key, squash
from photodesk.core.types import ArticleDraft

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def read_text(text: str) -> ArticleDraft:
    """An ArticleDraft from scraped text: chrome skipped, captions in reading order."""
    units = list(lines(text))
    head = read_head([unit.text for unit in units])
    body = [
        unit
        for index, unit in enumerate(units)
        if index not in head.lines and unit.text != head.title and not is_chrome(unit.text)
    ]
    found = tuple(captions(list(_collapse_repeats(body))))
    return ArticleDraft(
        "text", title=head.title, date=head.date, byline=head.byline, captions=found
    )


def paragraphs(text: str) -> Iterator[str]:
    """Lines of text, one per paragraph; a hard-wrapped block is joined back into one."""
    return (line.text for line in lines(text))


def lines(text: str) -> Iterator[Line]:
    """``paragraphs`` with the number of the blank-line separated block each comes from."""
    blocks = _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    for number, block in enumerate(blocks):
        found = [squash(line) for line in block.split("\n") if line.strip()]
        for paragraph in [" ".join(found)] if _hard_wrapped(found) else found:
            yield Line(paragraph, number, number)


def _hard_wrapped(lines: list[str]) -> bool:
    """Three or more lines cut at one width are a wrapped paragraph, not separate lines."""
    if len(lines) < 3 or len(set(lines)) < len(lines):
        return False
    return all(50 <= len(line) <= 90 for line in lines[:-1]) and len(lines[-1]) <= 90


def _collapse_repeats(units: list[Line]) -> Iterator[Line]:
    """The lines with a paragraph printed twice in a row kept once, marked ``repeated``.

    The alt text a scraper keeps may lack the credit the visible caption carries, so a line
    that equals the next line's caption part also counts as a repeat; the fuller line is kept.
    """
    index = 0
    while index < len(units):
        unit = units[index]
        while index + 1 < len(units) and _same_picture(unit.text, units[index + 1].text):
            following = units[index + 1]
            text = max(unit.text, following.text, key=len)
            unit, index = Line(text, unit.first_block, following.last_block, True), index + 1
        yield unit
        index += 1


def _same_picture(first: str, second: str) -> bool:
    a, b = dedupe_key(first), dedupe_key(second)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 40 and longer.startswith(shorter)
