"""What a write puts into each block, and what our reader must read back from each afterwards.

The plan is made before any byte is touched, so a dry run can show it and the verification can
compare the written file with it block by block (not only the reconciled values, which would let
a wrong IIM copy hide behind a right XMP one). Every field the desk holds a value for goes into
XMP, into IIM where the file gets IIM, and into EXIF where the field has one of the three EXIF
tags written; so the blocks of a written file agree, as the Metadata Working Group asks of a
writer, instead of an old IIM caption contradicting the new XMP one.

IIM text is written as UTF-8 (1:90 ``ESC % G`` is set by the writer) and cut at the field's byte
limit on a character boundary; the reader takes the cut copy for a truncation of the XMP value,
not a disagreement. A cut this write makes is a warning naming the field and the limit, with
only the lost text shown, shortened (a 3,000-byte caption must not make a 2,000-character line).
A cut the file's IIM already carries (``present``: an agency value longer than IIM allows, which
the desk left as it was) loses nothing now: it is a note, not a warning, so it is not repeated
on every write of an untouched agency value. ``date_created`` goes to IIM 2:55 only as a full
ISO date, with 2:60 when it carries a time and a zone (IIM has no time without a zone); a partial
date (``2024-10``) is written to XMP alone and the IIM date is left as it was. IIM 2:100 takes
exactly three characters (ISO 3166 alpha-3): a ``country_code`` that is not three letters (the
two-letter code IPTC Core puts in XMP) goes to XMP only and the file's 2:100 is left as it was.

A value with a control character (other than newline and tab) or with whitespace at either end
cannot be read back as written (readers strip the ends; control characters are not text): the
plan refuses it up front, naming the field (``UnwritableValue``), rather than let verification
fail later on "reads back as".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from photodesk.core.iim_date import iim_date
from photodesk.core.metadata import FIELDS, Block, Value
from photodesk.metadata.write_keys import IIM_DATE_FIELD, IIM_TIME_KEY, KEYS

IimKind = Literal["text", "date", "time"]
COUNTRY_CODE_FIELD = "country_code"
_ALPHA3 = re.compile(r"[A-Za-z]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
KEPT_SHOWN, LOST_SHOWN = 12, 30  # characters around an IIM cut a warning shows


class UnwritableValue(ValueError):
    """A value that cannot go into a file as it is; ``str()`` names the field and why."""


@dataclass(frozen=True, slots=True)
class XmpSet:
    key: str
    kind: str  # "text", "lang-alt", "seq" or "bag"
    value: Value


@dataclass(frozen=True, slots=True)
class IimSet:
    """Replace every dataset under ``key`` by ``items`` (none: remove them)."""

    key: str
    kind: IimKind
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExifSet:
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class WritePlan:
    """The sets per block, what each block must read back as, and the cuts worth a warning."""

    values: Mapping[str, Value]
    xmp: tuple[XmpSet, ...]
    iim: tuple[IimSet, ...]
    exif: tuple[ExifSet, ...]
    expected: Mapping[Block, Mapping[str, Value]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def plan_write(
    values: Mapping[str, Value],
    *,
    iim: bool,
    exif: bool = True,
    present: Mapping[str, tuple[str, ...]] | None = None,
) -> WritePlan:
    """The plan for writing ``values`` (neutral fields) into a file with or without IIM.

    ``present`` is what the file's IIM holds now, per exiv2 key: a cut it already carries is
    a note, not a warning. Raises UnwritableValue for a value no file can carry as it is.
    """
    problem = value_problem(values)
    if problem is not None:
        raise UnwritableValue(problem)
    xmp_sets: list[XmpSet] = []
    iim_sets: list[IimSet] = []
    exif_sets: list[ExifSet] = []
    expected: dict[Block, dict[str, Value]] = {"xmp": {}, "iim": {}, "exif": {}}
    warnings: list[str] = []
    notes: list[str] = []
    for name in FIELDS:
        value = values.get(name)
        if not value:
            continue
        keys = KEYS[name]
        xmp_value = _as_list(value) if keys.xmp_kind in ("seq", "bag") else _as_text(value)
        xmp_sets.append(XmpSet(keys.xmp, keys.xmp_kind, xmp_value))
        expected["xmp"][name] = xmp_value
        if iim and keys.iim is not None:
            if name == IIM_DATE_FIELD:
                _plan_iim_date(keys.iim, _as_text(value), iim_sets, expected["iim"], warnings)
            elif name == COUNTRY_CODE_FIELD and not _ALPHA3.fullmatch(_as_text(value)):
                notes.append(
                    f"country_code: {_as_text(value)!r} is no three-letter code; IIM 2:100 "
                    "(ISO 3166 alpha-3) left as it was, XMP has it"
                )
            else:
                cuts = _plan_iim_text(name, value, iim_sets, expected["iim"])
                already = (present or {}).get(keys.iim) == iim_sets[-1].items
                (notes if already else warnings).extend(
                    _cut_message(name, text, cut, keys.iim_limit or 0, already)
                    for text, cut in cuts
                )
        if exif and keys.exif is not None:
            text = "; ".join(value) if isinstance(value, tuple) else value
            exif_sets.append(ExifSet(keys.exif, text))
            expected["exif"][name] = _exif_reading(name, text)
    return WritePlan(
        dict(values),
        tuple(xmp_sets),
        tuple(iim_sets),
        tuple(exif_sets),
        {block: found for block, found in expected.items() if found},
        tuple(warnings),
        tuple(notes),
    )


def value_problem(values: Mapping[str, Value]) -> str | None:
    """Why a value cannot be written as it is (naming the field), or None when all can."""
    for name in FIELDS:
        for item in _as_list(values.get(name) or ()):
            if (found := _CONTROL.search(item)) is not None:
                return (
                    f"{name} holds the control character U+{ord(found.group()):04X}; "
                    "fix the value (only line breaks and tabs can be written)"
                )
            if item != item.strip():
                return (
                    f"{name} {_clip(item)!r} has whitespace at its start or end, which no "
                    "reader keeps; fix the value"
                )
    return None


def _plan_iim_text(
    name: str, value: Value, sets: list[IimSet], expected: dict[str, Value]
) -> list[tuple[str, str]]:
    """Plan one text field's IIM datasets; every item that had to be cut, with its cut copy."""
    keys = KEYS[name]
    assert keys.iim is not None and keys.iim_limit is not None
    items = _as_list(value) if keys.iim_repeatable else (_as_text(value),)
    pairs = [(item, _cut(item, keys.iim_limit)) for item in items]
    kept = tuple(cut for _, cut in pairs if cut)
    sets.append(IimSet(keys.iim, "text", kept))
    expected[name] = kept if keys.iim_repeatable else kept[0]
    return [(item, cut) for item, cut in pairs if cut != item]


