"""IPTC-IIM datasets in, neutral field values out.

The datasets are walked with every length checked against the bytes that are really there, so a
hostile or truncated block stops cleanly with a warning instead of reading past its end. Text is
UTF-8 only when 1:90 (CodedCharacterSet) declares it; otherwise it is cp1252, as IIM writers of
the 1990s meant it, and any non-ASCII text says so in a warning. Nothing is repaired silently:
undeclared bytes that happen to be valid UTF-8 are still decoded as cp1252 (what the standard and
ExifTool do), but the warning shows what they would read as in UTF-8.
"""

from __future__ import annotations

import re
import struct

from photodesk.core.metadata import BlockReading, Value
from photodesk.metadata.fields import IIM_DATASETS, IIM_RECORD, IIM_TIME_CREATED
from photodesk.metadata.iim_text import Charset, charset_of, decode_text

TAG_MARKER = 0x1C
MAX_DATASETS = 20_000  # far beyond any real block; bounds the work a hostile one can cause
_HEADER = struct.Struct(">BBBH")  # tag marker, record, dataset, length
_NOT_NUL = re.compile(rb"[^\0]")
_READ = frozenset(IIM_DATASETS) | {IIM_TIME_CREATED}  # the datasets we decode


def read_iim(data: bytes) -> BlockReading:
    """The neutral fields an IIM block holds, with how its text was decoded and what went wrong.

    ``charset`` is None when the block holds no text we read (nothing was decoded).
    """
    warnings: list[str] = []
    datasets = iter_datasets(data, warnings)
    charset = charset_of(_first(datasets, 1, 90), warnings)
    texts = _texts(datasets, charset, warnings)
    charset.finish(warnings)
    name = charset.name if texts else None
    return BlockReading("iim", _values(texts, warnings), name, tuple(warnings))


def _texts(
    datasets: list[tuple[int, int, bytes]], charset: Charset, warnings: list[str]
) -> dict[int, list[str]]:
    """The non-blank text of each dataset we read, stripped, by dataset number.

    ASCII, and text under a UTF-8 declaration (nearly every agency file), takes one ``decode``
    here; anything else (escape sequences, 8-bit text, invalid UTF-8) goes through
    ``decode_text``, which says what it did.
    """
    texts: dict[int, list[str]] = {}
    utf8 = charset.name == "utf-8"
    for record, number, raw in datasets:
        if record != IIM_RECORD or number not in _READ:
            continue
        if raw and raw[-1] == 0:
            raw = raw.rstrip(b"\0")  # some writers NUL-terminate IIM strings
        try:
            text = raw.decode("utf-8") if 0x1B not in raw and (utf8 or raw.isascii()) else None
        except UnicodeDecodeError:
            text = None
        text = (text or decode_text(raw, charset, f"2:{number}", warnings)).strip()
        if text:
            texts.setdefault(number, []).append(text)
    return texts


def iter_datasets(data: bytes, warnings: list[str]) -> list[tuple[int, int, bytes]]:
    """(record, dataset, value bytes) of each dataset, until the data ends or stops making sense.

    One tight loop over a struct: a desk reads this block in every file.
    """
    data = bytes(data)  # no copy for bytes, and the slices below are bytes too
    datasets: list[tuple[int, int, bytes]] = []
    append, unpack = datasets.append, _HEADER.unpack_from
    pos, end, count = 0, len(data), 0
    while pos < end and count < MAX_DATASETS:
        marker = data[pos]
        if marker == 0:  # NUL padding: after the last dataset, or between joined blocks
            padding = _NOT_NUL.search(data, pos)
            pos = padding.start() if padding else end
            continue
        if marker != TAG_MARKER or pos + 5 > end:
            if data[pos:].strip(b"\0 "):  # trailing space padding is harmless too
                warnings.append(
                    f"IIM: unexpected bytes at offset {pos} after {len(datasets)} datasets; "
                    "the rest of the block was ignored"
                )
            return datasets
        _, record, number, length = unpack(data, pos)
        pos += 5
        if length & 0x8000:
            length, pos = _extended_length(data, pos, length & 0x7FFF)
        if length < 0 or pos + length > end:
            warnings.append(
                f"IIM: dataset {record}:{number} claims more bytes than remain; "
                "the rest of the block was ignored"
            )
            return datasets
        append((record, number, data[pos : pos + length]))
        pos += length
        count += 1
    if pos < end:
        warnings.append(f"IIM: more than {MAX_DATASETS} datasets; the rest were ignored")
    return datasets


def _extended_length(data: bytes, pos: int, size: int) -> tuple[int, int]:
    """An extended length (IIM 4.2, 1.5.2): the low 15 bits count the length's own bytes.

    Returns (-1, pos) for a size no real block uses, so the caller stops there.
    """
    if not 0 < size <= 4 or pos + size > len(data):
        return -1, pos
    return int.from_bytes(data[pos : pos + size], "big"), pos + size


def _first(datasets: list[tuple[int, int, bytes]], record: int, number: int) -> bytes | None:
    return next((raw for r, n, raw in datasets if (r, n) == (record, number)), None)


def _values(texts: dict[int, list[str]], warnings: list[str]) -> dict[str, Value]:
    """Neutral values: repeatable datasets as tuples, the others as their first occurrence."""
    values: dict[str, Value] = {}
    for number, items in texts.items():
        spec = IIM_DATASETS.get(number)
        if spec is None:
            continue
        if spec.iim_repeatable:
            values[spec.name] = tuple(items)
            continue
        if len(items) > 1 and len(set(items)) > 1:
            warnings.append(f"IIM: 2:{number} appears {len(items)} times; the first was used")
        values[spec.name] = items[0]
    if "date_created" in values:
        time = texts.get(IIM_TIME_CREATED, [None])[0]
        values["date_created"] = iim_datetime(str(values["date_created"]), time, warnings)
    return values


def iim_datetime(date: str, time: str | None, warnings: list[str]) -> str:
    """``CCYYMMDD`` (+ ``HHMMSS±HHMM``) as ISO 8601; a malformed date is kept as written.

    ``CCYY-MM-DD`` (or with colons), which some writers use, is read too, with a warning.
    """
    digits = date
    if len(date) == 10 and date[4] == date[7] and date[4] in "-:":
        digits = date[:4] + date[5:7] + date[8:]
        warnings.append(f"IIM: 2:55 date {date!r} is not CCYYMMDD; read as {digits}")
    if len(digits) != 8 or not digits.isdigit():
        warnings.append(f"IIM: 2:55 date {date!r} is not CCYYMMDD; kept as written")
        return date
    iso = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if time is None:
        return iso
    clock, zone = time[:6], time[6:]
    if not clock.isdigit() or len(clock) != 6:
        warnings.append(f"IIM: 2:60 time {time!r} is not HHMMSS±HHMM; the date was used alone")
        return iso
    iso += f"T{clock[:2]}:{clock[2:4]}:{clock[4:]}"
    if len(zone) == 5 and zone[0] in "+-" and zone[1:].isdigit():
        iso += f"{zone[:3]}:{zone[3:]}"
    return iso
