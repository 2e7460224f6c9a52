"""Page chrome in scraped text: navigation, interface words, bylines and date stamps.

A scraper that flattens a web page to text keeps the site's furniture ("date 2023-09-18 Join our
Community", "By AFP 18 September 2023, 9:56 am 0 Edit", "Home | World | Asia"). None of it is
article text; the byline and the dates in it are the article's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from photodesk.articles.dates import date_line, find_date
from photodesk.articles.textutil import ends_sentence, reads_as_names

_STAMP = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von|par|por)\s+(?P<rest>\S.*)$", re.IGNORECASE)
_BYLINE_STOP = re.compile(r"\s(?:[|•·]|[-—–]\s|updated\b|published\b|posted\b)", re.IGNORECASE)
_NAV_SEPARATORS = re.compile(r"\s*[|›»>•·]\s*")
_INTERFACE_PHRASES = (
    "join our community", "sign in", "sign up", "log in", "subscribe now", "subscribe to",
    "skip to", "share this", "share on", "follow us", "read more", "related articles",
    "most read", "most popular", "all rights reserved", "privacy policy", "terms of use",
    "cookie policy", "accept cookies", "click here", "leave a comment", "view comments",
    "listen to this article", "print this", "sponsored content", "recommended for you",
)  # fmt: skip
_INTERFACE = re.compile(r"\b(?:" + "|".join(map(re.escape, _INTERFACE_PHRASES)) + r")\b")
_INTERFACE_WORDS = frozenset(
    "advertisement menu home search share edit comments comment close print email subscribe "
    "newsletter trending login register".split()
)
HEAD_SPAN = 12  # the title, standfirst, byline and stamps all sit in the first few lines


@dataclass(frozen=True, slots=True)
class Head:
    """What the top of a scraped page says about the article."""

    title: str | None
    byline: str | None
    date: str | None
    lines: frozenset[int]  # indexes of the title and byline lines, which are not body text


def is_chrome(line: str) -> bool:
    """True for a line of site furniture rather than article text."""
    folded = line.casefold().strip()
    if _STAMP.match(folded) or _is_nav_list(line):
        return True
    if re.sub(r"[\W\d_]+", " ", folded).strip() in _INTERFACE_WORDS:
        return True
    short = len(folded.split()) <= 15 and not ends_sentence(folded)
    return short and _INTERFACE.search(folded) is not None


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """(who, ISO date) for a byline line such as ``By AFP 18 September 2023, 9:56 am``."""
    match = _BYLINE.match(line.strip())
    if match is None:
        return None
    rest = match.group("rest")
    found = find_date(rest)
    who = rest[: found[1]] if found else rest
    stop = _BYLINE_STOP.search(who)
    who = (who[: stop.start()] if stop else who).strip(" ,;:")
    if who and not reads_as_names(who):
        return None  # a sentence that happens to start with "By", not a byline
    return (who or None), (found[0] if found else None)


def read_head(units: list[str]) -> Head:
    """Title, byline and date from the first lines of a scraped page.

    The date is the byline's, else a date printed on a line of its own, else the scraper's stamp
    (which may be the crawl date rather than the publication date).
    """
    title: str | None = None
    byline = stamp_date = byline_date = line_date = None
    used: set[int] = set()
    for index, unit in enumerate(units[:HEAD_SPAN]):
        parsed = parse_byline(unit) if title is not None and byline is None else None
        alone = date_line(unit) if title is not None else None
        if parsed is not None:
            byline, byline_date = parsed
            used.add(index)
        elif alone is not None:
            line_date = line_date or alone
            used.add(index)
        elif is_chrome(unit):
            found = find_date(unit)
            stamp_date = stamp_date or (found[0] if found else None)
        elif title is None:
            title = unit
            used.add(index)
    return Head(title, byline, byline_date or line_date or stamp_date, frozenset(used))


def _is_nav_list(line: str) -> bool:
    parts = [p for p in _NAV_SEPARATORS.split(line.strip()) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)
