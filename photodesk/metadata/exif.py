"""EXIF, read for the desk: the few tags that carry a caption, a creator, a copyright or a date.

Only IFD0 and the Exif IFD are visited (no maker notes, no GPS, no thumbnails), which keeps a
read to a few microseconds. Text is decoded as UTF-8 when it is valid (phones and Photoshop
write UTF-8 into "ASCII" tags), else as cp1252 with a warning; the Windows XP* tags are UTF-16LE.
"""

from __future__ import annotations

import re
import struct

from photodesk.core.metadata import BlockReading, Value
from photodesk.metadata.ifd import (
    Entry,
    IfdError,
    Tiff,
    first_int,
    open_tiff,
    read_ifd,
    value_bytes,
)

DESCRIPTION, ARTIST, COPYRIGHT, EXIF_IFD = 0x010E, 0x013B, 0x8298, 0x8769
XP_TITLE, XP_AUTHOR = 0x9C9B, 0x9C9D
DATE_ORIGINAL, PIXEL_X, PIXEL_Y = 0x9003, 0xA002, 0xA003
IFD0_TAGS = frozenset({DESCRIPTION, ARTIST, COPYRIGHT, EXIF_IFD, XP_TITLE, XP_AUTHOR})
EXIF_TAGS = frozenset({DATE_ORIGINAL})
TEXT_LIMIT = 1 << 16
_EXACT = re.compile(r"\d{4}:\d\d:\d\d \d\d:\d\d:\d\d")
_DATE = re.compile(r"(\d{4})[:-](\d\d)[:-](\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?")
_MALFORMED = (struct.error, ValueError, IndexError, OverflowError)


def read_exif(tiff: bytes | memoryview) -> BlockReading:
    """The neutral fields of an EXIF block (TIFF-structured bytes); never raises."""
    warnings: list[str] = []
    values: dict[str, Value] = {}
    try:
        _read(open_tiff(tiff), values, warnings)
    except IfdError as exc:
        warnings.append(str(exc))
    except _MALFORMED as exc:
        warnings.append(f"malformed EXIF ({type(exc).__name__})")
    return BlockReading("exif", values, None, tuple(warnings))


def _read(tiff: Tiff, values: dict[str, Value], warnings: list[str]) -> None:
    """IFD0 text tags, then DateTimeOriginal from the Exif IFD when IFD0 points to one."""
    ifd0, _ = read_ifd(tiff, tiff.first_ifd, IFD0_TAGS, warnings, "IFD0")
    get = ifd0.get
    _put(values, "description", _text(tiff, get(DESCRIPTION), warnings))
    _put(values, "copyright", _text(tiff, get(COPYRIGHT), warnings))
    _put(values, "title", _xp_text(tiff, get(XP_TITLE), warnings))
    artist = _text(tiff, get(ARTIST), warnings) or _xp_text(tiff, get(XP_AUTHOR), warnings)
    if artist:
        creators = _split_people(artist)
        if creators:
            values["creators"] = creators
    pointer = first_int(tiff, get(EXIF_IFD), warnings)
    if pointer is None or pointer == tiff.first_ifd:
        return
    exif_ifd, _ = read_ifd(tiff, pointer, EXIF_TAGS, warnings, "Exif IFD")
    taken = _text(tiff, exif_ifd.get(DATE_ORIGINAL), warnings)
    _put(values, "date_created", _date(taken, warnings))


def exif_size(tiff: bytes | memoryview) -> tuple[int, int] | None:
    """PixelXDimension × PixelYDimension from the Exif IFD, for formats with no better source."""
    warnings: list[str] = []
    try:
        parsed = open_tiff(tiff)
        ifd0, _ = read_ifd(parsed, parsed.first_ifd, frozenset({EXIF_IFD}), warnings)
        pointer = first_int(parsed, ifd0.get(EXIF_IFD), warnings)
        if pointer is None:
            return None
        exif_ifd, _ = read_ifd(parsed, pointer, frozenset({PIXEL_X, PIXEL_Y}), warnings)
        width = first_int(parsed, exif_ifd.get(PIXEL_X), warnings)
        height = first_int(parsed, exif_ifd.get(PIXEL_Y), warnings)
    except (IfdError, *_MALFORMED):
        return None
    return (width, height) if width and height else None


def _put(values: dict[str, Value], name: str, value: str | None) -> None:
    if value:
        values[name] = value


def _text(tiff: Tiff, entry: Entry | None, warnings: list[str]) -> str | None:
    """An ASCII tag up to its first NUL (the Copyright editor part is dropped the same way)."""
    if entry is None:
        return None
    raw = value_bytes(tiff, entry, warnings, TEXT_LIMIT)
    if raw is None:
        return None
    raw = raw.split(b"\x00", 1)[0]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append(f"EXIF tag 0x{entry[0]:04x} is not UTF-8; decoded as cp1252")
        text = raw.decode("cp1252", "replace")
    return text.rstrip(" \t\r\n") or None


def _xp_text(tiff: Tiff, entry: Entry | None, warnings: list[str]) -> str | None:
    """A Windows XP* tag: UTF-16LE bytes, NUL-terminated."""
    if entry is None:
        return None
    raw = value_bytes(tiff, entry, warnings, TEXT_LIMIT)
    if raw is None:
        return None
    text = raw[: len(raw) // 2 * 2].decode("utf-16-le", "replace").split("\x00", 1)[0]
    return text.strip() or None


def _split_people(text: str) -> tuple[str, ...]:
    """Several artists are written "A; B" (the MWG convention ExifTool follows)."""
    if ";" not in text:
        return (text.strip(),)
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _date(text: str | None, warnings: list[str]) -> str | None:
    """``YYYY:MM:DD HH:MM:SS`` as ISO 8601; the all-zero "unknown" date is no date."""
    if not text or not text.strip(" :0"):
        return None
    if len(text) == 19 and _EXACT.fullmatch(text):  # the usual form, without regex groups
        return f"{text[:4]}-{text[5:7]}-{text[8:10]}T{text[11:]}"
    match = _DATE.match(text.strip())
    if match is None:
        warnings.append(f"EXIF DateTimeOriginal is not a date: {text!r}")
        return None
    year, month, day, hour, minute, second = match.groups()
    if hour is None:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}"
