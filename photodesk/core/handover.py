"""What a picture file should say once the desk's work leaves the desk.

Write-back (``photodesk write``) and the ExifTool sheet (``export --format exiftool-csv``) must put
the same values into a file, or the two routes would disagree about one picture; both take them
from ``file_values``. It starts from the picture's reconciled embedded values, so the agency's
copyright, instructions, place and keywords travel on untouched, and lays the desk's caption and
credit over them:

- ``description`` is the caption as edited (an empty caption keeps the agency's description);
- ``credit`` is the credit line as printed, without brackets;
- ``creators`` are the credit's creators, when it names people (a handout or an agency-only credit
  names nobody, and the embedded by-line is kept);
- ``source`` stays the agency's own when the file has one, else it is the credit's agency.

``changes`` lists what differs field by field, for a dry run or a preview before a write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from photodesk.core.metadata import FIELDS, Value
from photodesk.core.types import Credit


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field whose value a write changes; ``None`` where the file has (or will have) none."""

    field: str
    old: Value | None
    new: Value | None


def file_values(
    embedded: Mapping[str, Value], caption: str, credit: Credit | None
) -> dict[str, Value]:
    """The embedded values with the desk's caption and credit laid over them, in FIELDS order."""
    values: dict[str, Value] = {name: embedded[name] for name in FIELDS if embedded.get(name)}
    text = caption.strip()
    if text:
        values["description"] = text
    if credit is not None and credit.text.strip():
        values["credit"] = credit.text.strip()
        if credit.creators:
            values["creators"] = tuple(credit.creators)
        if credit.agency and not values.get("source"):
            values["source"] = credit.agency
    return {name: values[name] for name in FIELDS if name in values}


def changes(old: Mapping[str, Value], new: Mapping[str, Value]) -> tuple[FieldChange, ...]:
    """Every field whose value differs between ``old`` and ``new``, in FIELDS order."""
    found = []
    for name in FIELDS:
        before, after = old.get(name) or None, new.get(name) or None
        if before != after:
            found.append(FieldChange(name, before, after))
    return tuple(found)
