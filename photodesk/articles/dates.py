"""Article dates as ISO text when they can be read, as printed when they cannot.

Pages print dates in many shapes ("18 September 2023, 9:56 am", "Sept. 18, 2023", ISO stamps in
meta tags). The desk sorts and compares them, so we normalise what we understand and keep the rest
verbatim rather than guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from photodesk.core.months import MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS
_DAY_MONTH = r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})"
_MONTH_DAY = r"\b(?P<month2>[A-Za-z]{3,9})\.?\s+(?P<day2>\d{1,2}),?\s+(?P<year2>\d{4})"
_ISO = (
    r"\b(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
DATE_PATTERN = re.compile(f"{_ISO}|{_DAY_MONTH}|{_MONTH_DAY}", re.IGNORECASE)
# What may surround a date printed on a line of its own: "Published: Wednesday, 13 Sept 2023 GMT".
_LINE_PREFIX = re.compile(
    r"(?:(?:first\s+)?(?:published|updated|posted)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?",
    re.IGNORECASE,
)
_LINE_ZONE = re.compile(r"\s*(?:[A-Z]{2,4}|UTC[+-]\d{1,2})?\s*")
_CLOCK = re.compile(
    r",?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?", re.IGNORECASE
)


def normalize_date(text: str | None) -> str | None:
    """ISO 8601 text for a date we can read; the printed text (trimmed) otherwise; None if empty."""
    if text is None or not text.strip():
        return None
    printed = text.strip()
    match = DATE_PATTERN.match(printed)
    if match is None:
        return printed
    clock = _CLOCK.match(printed, match.end())
    rest = printed[clock.end() if clock else match.end() :]
    parsed = _from_match(match, clock) if not rest.strip() else None
    return parsed or printed


def date_line(text: str) -> str | None:
    """The ISO date of a line that is nothing but a date ("September 13, 2023"), else None."""
    printed = text.strip()
    prefix = _LINE_PREFIX.match(printed)
    start = prefix.end() if prefix else 0
    match = DATE_PATTERN.match(printed, start)
    if match is None:
        return None
    clock = _CLOCK.match(printed, match.end())
    zone = _LINE_ZONE.fullmatch(printed, clock.end() if clock else match.end())
    return _from_match(match, clock) if zone else None


def find_date(text: str) -> tuple[str, int] | None:
    """The first readable date inside a longer line (a byline, a stamp) and where it starts."""
    for match in DATE_PATTERN.finditer(text):
        clock = _CLOCK.match(text, match.end())
        parsed = _from_match(match, clock)
        if parsed:
            return parsed, match.start()
    return None


def _from_match(match: re.Match[str], clock_match: re.Match[str] | None) -> str | None:
    groups = match.groupdict()
    if groups["iso"]:
        return _iso(groups["iso"])
    month_name = groups["month"] or groups["month2"]
    month = _MONTHS.get((month_name or "").lower())
    day = int(groups["day"] or groups["day2"])
    year = int(groups["year"] or groups["year2"])
    if month is None:
        return None
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    clock = _clock(clock_match) if clock_match else None
    return datetime.combine(day_value, clock).isoformat() if clock else day_value.isoformat()


def _iso(text: str) -> str | None:
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) == 10:
        return stamp.date().isoformat()
    return stamp.isoformat()


def _clock(match: re.Match[str]) -> time | None:
    hour, minute, ampm = match.group("hour"), match.group("minute"), match.group("ampm")
    if hour is None or minute is None:
        return None
    value = int(hour) % 12 + (12 if ampm and ampm[0].lower() == "p" else 0) if ampm else int(hour)
    try:
        return time(value, int(minute))
    except ValueError:
        return None
