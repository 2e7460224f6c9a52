"""How a ``date_created`` value goes into IIM 2:55 (DateCreated) and 2:60 (TimeCreated).

Decided once, here, for every route out of the desk: ``photodesk write`` and the ExifTool sheet
both ask ``iim_date``, so the two cannot put different dates into one file's IIM.

IIM's 2:60 has no form without a zone (``HHMMSS±HHMM``): a writer handed a zoneless time has to
make one up (ExifTool appends the zone of the machine that applies the sheet). So a time without
a zone is not written at all: IIM gets the date alone and its 2:60 goes, since a time left over
from an older date would describe another moment. A value that is no full date (``2024-10``) has
no IIM form either: the file's 2:55 and 2:60 are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?"
)


@dataclass(frozen=True, slots=True)
class IimDate:
    """What IIM gets: ``date`` (``CCYY-MM-DD``) and ``time`` (``HH:MM:SS±HH:MM``, or None when
    2:60 must be removed); ``zoneless`` when the value's time was dropped for want of a zone."""

    date: str
    time: str | None
    zoneless: bool = False


def iim_date(value: str) -> IimDate | None:
    """The IIM form of an ISO 8601 date (and time), or None when it is no full date."""
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    date = f"{year}-{month}-{day}"
    if hour is None:
        return IimDate(date, None)
    if zone is None:
        return IimDate(date, None, zoneless=True)
    offset = "+00:00" if zone == "Z" else zone
    return IimDate(date, f"{hour}:{minute}:{second or '00'}{offset}")
