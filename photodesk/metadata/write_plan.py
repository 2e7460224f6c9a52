"""What a write puts into each block, and what our reader must read back from each afterwards.

The plan is made before any byte is touched, so a dry run can show it and the verification can
compare the written file with it block by block (not only the reconciled values, which would let
a wrong IIM copy hide behind a right XMP one). Every field the desk holds a value for goes into
XMP, into IIM where the file gets IIM, and into EXIF where the field has one of the three EXIF
tags written; so the blocks of a written file agree, as the Metadata Working Group asks of a
writer, instead of an old IIM caption contradicting the new XMP one.

IIM text is written as UTF-8 (1:90 ``ESC % G`` is set by the writer) and cut at the field's byte
limit on a character boundary; each cut is a warning, and the reader takes the cut copy for a
truncation of the XMP value, not a disagreement. ``date_created`` goes to IIM 2:55 only as a full
ISO date, with 2:60 when it carries a time and a zone (IIM has no time without a zone); a partial
date (``2024-10``) is written to XMP alone and the IIM date is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from photodesk.core.metadata import FIELDS, Block, Value
from photodesk.metadata.write_keys import IIM_DATE_FIELD, IIM_TIME_KEY, KEYS

IimKind = Literal["text", "date", "time"]
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?"
)


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


def plan_write(values: Mapping[str, Value], *, iim: bool, exif: bool = True) -> WritePlan:
    """The plan for writing ``values`` (neutral fields) into a file with or without IIM."""
    xmp_sets: list[XmpSet] = []
    iim_sets: list[IimSet] = []
    exif_sets: list[ExifSet] = []
    expected: dict[Block, dict[str, Value]] = {"xmp": {}, "iim": {}, "exif": {}}
    warnings: list[str] = []
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
            else:
                _plan_iim_text(name, value, iim_sets, expected["iim"], warnings)
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
    )


def _plan_iim_text(
    name: str,
    value: Value,
    sets: list[IimSet],
    expected: dict[str, Value],
    warnings: list[str],
) -> None:
    keys = KEYS[name]
    assert keys.iim is not None and keys.iim_limit is not None
    items = _as_list(value) if keys.iim_repeatable else (_as_text(value),)
    cut = tuple(c for item in items if (c := _cut(name, item, keys.iim_limit, keys.iim, warnings)))
    sets.append(IimSet(keys.iim, "text", cut))
    expected[name] = cut if keys.iim_repeatable else cut[0]


def _plan_iim_date(
    key: str, value: str, sets: list[IimSet], expected: dict[str, Value], warnings: list[str]
) -> None:
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        warnings.append(
            f"date_created: {value!r} is no full date; written to XMP only, IIM date left as is"
        )
        return
    year, month, day, hour, minute, second, zone = match.groups()
    date = f"{year}-{month}-{day}"
    sets.append(IimSet(key, "date", (date,)))
    if hour is None or zone is None:
        sets.append(IimSet(IIM_TIME_KEY, "time", ()))
        expected[IIM_DATE_FIELD] = date
        if hour is not None:
            warnings.append(
                f"date_created: {value!r} has no time zone; IIM gets the date alone (2:60 "
                "needs a zone)"
            )
        return
    offset = "+00:00" if zone == "Z" else zone
    clock = f"{hour}:{minute}:{second or '00'}"
    sets.append(IimSet(IIM_TIME_KEY, "time", (f"{clock}{offset}",)))
    expected[IIM_DATE_FIELD] = f"{date}T{clock}{offset}"


def _cut(name: str, text: str, limit: int, key: str, warnings: list[str]) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, on a character boundary, with a warning."""
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    cut = raw[:limit].decode("utf-8", "ignore").rstrip()
    dataset = key.rsplit(".", 1)[-1]
    warnings.append(
        f"{name}: {len(raw)} bytes, IIM {dataset} holds {limit}; cut to {cut!r} there "
        "(XMP has it whole)"
    )
    return cut


def _exif_reading(name: str, text: str) -> Value:
    """What the EXIF reader makes of the text: Artist is split into people at semicolons."""
    if name == "creators":
        return tuple(part.strip() for part in text.split(";") if part.strip())
    return text


def _as_text(value: Value) -> str:
    return value if isinstance(value, str) else "; ".join(value)


def _as_list(value: Value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)
