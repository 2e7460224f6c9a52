"""Scoring ``read_file`` against ExifTool's reading of the real corpus (../shared/corpus/real).

For each (file, field) pair where ExifTool has a value, the expected value is ExifTool's values
reconciled in our order — XMP, then IPTC, then EXIF (IFD0/ExifIFD) — and ours must say the same
thing: whitespace folded, lists item by item, dates as dates (a date alone agrees with a datetime
on the same day). A value of only whitespace is no value (camera firmware pads ImageDescription
with spaces). The comparison is written here again, not borrowed from ``core.agreement``, so that
a bug in the code under test cannot also bend the score.

Run on its own to print every disagreement: ``python -m tests.conformance.metadata_eval``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from photodesk.metadata.read import read_file
from tests.conformance.metadata_known import KNOWN

# Our field → ExifTool tags per block, in reconciliation order (XMP, IPTC, EXIF). A second or
# third IIM block (an AFCP or FotoStation trailer, a second APP13) is ExifTool's IPTC2/IPTC3.
_IIM_GROUPS = ("IPTC", "IPTC2", "IPTC3")


def _iim(name: str) -> tuple[str, ...]:
    return tuple(f"{group}:{name}" for group in _IIM_GROUPS)


ORACLE_TAGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "description": (("XMP-dc:Description",), _iim("Caption-Abstract"), ("IFD0:ImageDescription",)),
    "creators": (("XMP-dc:Creator",), _iim("By-line"), ("IFD0:Artist", "IFD0:XPAuthor")),
    "credit": (("XMP-photoshop:Credit",), _iim("Credit"), ()),
    "source": (("XMP-photoshop:Source",), _iim("Source"), ()),
    "copyright": (("XMP-dc:Rights",), _iim("CopyrightNotice"), ("IFD0:Copyright",)),
    "instructions": (("XMP-photoshop:Instructions",), _iim("SpecialInstructions"), ()),
    "headline": (("XMP-photoshop:Headline",), _iim("Headline"), ()),
    "title": (("XMP-dc:Title",), _iim("ObjectName"), ("IFD0:XPTitle",)),
    "date_created": (
        ("XMP-photoshop:DateCreated",),
        _iim("DateCreated"),
        ("ExifIFD:DateTimeOriginal", "IFD0:DateTimeOriginal"),
    ),
    "city": (("XMP-photoshop:City",), _iim("City"), ()),
    "state": (("XMP-photoshop:State",), _iim("Province-State"), ()),
    "country": (("XMP-photoshop:Country",), _iim("Country-PrimaryLocationName"), ()),
    "keywords": (("XMP-dc:Subject",), _iim("Keywords"), ()),
    # File:ImageWidth is JPEG-only; Composite:ImageSize ("WxH") is ExifTool's size for every format.
    "width": (("File:ImageWidth", "Composite:ImageSize"),),
    "height": (("File:ImageHeight", "Composite:ImageSize"),),
}
LISTS = frozenset({"creators", "keywords"})
_DATE = re.compile(r"(\d{4})[-:](\d\d)[-:](\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?")


@dataclass
class Report:
    pairs: int = 0
    agreed: int = 0
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    by_field: dict[str, list[int]] = field(default_factory=dict)  # name → [pairs, agreed]

    @property
    def agreement(self) -> float:
        return self.agreed / self.pairs if self.pairs else 0.0

    def unexplained(self) -> list[tuple[str, str, object, object]]:
        return [m for m in self.misses if (m[0], m[1]) not in KNOWN]

    def table(self) -> str:
        rows = [f"| {name} | {n} | {ok} |" for name, (n, ok) in self.by_field.items()]
        total = f"| **all** | {self.pairs} | {self.agreed} ({self.agreement:.4f}) |"
        return "\n".join(["| field | pairs | agree |", "|---|---|---|", *rows, total])


def expected(key: dict[str, object], name: str) -> object | None:
    """ExifTool's value for our field: the first block, in our order, that has one."""
    for tags in ORACLE_TAGS[name]:
        for tag in tags:
            value = key.get(tag)
            if value is None or (isinstance(value, str) and not value.split()):
                continue
            if tag == "Composite:ImageSize":
                return _size(str(value), name)
            time = tag.replace("DateCreated", "TimeCreated")
            if tag.endswith(":DateCreated") and time != tag and time in key:
                return f"{value} {key[time]}"
            return value
    return None


def agrees(name: str, ours: object, theirs: object) -> bool:
    if name in ("width", "height"):
        return ours == theirs
    if ours is None:
        return False
    if name in LISTS:
        a = [_fold(x) for x in (ours if isinstance(ours, tuple | list) else [ours])]
        b = [_fold(x) for x in (theirs if isinstance(theirs, list) else [theirs])]
        return a == b or "; ".join(a) == "; ".join(b)
    if name == "date_created":
        return _same_date(str(ours), str(theirs))
    return _fold(ours) == _fold(theirs)


def evaluate(corpus: Path) -> Report:
    oracle = json.loads((corpus / "exiftool-oracle.json").read_text(encoding="utf-8"))
    report = Report(by_field={name: [0, 0] for name in ORACLE_TAGS})
    for path, entry in sorted(oracle["files"].items()):
        try:
            metadata = read_file(corpus / path)
        except Exception as error:  # read_file must never raise; record it and go on
            report.crashes.append(f"{path}: {type(error).__name__}: {error}")
            continue
        ours = {**metadata.values, "width": metadata.width, "height": metadata.height}
        for name in ORACLE_TAGS:
            theirs = expected(entry["key"], name)
            if theirs is None:
                continue
            report.pairs += 1
            counts = report.by_field.setdefault(name, [0, 0])
            counts[0] += 1
            if agrees(name, ours.get(name), theirs):
                report.agreed += 1
                counts[1] += 1
            else:
                report.misses.append((path, name, ours.get(name), theirs))
    return report


def _size(size: str, name: str) -> int | None:
    """Width or height from ExifTool's ``WxH`` (``W H`` with -n)."""
    parts = size.replace("x", " ").split()
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0] if name == "width" else parts[1])


def _fold(value: object) -> str:
    return " ".join(str(value).split())


def _same_date(a: str, b: str) -> bool:
    ma, mb = _DATE.match(a.strip()), _DATE.match(b.strip())
    if ma is None or mb is None:
        return _fold(a) == _fold(b)
    ga, gb = ma.groups(), mb.groups()
    if ga[:3] != gb[:3]:
        return False
    if ga[3] is None or gb[3] is None:
        return True
    return [int(x or 0) for x in ga[3:]] == [int(x or 0) for x in gb[3:]]


def main(corpus: Path) -> None:
    report = evaluate(corpus)
    print(f"{report.agreed}/{report.pairs} (file, field) pairs agree: {report.agreement:.4f}")
    print(report.table())
    for path, name, ours, theirs in report.misses:
        reason = KNOWN.get((path, name), "UNEXPLAINED")
        print(f"- {path} {name}: ours {ours!r}, ExifTool {theirs!r} — {reason}")
    for crash in report.crashes:
        print("CRASH", crash)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpus/real"))
