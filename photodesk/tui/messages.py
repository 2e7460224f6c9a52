"""What the thread workers send back to the desk screen.

A worker never touches a widget: it calls the workbench, wraps the answer in one of these and
posts it (``post_message`` is thread-safe), and the screen updates the widgets on the UI thread.
Each answer names its caption, so an answer that arrives after the editor moved on is dropped.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from photodesk.core.codes import CodeTable
from photodesk.services.workbench import CaptionDetail, DeskCounts, DeskRow, LiveCheck, Preview
from photodesk.services.workbench_handover import Export, ScanReport, WritePlan, WriteReport
from photodesk.tui.screens.export import ExportChoice
from photodesk.tui.screens.write import WriteChoice


class RowsLoaded(Message):
    """Every caption of the desk and the header's figures."""

    def __init__(self, rows: list[DeskRow], counts: DeskCounts, codes: CodeTable) -> None:
        super().__init__()
        self.rows = rows
        self.counts = counts
        self.codes = codes


class CountsLoaded(Message):
    """The header's figures after a change."""

    def __init__(self, counts: DeskCounts) -> None:
        super().__init__()
        self.counts = counts


class DetailLoaded(Message):
    """The detail panel's facts for one caption."""

    def __init__(self, detail: CaptionDetail) -> None:
        super().__init__()
        self.detail = detail


class PreviewLoaded(Message):
    """The half-block pixels of one caption's picture (None: nothing to show)."""

    def __init__(self, caption_id: int, preview: Preview | None) -> None:
        super().__init__()
        self.caption_id = caption_id
        self.preview = preview


class LiveChecked(Message):
    """The parse and findings of the text as it was typed at ``generation``."""

    def __init__(self, caption_id: int, generation: int, check: LiveCheck) -> None:
        super().__init__()
        self.caption_id = caption_id
        self.generation = generation
        self.check = check


class WorkFailed(Message):
    """A worker's call failed; the screen says so in one line instead of crashing.

    ``caption_id`` names the caption whose detail could not be read (moving onto it again
    retries).
    """

    def __init__(self, what: str, error: Exception, caption_id: int | None = None) -> None:
        super().__init__()
        self.what = what
        self.error = error
        self.caption_id = caption_id


# The hand-over jobs (write, export, rescan): one runs at a time, with the bar at the bottom.


class WorkProgressed(Message):
    """A slow job's phase ``label`` is at ``done`` of ``total`` items (None: not known yet)."""

    def __init__(self, label: str, total: int | None, done: int) -> None:
        super().__init__()
        self.label = label
        self.total = total
        self.done = done


class WritePlanned(Message):
    """The dry run of writing the pictures of ``caption_ids``: shown before anything is written.

    ``choice`` and ``shown`` are set when this is the second look, at the destination the
    editor chose on the preview ``shown``: the write goes ahead unless it holds a surprise.
    """

    def __init__(
        self,
        caption_ids: list[int],
        plan: WritePlan,
        choice: WriteChoice | None = None,
        shown: WritePlan | None = None,
    ) -> None:
        super().__init__()
        self.caption_ids = caption_ids
        self.plan = plan
        self.choice = choice
        self.shown = shown


class FilesWritten(Message):
    """The write is done; ``out`` None was in place."""

    def __init__(self, report: WriteReport, out: Path | None) -> None:
        super().__init__()
        self.report = report
        self.out = out


class SheetExported(Message):
    """The sheet was written as ``choice`` says; ``export.left_out`` names pictures it could
    not carry."""

    def __init__(self, choice: ExportChoice, export: Export) -> None:
        super().__init__()
        self.choice = choice
        self.export = export


class ReplaceAsked(Message):
    """The export's file exists: nothing was written until the editor says to replace it."""

    def __init__(self, choice: ExportChoice) -> None:
        super().__init__()
        self.choice = choice


class Rescanned(Message):
    """The desk's picture folders were scanned again."""

    def __init__(self, report: ScanReport) -> None:
        super().__init__()
        self.report = report


class JobFailed(Message):
    """A hand-over job failed as a whole: the bar goes away and the screen says why."""

    def __init__(self, what: str, error: Exception) -> None:
        super().__init__()
        self.what = what
        self.error = error
