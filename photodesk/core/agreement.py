"""When two blocks' values for a field say the same thing.

Agencies, cameras and editing tools write the same caption three times with different
whitespace, date syntax, list shapes and byte limits. Treating every such difference as a
conflict would bury the editor in noise; treating real differences as agreement would hide a wrong
credit. These rules draw that line, and nothing else in photodesk decides it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

_DATE = re.compile(
    r"(\d{4})(?:[-:](\d\d)(?:[-:](\d\d)"
    r"(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?)?)?"
)
# What camera firmware writes into ImageDescription/Artist when nobody typed anything.
_CAMERA_JUNK = re.compile(
    r"(?i)(?:[\w.-]+ ){0,3}DIGITAL (?:STILL )?CAMERA|SONY DSC|DCF \d\.\d+|EXIF_JPEG_PICTURE"
    r"|DCIM[\\/].*"
)
_SEPARATORS = re.compile(r"\s*[;,]\s*")


def fold(text: str) -> str:
    """Whitespace folded (runs of spaces, tabs, CR, LF are one space) and Unicode in NFC.

    NFC because macOS tools may write ``é`` as e + combining accent in one block and not another.
    """
    return unicodedata.normalize("NFC", " ".join(text.split()))


def is_camera_junk(text: str) -> bool:
    """``OLYMPUS DIGITAL CAMERA`` and friends: firmware defaults, not a caption or a name."""
    return _CAMERA_JUNK.fullmatch(fold(text)) is not None


def date_parts(text: str) -> tuple[tuple[int, ...], timedelta | None] | None:
    """The components present (year … second) and the UTC offset, or None if not a date.

    EXIF's ``2024:10:10 12:00:00``, IIM-derived and XMP ISO forms all parse the same way; a zero
    year (``0000:00:00``, a camera without a clock) is no date.
    """
    match = _DATE.fullmatch(text.strip())
    if match is None or match.group(1) == "0000":
        return None
    parts = tuple(int(g) for g in match.groups()[:6] if g is not None)
    zone = match.group(7)
    if zone is None:
        return parts, None
    if zone == "Z":
        return parts, timedelta(0)
    sign = -1 if zone[0] == "-" else 1
    return parts, sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))


def iso_date(text: str) -> str:
    """A date as ISO 8601 (EXIF's colons turned into dashes); anything else kept as written."""
    if ":" not in text[:8]:  # already ISO, or not a date: kept as written without parsing
        return text
    parsed = date_parts(text)
    if parsed is None:
        return text
    parts, zone = parsed
    iso = "-".join(f"{p:02d}" for p in parts[:3])
    if len(parts) > 3:
        iso += "T" + ":".join(f"{p:02d}" for p in parts[3:])
    if zone is not None:
        minutes = int(zone.total_seconds()) // 60
        iso += f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return iso


def dates_agree(a: str, b: str) -> bool:
    """Same day, and the same time where both give one (a date alone agrees with its datetime)."""
    if min(len(a), len(b)) == 10 and a[:10] == b[:10] and a[4:5] == "-":  # ISO day, the usual
        return True
    pa, pb = date_parts(a), date_parts(b)
    if pa is None or pb is None:
        return fold(a) == fold(b)
    (parts_a, zone_a), (parts_b, zone_b) = pa, pb
    common = min(len(parts_a), len(parts_b))
    if parts_a[:common] == parts_b[:common]:
        return zone_a is None or zone_b is None or zone_a == zone_b or common <= 3
    if min(len(parts_a), len(parts_b)) < 5 or zone_a is None or zone_b is None:
        return False
    return _instant(parts_a, zone_a) == _instant(parts_b, zone_b)


def _instant(parts: tuple[int, ...], zone: timedelta) -> datetime | None:
    try:
        year, month, day, hour, minute, *second = parts
        return datetime(year, month, day, hour, minute, (second or [0])[0], tzinfo=timezone(zone))
    except ValueError:
        return None


def is_truncation(short: str, full: str, limit: int, charset: str | None) -> bool:
    """True when ``short`` is ``full`` cut at ``limit`` bytes (maybe mid-character).

    Tried in UTF-8 and in the IIM block's own character set: a writer cuts the bytes it writes.
    """
    short = fold(short.rstrip("\ufffd"))
    for encoding in dict.fromkeys(("utf-8", charset or "utf-8")):
        try:
            raw = full.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            continue
        if len(raw) > limit and fold(raw[:limit].decode(encoding, "ignore")) == short:
            return True
    return False


def lists_agree(
    win: Sequence[str], other: Sequence[str], ordered: bool, limit: int | None, charset: str | None
) -> bool:
    """Lists item by item (in order for a Seq, as a multiset for a Bag), each item maybe cut.

    One item that is the others joined with ``;`` or ``,`` agrees too: EXIF Artist is one string.
    """
    a, b = [fold(x) for x in win], [fold(x) for x in other]
    if len(a) != len(b) and 1 in (len(a), len(b)):
        a, b = (
            [p for x in a for p in _SEPARATORS.split(x)],
            [p for x in b for p in _SEPARATORS.split(x)],
        )
    if not ordered:
        a, b = sorted(a), sorted(b)
    if a == b:
        return True
    if limit is None or len(a) != len(b):
        return False
    if ordered:
        return all(x == y or is_truncation(y, x, limit, charset) for x, y in zip(a, b, strict=True))
    remaining = list(a)
    for item in b:
        match = next(
            (x for x in remaining if x == item or is_truncation(item, x, limit, charset)), None
        )
        if match is None:
            return False
        remaining.remove(match)
    return True
