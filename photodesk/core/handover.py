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
``writes_iim`` decides which files get IPTC-IIM at all, for the writer and the sheet alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from photodesk.core.metadata import FIELDS, Value
from photodesk.core.types import Credit

# Formats whose standard has a place for IIM (JPEG APP13, TIFF tag 33723, PSD image resources).
IIM_NATIVE_FORMATS = frozenset({"jpeg", "tiff", "psd"})
# Formats with only a non-standard place (a PNG's "Raw profile type iptc" text chunk): IIM there
# is kept in step when the file already has one, never created.
IIM_KEPT_FORMATS = frozenset({"png"})


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


def writes_iim(fmt: str | None, has_iim: bool) -> bool:
    """Whether values going into a file of format ``fmt`` go into its IIM block too.

    Always where the format has a standard place for IIM. In a PNG only when it already holds
    one: its old caption must not be left contradicting the new XMP, but a PNG without IIM gets
    none (it would be non-standard, ExifTool warns "Creating non-standard IPTC in PNG", and
    readers look for XMP there). Elsewhere (WebP, HEIC) never.
    """
    return fmt in IIM_NATIVE_FORMATS or (fmt in IIM_KEPT_FORMATS and has_iim)
