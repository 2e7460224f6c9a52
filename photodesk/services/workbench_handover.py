"""The workbench's hand-over calls: write the selection into the files, export, rescan.

These are the slow calls of the UI (each a thread worker there), so each takes a ``Progress``
where the service under it reports one. They add to the services only what a person at the
terminal needs and a script does not: the selection by caption (the rows marked on the desk),
the captions whose unsaved edit would *not* go into the file (the file gets the saved text, and
the editor must be told before confirming), and a rescan of the folders the desk's pictures
already live in, since the UI has no folder arguments to give.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from photodesk.services import drafts as drafting
from photodesk.services.desk import Desk
from photodesk.services.exporting import (
    FORMATS,
    Export,
    ExportTargetError,
    ExportTargetExists,
    check_target,
    export_sheet,
    write_export,
)
from photodesk.services.progress import SILENT, Progress
from photodesk.services.scan_report import ScanReport
from photodesk.services.scan_rows import load_known
from photodesk.services.scanning import scan_folders
from photodesk.services.writeback import NOT_WRITTEN, WriteReport, WriteUsageError, write_back

HANDOVER_FOLDER = "handover"  # the copies' default folder, beside the desk
SHEET_NAME = "photodesk-sheet"
SHEET_SUFFIXES = {
    "exiftool-csv": ".csv",
    "json": ".json",
    "ninjs": ".ninjs.json",
    "html": ".html",
    "pdf": ".pdf",
}
assert set(SHEET_SUFFIXES) == set(FORMATS)
NAMED_BY = {".csv": "exiftool-csv", ".json": "json", ".html": "html", ".htm": "html", ".pdf": "pdf"}

__all__ = [
    "FORMATS",
    "Export",
    "ExportTargetError",
    "ExportTargetExists",
    "HandoverBench",
    "HandoverError",
    "ScanReport",
    "WritePlan",
    "WriteReport",
    "WriteUsageError",
    "format_named",
    "renamed_for",
    "sheet_name",
]


class HandoverError(Exception):
    """A hand-over step failed as a whole (an export that could not be written): ``subject``
    names the file, ``reason`` the problem, so the UI says both in one line."""

    def __init__(self, subject: str, reason: str) -> None:
        super().__init__(f"{subject}: {reason}")
        self.subject = subject
        self.reason = reason


@dataclass(frozen=True, slots=True)
class WritePlan:
    """What a write of the selection would do, before anything is written.

    ``report`` is the dry run of a write to ``out`` (None: in place, where a file that already
    says everything is ``unchanged``; held-back pictures with their reason). ``drafts`` are the
    selected captions that have an unsaved edit: the file gets the saved text, not the draft.
    ``folder`` is the folder for copies offered on screen (``out``, else the default).
    """

    report: WriteReport
    drafts: tuple[int, ...]
    folder: Path
    out: Path | None = None

    def surprises(self, shown: WritePlan) -> bool:
        """True when this run leaves out a picture, or for a reason, that ``shown`` did not
        show: the editor confirmed one preview and must see this one before anything is
        written (copies into a picture's own folder are held back only once ``out`` is known).
        """
        return not _not_written(self) <= _not_written(shown)


def _not_written(plan: WritePlan) -> set[tuple[str, str, str | None]]:
    return {(p.path, p.status, p.reason) for p in plan.report.pictures if p.status in NOT_WRITTEN}


def sheet_name(fmt: str) -> str:
    """The default file name of a sheet in ``fmt`` (``photodesk-sheet.csv`` …)."""
    return SHEET_NAME + SHEET_SUFFIXES[fmt]


def format_named(name: str, current: str) -> str | None:
    """The format a file name asks for by its extension, or None for a name that says nothing.

    ``.json`` is both photodesk's JSON and ninjs: it stays ninjs when ninjs is ``current``
    (``.ninjs.json`` always is), and means json otherwise, so a typed name never leaves the
    wrong format selected.
    """
    lowered = name.lower()
    if lowered.endswith(SHEET_SUFFIXES["ninjs"]) or (
        current == "ninjs" and lowered.endswith(".json")
    ):
        return "ninjs"
    return next((fmt for end, fmt in NAMED_BY.items() if lowered.endswith(end)), None)


def renamed_for(name: str, fmt: str) -> str:
    """``name`` with its sheet extension swapped for ``fmt``'s; a name ``fmt`` already fits,
    or one without a sheet extension (the editor's own choice), is kept."""
    if format_named(name, fmt) in (fmt, None):
        return name
    lowered = name.lower()
    end = next(e for e in (SHEET_SUFFIXES["ninjs"], *NAMED_BY) if lowered.endswith(e))
    return name[: -len(end)] + SHEET_SUFFIXES[fmt]


class HandoverBench:
    """Mixed into ``Workbench``: the desk and the editor are its own."""

    desk: Desk
    editor: str

    def refresh(self) -> None:
        """Forget cached pictures (``Workbench`` implements it)."""
        raise NotImplementedError

    def plan_write(
        self, caption_ids: Collection[int], progress: Progress = SILENT, out: Path | None = None
    ) -> WritePlan:
        """Dry-run the write of the pictures of ``caption_ids`` to ``out`` (None: in place);
        nothing is written. WriteUsageError for an unusable ``out``."""
        report = write_back(
            self.desk, out=out, dry_run=True, caption_ids=caption_ids, progress=progress
        )
        folder = out or self.desk.folder / HANDOVER_FOLDER
        return WritePlan(report, self.unsaved(caption_ids), folder, out)

    def unsaved(self, caption_ids: Collection[int] | None = None) -> tuple[int, ...]:
        """The editor's captions (of ``caption_ids``; None: all) with an unsaved edit, sorted:
        a write or an export takes the saved text, and the editor must hear that first."""
        mine = drafting.drafts_of(self.desk, self.editor)
        return tuple(sorted(i for i in mine if caption_ids is None or i in caption_ids))

    def write_files(
        self,
        caption_ids: Collection[int],
        *,
        out: Path | None,
        force: bool = False,
        progress: Progress = SILENT,
    ) -> WriteReport:
        """Write the pictures of ``caption_ids`` as copies into ``out`` (None: in place, with
        backups, and the written files re-scanned). WriteUsageError for an unusable ``out``."""
        report = write_back(
            self.desk, out=out, force=force, caption_ids=caption_ids, progress=progress
        )
        if report.rescan is not None:
            self.refresh()
        return report

    def export_to(
        self, fmt: str, target: Path, *, force: bool = False, replace: bool = False
    ) -> Export:
        """Render the whole desk as ``fmt`` and write it to ``target`` atomically.

        ``force`` puts pictures the check holds back on the ExifTool sheet. Before rendering,
        ExportTargetError refuses a picture of the desk as ``target``, and ExportTargetExists an
        existing file unless ``replace`` (the editor has confirmed). HandoverError names
        ``target`` when the file cannot be written (no such folder, no permission): the previous
        file, if any, is then left as it was.
        """
        check_target(self.desk, target, replace=replace)
        export = export_sheet(self.desk, fmt, force=force)
        try:
            write_export(export.data, target)
        except OSError as error:
            raise HandoverError(str(target), error.strerror or type(error).__name__) from error
        return export

    def picture_folders(self) -> list[Path]:
        """The distinct folders the desk's pictures are in (missing ones too), sorted."""
        with self.desk.read() as session:
            known = load_known(session)
        return sorted({Path(path).parent for path in known})

    def rescan(self, progress: Progress = SILENT) -> ScanReport:
        """Scan the folders of the desk's pictures again (new, changed and vanished files;
        findings recomputed for the pictures that changed), then forget cached pictures."""
        report = scan_folders(self.desk, self.picture_folders(), progress)
        self.refresh()
        return report
