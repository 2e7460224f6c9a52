"""The desk's hand-over keys: write the selection into the files, export a sheet, rescan.

Each is slow (files are read, written, rendered), so each runs in a thread worker with the bar
at the foot of the desk, and the desk stays usable meanwhile. One job runs at a time: a second
key while one runs says so instead of starting a write beside a rescan. A job that fails as a
whole is one notification naming the file and the problem; a picture that fails alone is named
in the job's summary.

Writing is two steps, so that nothing leaves the desk unseen: a dry run in a worker, then the
``WriteScreen`` with its changes, and only on confirmation the write itself. The preview's dry
run is in place; copies into another folder get a dry run there first, and when it holds back
a picture the preview did not (a copy onto its own original), the preview comes back for that
folder instead of the write. The edit on screen
is kept as a draft first, so the preview can say that the file will get the saved text.

Exporting asks before replacing an existing file (the service refuses a picture of the desk
outright, and reports an existing file instead of writing it until the editor confirms).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import work
from textual.notifications import SeverityLevel

from photodesk.services.workbench_handover import ExportTargetExists, WritePlan
from photodesk.tui.messages import (
    FilesWritten,
    JobFailed,
    ReplaceAsked,
    Rescanned,
    SheetExported,
    WorkProgressed,
    WritePlanned,
)
from photodesk.tui.progress import PostingProgress
from photodesk.tui.remedies import phrased
from photodesk.tui.screens.confirm_replace import ConfirmReplaceScreen
from photodesk.tui.screens.desk_actions import DeskActions
from photodesk.tui.screens.export import ExportChoice, ExportScreen
from photodesk.tui.screens.write import WriteChoice, WriteScreen
from photodesk.tui.widgets.work_bar import WorkBar
from photodesk.tui.write_text import write_summary


class DeskHandover(DeskActions):
    """Write to files, export, rescan: each a worker reporting to the work bar."""

    job: str | None = None  # the job running now, if any

    @property
    def work_bar(self) -> WorkBar:
        """The progress bar at the foot of the desk."""
        return self.query_one(WorkBar)

    def start_job(self, label: str) -> bool:
        """Show the bar for a new job; False (and a notice) while another job runs."""
        if self.job is not None:
            self.notify(f"wait: {self.job} is still running", severity="warning")
            return False
        self.job = label
        self.work_bar.start(label)
        return True

    def end_job(self) -> None:
        """The job is over: hide the bar."""
        self.job = None
        self.work_bar.stop()

    def on_work_progressed(self, message: WorkProgressed) -> None:
        """Move the bar (a message from a job that already ended is dropped)."""
        if self.job is not None:
            self.work_bar.show(message.label, message.total, message.done)

    def on_job_failed(self, message: JobFailed) -> None:
        """One line naming what failed and why; the desk stays as it was."""
        self.end_job()
        self.notify(f"{message.what}: {message.error}", title="error", severity="error")

    def refresh_after_files_changed(self) -> None:
        """The files (and so the checks) changed: every row, and the caption on screen, again.

        The edit on screen is kept as a draft first and comes back on top of the new reading.
        """
        self.reload_rows()
        caption_id = self.edit.caption_id
        if caption_id is not None:
            self.keep_draft()
            self.show_saved(caption_id)

    # Write to files.

    def action_write_files(self) -> None:
        """Write the selected captions' pictures (or the current one's): preview first."""
        ids = self.table.marked_ids() or (
            [self.edit.caption_id] if self.edit.caption_id is not None else []
        )
        if not ids:
            self.notify("no caption to write")
            return
        if not self.start_job("checking what would change"):
            return
        self.keep_draft()  # the preview can then say which files would not get what is on screen
        self.plan_write(ids)

    @work(thread=True, exclusive=True, group="handover")
    def plan_write(
        self,
        caption_ids: list[int],
        choice: WriteChoice | None = None,
        shown: WritePlan | None = None,
    ) -> None:
        """The dry run (nothing is written): in place for the preview, then at the chosen
        folder for copies."""
        out = None if choice is None else choice.out
        try:
            plan = self.workbench.plan_write(
                caption_ids, PostingProgress(self.post_message), out=out
            )
        except Exception as error:  # a worker must report, never die silently
            self.post_message(JobFailed("checking what would be written", error))
            return
        self.post_message(WritePlanned(caption_ids, plan, choice, shown))

    def on_write_planned(self, message: WritePlanned) -> None:
        """Show the preview (again, when the chosen folder changes what would happen), write
        what was confirmed, or say there is nothing to write."""
        self.end_job()
        plan = message.plan
        if not plan.report.pictures:
            self.notify("the selected captions have no picture: nothing to write")
            return
        choice, shown = message.choice, message.shown
        if choice is not None and shown is not None and not plan.surprises(shown):
            self._start_write(message.caption_ids, choice)
            return
        chosen = partial(self._write_chosen, caption_ids=message.caption_ids, shown=plan)
        self.app.push_screen(WriteScreen(plan), chosen)

    def _write_chosen(
        self, choice: WriteChoice | None, caption_ids: list[int], shown: WritePlan
    ) -> None:
        """Write at once where the preview's own dry run went (in place, first); elsewhere only
        after a dry run there, which may hold back pictures the preview could not (copies into
        a picture's own folder)."""
        if choice is None:
            self.notify("nothing written")
        elif choice.out == shown.out:
            self._start_write(caption_ids, choice)
        elif self.start_job("checking the folder for the copies"):
            self.plan_write(caption_ids, choice, shown)

    def _start_write(self, caption_ids: list[int], choice: WriteChoice) -> None:
        if self.start_job("writing the pictures"):
            self.write_files(caption_ids, choice)

    @work(thread=True, exclusive=True, group="handover")
    def write_files(self, caption_ids: list[int], choice: WriteChoice) -> None:
        """The write itself (then, in place, the re-scan of the written files)."""
        try:
            report = self.workbench.write_files(
                caption_ids,
                out=choice.out,
                force=choice.force,
                progress=PostingProgress(self.post_message),
            )
        except Exception as error:
            self.post_message(JobFailed("writing the pictures", error))
            return
        self.post_message(FilesWritten(report, choice.out))

    def on_files_written(self, message: FilesWritten) -> None:
        """The summary; after an in-place write the desk shows what the files say now."""
        self.end_job()
        report = message.report
        severity: SeverityLevel = "warning" if report.incomplete else "information"
        self.notify(write_summary(report, message.out), title="written", severity=severity)
        if report.rescan is not None:
            self.refresh_after_files_changed()

    # Export.

    def action_export(self) -> None:
        """Choose a format and a file, then render the desk into it in a worker.

        The edit on screen is kept as a draft first, so the export screen can say that the
        sheet will get the saved text, as the write preview does.
        """
        if self.job is not None:
            self.notify(f"wait: {self.job} is still running", severity="warning")
            return
        self.keep_draft()
        screen = ExportScreen(Path.cwd(), self.workbench.unsaved())
        self.app.push_screen(screen, partial(self._export_chosen, replace=False))

    def _export_chosen(self, choice: ExportChoice | None, replace: bool) -> None:
        if choice is not None and self.start_job(f"exporting {choice.format}"):
            self.export_sheet(choice, replace)

    @work(thread=True, exclusive=True, group="handover")
    def export_sheet(self, choice: ExportChoice, replace: bool) -> None:
        """Render and write the sheet; an existing file only once the editor said to replace it."""
        try:
            export = self.workbench.export_to(
                choice.format, choice.path, force=choice.force, replace=replace
            )
        except ExportTargetExists:
            self.post_message(ReplaceAsked(choice))
            return
        except Exception as error:
            self.post_message(JobFailed(f"exporting {choice.format} to {choice.path}", error))
            return
        self.post_message(SheetExported(choice, export))

    def on_replace_asked(self, message: ReplaceAsked) -> None:
        """Ask before replacing the file; nothing has been written yet."""
        self.end_job()

        def answered(replace: bool | None) -> None:
            if replace:
                self._export_chosen(message.choice, replace=True)
            else:
                self.notify(f"nothing exported: {message.choice.path} kept as it was")

        self.app.push_screen(ConfirmReplaceScreen(message.choice.path), answered)

    def on_sheet_exported(self, message: SheetExported) -> None:
        """Which sheet went where, the pictures it could not carry (with what would put them on
        it, in the UI's words), and what it could not show as it is."""
        self.end_job()
        left_out = message.export.left_out
        lines = [f"{message.choice.format} sheet written to {message.choice.path}"]
        lines += [
            f"left out: {Path(item.path).name}: {phrased(item.reason, item.remedy)}"
            for item in left_out
        ]
        lines += list(message.export.notices)  # e.g. characters the PDF's font cannot show
        warn = bool(left_out or message.export.notices)
        self.notify(
            "\n".join(lines), title="exported", severity="warning" if warn else "information"
        )

    # Rescan.

    def action_rescan(self) -> None:
        """Scan the folders of the desk's pictures again, then show what they say now."""
        if self.start_job("rescanning the pictures"):
            self.rescan()

    @work(thread=True, exclusive=True, group="handover")
    def rescan(self) -> None:
        """New, changed and vanished files; the check's verdicts follow."""
        try:
            report = self.workbench.rescan(PostingProgress(self.post_message))
        except Exception as error:
            self.post_message(JobFailed("rescanning the pictures", error))
            return
        self.post_message(Rescanned(report))

    def on_rescanned(self, message: Rescanned) -> None:
        """The summary (and each unreadable file), then the rows and the panel again."""
        self.end_job()
        report = message.report
        problems = [*report.bad_roots, *report.unlisted, *report.problems]
        lines = [report.summary()]
        lines += [f"{problem.path}: {problem.reason}" for problem in problems[:6]]
        severity: SeverityLevel = "warning" if problems else "information"
        self.notify("\n".join(lines), title="rescanned", severity=severity)
        self.refresh_after_files_changed()
