"""Reading the moment an embargo lifts from the words an agency wrote after ``EMBARGOED UNTIL``.

Agencies write the time many ways (``0001 GMT 12 OCTOBER 2024``, ``2024-10-11T00:01Z``,
``12:01 a.m. EDT, Oct. 12, 2024``, ``OCTOBER 12, 2024 AT 00:01 GMT``). The result is a UTC
datetime or None. None is deliberate whenever a guess would be needed: a zone we cannot pin to
one offset (``ET`` changes with daylight saving, ``IST`` is two countries), a missing year, a
missing time. A wrong "embargo has passed" is worse than asking the editor to read the phrase.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from photodesk.core.months import MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS
# Zones with one fixed offset all year; ambiguous ones (ET, PT, CST, IST) are left out on purpose.
# fmt: off
_ZONES = {
    "z": 0, "gmt": 0, "utc": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "cest": 120,
    "eet": 120, "eest": 180, "msk": 180, "gst": 240, "hkt": 480, "sgt": 480, "awst": 480,
    "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    "est": -300, "edt": -240, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}
# fmt: on
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_RES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?=t|\b)"),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b"
    ),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
)
_OFFSET = r"[+-]\d{1,2}(?::?\d{2})?"
_ZONE = rf"(?P<zone>(?:GMT|UTC)\s*{_OFFSET}|{_OFFSET}|[a-z]{{1,5}}\b)"
_TIME_RE = re.compile(
    r"(?:\b|T)(?:(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))(?::\d{2}(?:\.\d+)?)?|(?P<hm>\d{4})"
    r"|(?P<h12>\d{1,2})(?=\s*[ap]\.?\s?m\b)|(?P<word>midnight|noon|midday))"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?\s*(?:h(?:rs?|ours)?\b\.?\s*)?" + _ZONE + "?",
    re.IGNORECASE,
)


def parse_embargo_time(text: str) -> datetime | None:
    """The UTC moment ``text`` names, or None when it does not name one exactly."""
    lowered = text.casefold()
    for pattern in _DATE_RES:
        date = pattern.search(lowered)
        if date is not None:
            break
    else:
        return None
    rest = lowered[: date.start()] + " " + lowered[date.end() :]
    day = _day(date)
    moment = _time_of_day(rest)
    if day is None or moment is None:
        return None
    minutes, offset = moment
    return (day + timedelta(minutes=minutes - offset)).replace(tzinfo=UTC)


def _day(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    month = _MONTHS[groups["month"]] if groups.get("month") else int(groups["mon"])
    try:
        return datetime(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def _time_of_day(text: str) -> tuple[int, int] | None:
    """(minutes after midnight, the zone's offset in minutes), or None if either is unknown."""
    for match in _TIME_RE.finditer(text):
        minutes = _minutes(match)
        zone = match.group("zone")
        offset = _offset(zone) if zone else None
        if minutes is not None and offset is not None:
            return minutes, offset
    return None


def _minutes(match: re.Match[str]) -> int | None:
    if match.group("word"):
        return 720 if match.group("word") in ("noon", "midday") else 0
    if match.group("hm"):
        hour, minute = int(match.group("hm")[:2]), int(match.group("hm")[2:])
    else:
        hour = int(match.group("h") or match.group("h12"))
        minute = int(match.group("m") or 0)
    ampm = (match.group("ampm") or "")[:1]
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def _offset(zone: str) -> int | None:
    """A zone's offset east of UTC in minutes; None for a name with no single offset."""
    zone = zone.strip()
    named = re.match(r"(?:gmt|utc)\s*(?=[+-])", zone)
    if named:
        zone = zone[named.end() :]
    if zone[:1] in "+-":
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:-2] or digits), int(digits[-2:]) if len(digits) > 2 else 0
        if hours > 14 or minutes > 59:
            return None
        return (hours * 60 + minutes) * (-1 if zone[0] == "-" else 1)
    return _ZONES.get(zone)
