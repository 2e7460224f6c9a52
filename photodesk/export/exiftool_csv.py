"""``export --format exiftool-csv``: a sheet ``exiftool -csv=sheet.csv -sep "; " -f`` applies.

One row per picture file, keyed by ``SourceFile`` (the path as the desk stores it, absolute), one
column per ExifTool tag, every heading group-qualified (``XMP-dc:Description``,
``IPTC:Caption-Abstract``, ``EXIF:ImageDescription``) so that ExifTool writes each value into
exactly the block photodesk's own write-back would, and nowhere else.

The columns are derived from the one field table (``photodesk.metadata.fields.FIELD_TABLE``,
handed in by the service: this layer may not import ``metadata``) through the naming rules below,
so a field added to the table is on the sheet without a second list to update. What lives here is
only ExifTool's spelling of our locations: XMP namespace URI → ExifTool group, IIM dataset →
ExifTool tag name, and which EXIF tags are written at all.

ExifTool's CSV conventions, and how the sheet meets them:

- A list (creators, keywords) is one cell; ``-sep "; "`` makes ExifTool split it back into items
  (without ``-sep`` it would write one item holding the separators). ``; `` is also the MWG
  convention for several artists in EXIF Artist, a plain string tag, so all three creator
  columns carry the same text. An item that itself holds a ``;`` cannot travel this way:
  ``row_problem`` names it and the service leaves that picture out rather than split a name.
- An empty cell is ignored on import (the file's tag is left as it is), so a field the desk has
  no value for never erases what the agency put in the file.
- ``IPTC:CodedCharacterSet`` is ``UTF8`` on every row, so ExifTool writes the IIM text as UTF-8
  and declares it (1:90): non-ASCII names survive, and readers do not guess a code page.
- IIM values are cut at their byte limit here, on a character boundary (ExifTool would cut
  inside a UTF-8 sequence); the XMP copy keeps the whole value, and a reader takes the cut IIM
  copy for a truncation of it, not a disagreement.
- Dates are written in ExifTool's ``YYYY:mm:dd[ HH:MM:SS[±HH:MM]]`` form. What IIM gets is
  ``core.iim_date``'s decision, the writer's own: a time without a zone is not put into
  ``IPTC:TimeCreated`` (ExifTool would append the applying machine's zone), the date goes alone,
  and the cell holds ``-``, which under ``-f`` makes ExifTool delete the file's old 2:60 (a time
  left from another date would describe another moment; without ``-f`` the ``-`` is no time
  and ExifTool ignores it). So ``-f`` belongs on the command line, and a value that is exactly
  ``-`` cannot travel (ExifTool would delete the tag instead): ``row_problem`` names it.
- A file that gets no IIM from ``photodesk write`` (``core.handover.writes_iim``: a PNG without
  an IIM block, a WebP) gets empty IPTC cells, character set and time included, so ExifTool
  creates no non-standard IIM in it.
- ``IPTC:Country-PrimaryLocationCode`` (IIM 2:100) takes exactly three characters (ISO 3166
  alpha-3; ExifTool pads a shorter one with a warning): it gets the country code only when that
  is three letters, else its cell stays empty and the file's 2:100 is left as it was, as
  ``photodesk write`` does. XMP ``Iptc4xmpCore:CountryCode`` takes the two-letter code.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from photodesk.core.iim_date import iim_date
from photodesk.core.metadata import LIST_FIELDS, Value

SEPARATOR = "; "
# ExifTool's options for applying the sheet, after ``-csv=FILE``: split lists at the separator,
# and let a DELETE cell remove its tag.
APPLY_OPTIONS = ("-sep", SEPARATOR, "-f")
DELETE = "-"  # under -f, ExifTool's CSV import deletes a tag whose cell is exactly this
# ExifTool's -sep matches the separator's spaces against any run of whitespace, so the ";"
# alone is what splits an item: no item may hold one.
SEPARATOR_MARK = ";"
CHARSET_TAG, CHARSET_VALUE = "IPTC:CodedCharacterSet", "UTF8"

# XMP namespace URI → ExifTool's group (ExifTool names the group after its own namespace prefix).
XMP_GROUPS: Mapping[str, str] = {
    "http://purl.org/dc/elements/1.1/": "XMP-dc",
    "http://ns.adobe.com/photoshop/1.0/": "XMP-photoshop",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "XMP-iptcCore",
    "http://ns.adobe.com/xap/1.0/rights/": "XMP-xmpRights",
}
# IIM record 2 dataset → ExifTool's IPTC tag name (ExifTool's IPTC ApplicationRecord table).
IIM_TAGS: Mapping[int, str] = {
    5: "ObjectName",
    25: "Keywords",
    40: "SpecialInstructions",
    55: "DateCreated",
    80: "By-line",
    90: "City",
    92: "Sub-location",
    95: "Province-State",
    100: "Country-PrimaryLocationCode",
    101: "Country-PrimaryLocationName",
    103: "OriginalTransmissionReference",
    105: "Headline",
    110: "Credit",
    115: "Source",
    116: "CopyrightNotice",
    120: "Caption-Abstract",
    122: "Writer-Editor",
}
IIM_TIME_TAG = "IPTC:TimeCreated"  # completes IPTC:DateCreated when the date has a time
# The EXIF tags a hand-over writes (DESIGN.md: ImageDescription, Artist, Copyright). The Windows
# XP tags are only a reader's fallback and DateTimeOriginal is the camera's clock: left alone.
EXIF_WRITTEN = frozenset({"ImageDescription", "Artist", "Copyright"})
DATE_FIELD = "date_created"
COUNTRY_CODE_FIELD = "country_code"
_ALPHA3 = re.compile(r"[A-Za-z]{3}")
_XMP_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(.*))?$")


class FieldLocation(Protocol):
    """Where a neutral field lives in each block: what ``metadata.fields.FieldSpec`` provides."""

    @property
    def name(self) -> str: ...

    @property
    def exif(self) -> tuple[tuple[int, str], ...]: ...

    @property
    def iim(self) -> int | None: ...

    @property
    def iim_limit(self) -> int | None: ...

    @property
    def xmp(self) -> tuple[str, str]: ...


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the sheet: the ExifTool tag, the field it carries, the IIM byte limit."""

    tag: str
    field: str
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One picture file and the values it should carry (``handover``'s ``values``).

    ``iim`` is whether the file gets IIM (``core.handover.writes_iim``); without, its IPTC cells
    stay empty and ExifTool leaves the file's IIM (or its lack of one) alone.
    """

    path: str
    values: Mapping[str, Value]
    iim: bool = True


def columns(fields: Iterable[FieldLocation]) -> tuple[Column, ...]:
    """Every column of the sheet, field by field in table order: XMP, then IIM, then EXIF."""
    found: list[Column] = []
    for spec in fields:
        namespace, local = spec.xmp
        found.append(Column(f"{XMP_GROUPS[namespace]}:{local[0].upper()}{local[1:]}", spec.name))
        if spec.iim is not None:
            found.append(Column(f"IPTC:{IIM_TAGS[spec.iim]}", spec.name, spec.iim_limit))
        found.extend(
            Column(f"EXIF:{name}", spec.name) for _, name in spec.exif if name in EXIF_WRITTEN
        )
    return tuple(found)


def header(table: Sequence[Column]) -> list[str]:
    """The heading row: ``SourceFile``, every column's tag, then the IIM time and character set."""
    return ["SourceFile", *(c.tag for c in table), IIM_TIME_TAG, CHARSET_TAG]


def row_problem(values: Mapping[str, Value]) -> str | None:
    """Why these values cannot go through the sheet unchanged, or None when they can."""
    for name in sorted(LIST_FIELDS):
        for item in _items(values.get(name)):
            if SEPARATOR_MARK in item:
                return f"{name} item {item!r} holds {SEPARATOR_MARK!r}, the sheet's list separator"
    for name, value in values.items():
        text = value if isinstance(value, str) else "".join(value)
        if "\x00" in text:
            return f"{name} holds a NUL character"
        if _items(value) == [DELETE]:
            return f"{name} is {DELETE!r}, which ExifTool's -f reads as 'delete the tag'"
    return None


def render_exiftool_csv(rows: Iterable[CsvRow], table: Sequence[Column]) -> bytes:
    """The sheet as UTF-8 CSV bytes (no BOM, ``\\n`` line ends, minimal quoting)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header(table))
    for row in rows:
        writer.writerow(_cells(row, table))
    return out.getvalue().encode("utf-8")


def _cells(row: CsvRow, table: Sequence[Column]) -> list[str]:
    cells = [
        _cell(row.values.get(column.field), column) if row.iim or not _is_iim(column) else ""
        for column in table
    ]
    if not row.iim:
        return [row.path, *cells, "", ""]
    return [row.path, *cells, _iim_time(row.values.get(DATE_FIELD)), CHARSET_VALUE]


def _is_iim(column: Column) -> bool:
    return column.tag.startswith("IPTC:")


def _cell(value: Value | None, column: Column) -> str:
    items = _items(value)
    if not items:
        return ""
    if column.field == DATE_FIELD:
        return _iim_day(items[0]) if _is_iim(column) else _xmp_date(items[0])
    if column.field == COUNTRY_CODE_FIELD and _is_iim(column):
        return items[0] if _ALPHA3.fullmatch(items[0]) else ""
    if column.limit is not None:
        items = [_cut(item, column.limit) for item in items]
    return SEPARATOR.join(items)


def _items(value: Value | None) -> list[str]:
    if value is None:
        return []
    listed = [value] if isinstance(value, str) else list(value)
    return [item for item in listed if item]


def _cut(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` UTF-8 bytes without splitting a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def _xmp_date(value: str) -> str:
    """An ISO 8601 date (and time) in ExifTool's ``YYYY:mm:dd[ HH:MM:SS[zone]]`` for XMP, which
    takes a time with or without a zone."""
    match = _XMP_DATE.match(value.strip())
    if match is None:
        return value
    year, month, day, hour, minute, second, zone = match.groups()
    if hour is None:
        return f"{year}:{month}:{day}"
    zone = "+00:00" if zone == "Z" else zone or ""
    return f"{year}:{month}:{day} {hour}:{minute}:{second or '00'}{zone}"


def _iim_day(value: str) -> str:
    """The ``IPTC:DateCreated`` cell: the full date, or empty (IIM's date left as it is)."""
    found = iim_date(value)
    return "" if found is None else found.date.replace("-", ":")


def _iim_time(value: Value | None) -> str:
    """The ``IPTC:TimeCreated`` cell: the zoned time; DELETE when IIM gets the date alone; empty
    when IIM's date is left as it is (no date, or no full one)."""
    found = iim_date(value) if isinstance(value, str) else None
    if found is None:
        return ""
    return DELETE if found.time is None else found.time
