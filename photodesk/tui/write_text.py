"""What a write would change and what it did, as the editor reads it.

The preview is per file, field by field (old → new), with the IIM cut warnings and the reason a
picture is held back, so nothing leaves the desk unseen. The summary after the write is one
notification: the counts, then every picture not written by name with its reason (a failure
hidden in a count is a failure nobody fixes). The warning about unsaved edits is shared with the
export screen: both take the saved text, and both must say so in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePath

from rich.text import Text

from photodesk.core.handover import FieldChange
from photodesk.core.metadata import Value
from photodesk.services.workbench_handover import WriteReport
from photodesk.services.writeback import PictureWrite
from photodesk.tui.remedies import phrased

SHOWN = 60  # characters of a value the preview shows
NAMED = 6  # pictures not written named in the summary; the rest are counted


def shown_value(value: Value | None) -> str:
    """A field's value on one line, cut at SHOWN characters; ``(none)`` when empty."""
    if value is None:
        return "(none)"
    text = value if isinstance(value, str) else "; ".join(value)
    text = text.replace("\n", "⏎")
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def unsaved_warning(drafts: Sequence[int], what: str) -> str | None:
    """The warning that ``what`` (the file, the sheet) gets the saved text of ``drafts``, the
    captions with an unsaved edit; None when there are none."""
    if not drafts:
        return None
    ids = ", ".join(str(i) for i in drafts)
    return (
        f"Unsaved edit on caption {ids}: {what} gets the saved text, not the draft on screen "
        "(save it first with ctrl+s to include it)."
    )


def preview_text(report: WriteReport, drafts: Sequence[int]) -> Text:
    """Every picture of the dry run: status, changes, warnings, reasons; drafts first."""
    text = Text()
    if (warning := unsaved_warning(drafts, "the file")) is not None:
        text.append(f"{warning}\n\n", style="bold yellow")
    for picture in report.pictures:
        _picture(text, picture)
    text.rstrip()
    return text


def _picture(text: Text, picture: PictureWrite) -> None:
    text.append(PurePath(picture.path).name, style="bold cyan")
    if picture.status == "unchanged":
        text.append("  already says all of it (copies are still made)\n", style="dim")
        return
    if picture.status == "held back":
        text.append("  held back\n", style="bold red")
    elif picture.status == "failed":
        text.append("  cannot be written\n", style="bold red")
    else:
        text.append(f"  {_fields(len(picture.changes))}\n", style="green")
    _changes(text, picture.changes)
    for warning in picture.warnings:
        text.append(f"    ⚠ {warning}\n", style="yellow")
    if picture.reason:
        text.append(f"    {phrased(picture.reason, picture.remedy)}\n", style="red")


def _changes(text: Text, changes: Sequence[FieldChange]) -> None:
    for change in changes:
        text.append(f"    {change.field}: ", style="dim")
        text.append(shown_value(change.old), style="red")
        text.append(" → ")
        text.append(shown_value(change.new), style="green")
        text.append("\n")


def _fields(count: int) -> str:
    return f"{count} changed field{'' if count == 1 else 's'}"


def write_summary(report: WriteReport, out: Path | None) -> str:
    """One notification: where, the counts, and each picture not written with its reason."""
    where = "in place (originals kept as .NAME.orig)" if out is None else f"copies in {out}"
    counts = ", ".join(
        f"{report.count(status)} {status}" for status in ("unchanged", "held back", "failed")
    )
    lines = [f"wrote {report.count('written')} of {len(report.pictures)} pictures, {where}"]
    lines.append(counts)
    missed = [p for p in report.pictures if p.status in ("held back", "failed")]
    for picture in missed[:NAMED]:
        reason = phrased(picture.reason or "", picture.remedy)
        lines.append(f"{PurePath(picture.path).name}: {picture.status}: {reason}")
    if len(missed) > NAMED:
        lines.append(f"… and {len(missed) - NAMED} more not written")
    return "\n".join(lines)