def _plan_iim_date(
    key: str, value: str, sets: list[IimSet], expected: dict[str, Value], warnings: list[str]
) -> None:
    """2:55, and 2:60 set or removed with it, as ``core.iim_date`` decides for every route."""
    found = iim_date(value)
    if found is None:
        warnings.append(
            f"date_created: {value!r} is no full date; written to XMP only, IIM date left as is"
        )
        return
    sets.append(IimSet(key, "date", (found.date,)))
    sets.append(IimSet(IIM_TIME_KEY, "time", () if found.time is None else (found.time,)))
    expected[IIM_DATE_FIELD] = found.date if found.time is None else f"{found.date}T{found.time}"
    if found.zoneless:
        warnings.append(
            f"date_created: {value!r} has no time zone; IIM gets the date alone (2:60 needs a zone)"
        )


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, on a character boundary (a prefix)."""
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    return raw[:limit].decode("utf-8", "ignore").rstrip()


def _cut_message(name: str, text: str, cut: str, limit: int, already: bool) -> str:
    """One short line: the field, the limit, and where the cut falls (``…kept|lost…``)."""
    kept = cut if len(cut) <= KEPT_SHOWN else "…" + cut[-KEPT_SHOWN:]
    lost = text[len(cut) :]
    lost = lost if len(lost) <= LOST_SHOWN else lost[:LOST_SHOWN] + "…"
    where = f'"{kept}|{lost}"'.replace("\n", "⏎")
    if already:
        return (
            f"{name} already longer than IIM allows in the agency's file ({limit} bytes): {where}"
        )
    return f"{name} cut at {limit} bytes in IIM: {where} (XMP has it whole)"


def _clip(text: str) -> str:
    return text if len(text) <= LOST_SHOWN else text[:LOST_SHOWN] + "…"


def _exif_reading(name: str, text: str) -> Value:
    """What the EXIF reader makes of the text: Artist is split into people at semicolons."""
    if name == "creators":
        return tuple(part.strip() for part in text.split(";") if part.strip())
    return text


def _as_text(value: Value) -> str:
    return value if isinstance(value, str) else "; ".join(value)


def _as_list(value: Value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)
