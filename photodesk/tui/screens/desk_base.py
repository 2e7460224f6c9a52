"""The desk screen's state and its bookkeeping: drafts kept, rows and counts brought up to date.

``DeskScreen`` is built in layers so that no file holds everything: this base (state, drafts,
redrawing a changed caption), ``DeskMoves`` (filters and jumps), ``DeskActions`` (save, undo,
templates, links) and ``DeskScreen`` itself (layout and the workers that read the desk). The
hooks a layer needs from the top one are declared here and raise until ``DeskScreen`` fills
them in.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from textual.screen import Screen
from textual.timer import Timer

from photodesk.services.desk import CaptionNotFound
from photodesk.services.views import CaptionView
from photodesk.services.workbench import CaptionDetail, DeskCounts, DeskRow, Workbench
from photodesk.services.workbench_views import count_rows, short_credit
from photodesk.tui.edit_state import EditState
from photodesk.tui.filters import DeskFilter
from photodesk.tui.screens.confirm_quit import ConfirmQuitScreen
from photodesk.tui.widgets.desk_table import DeskTable
from photodesk.tui.widgets.detail import DetailPanel

DRAFT_PAUSE = 1.5  # seconds without typing after which the edit is kept as a draft


def row_from_view(row: DeskRow, view: CaptionView, has_draft: bool) -> DeskRow:
    """The table line of a caption after a save, an undo or a template."""
    findings = sorted(view.findings, key=lambda f: -f.severity.rank)
    agency = view.parsed_credit.agency if view.parsed_credit else None
    return replace(
        row,
        caption=view.caption,
        credit=view.credit,
        short_credit=short_credit(view.credit, agency),
        status=view.status,
        codes=tuple(f.code for f in findings),
        has_draft=has_draft,
    )


class DeskBase(Screen[None]):
    """State shared by the desk screen's layers, and the draft and row bookkeeping."""

    workbench: Workbench
    edit: EditState
    rows: list[DeskRow]
    counts: DeskCounts | None
    desk_filter: DeskFilter
    wanted: int | None = None
    draft_timer: Timer | None = None

    @property
    def table(self) -> DeskTable:
        """The caption table."""
        return self.query_one(DeskTable)

    @property
    def panel(self) -> DetailPanel:
        """The detail panel."""
        return self.query_one(DetailPanel)

    def refresh_table(self) -> None:
        """Re-filter and redraw the table (DeskScreen)."""
        raise NotImplementedError

    def select_current(self) -> None:
        """Show the caption under the table's cursor (DeskScreen)."""
        raise NotImplementedError

    def load_preview_of(self, caption_id: int) -> None:
        """Start drawing the caption's preview (DeskScreen)."""
        raise NotImplementedError

    def reload_rows(self) -> None:
        """Read every row again, e.g. after a link changed pictures (DeskScreen)."""
        raise NotImplementedError

    def refresh_header(self) -> None:
        """Redraw the counts line (DeskScreen)."""
        raise NotImplementedError

    # Drafts.

    def keep_draft(self) -> None:
        """Keep the edit on screen as a draft (and mark its row); nothing to do when clean."""
        caption_id = self.edit.caption_id
        had = self.edit.has_draft
        try:
            if caption_id is None or had == self.edit.keep(self.workbench):
                return
        except CaptionNotFound:
            self.caption_removed()
            return
        self._mark_draft(caption_id, self.edit.has_draft)

    def caption_removed(self) -> None:
        """The caption on screen was deleted behind the editor's back (a re-ingest of an article
        that dropped it before a draft was kept, or another editor): its line goes, and the
        text typed into it goes to the clipboard and into a notice that stays, never nowhere."""
        caption_id = self.edit.caption_id
        typed = self.edit.changes() if self.edit.dirty else None
        self.edit.detail = None  # nothing left to save into
        self.rows = [row for row in self.rows if row.caption_id != caption_id]
        if caption_id is not None:
            self.table.remove_row(caption_id)
        if self.wanted == caption_id:
            self.wanted = None
        self._recount()
        self.call_later(self.select_current)
        if typed is None:
            self.notify(f"caption {caption_id} is no longer on the desk", severity="warning")
            return
        text = "\n".join(value for value in (typed["caption"], typed["credit"]) if value)
        self.app.copy_to_clipboard(text)
        self.notify(
            f"caption {caption_id} was removed from the desk while you edited it; your text is "
            f"on the clipboard:\n{text}",
            title="caption removed",
            severity="error",
            timeout=120,
        )

    def restart_draft_timer(self) -> None:
        """Keep the draft once the editor pauses typing (a crash then loses a pause at most)."""
        if self.draft_timer is not None:
            self.draft_timer.stop()
        self.draft_timer = self.set_timer(DRAFT_PAUSE, self.keep_draft)

    def on_unmount(self) -> None:
        """The app is closing: whatever is typed is kept (the widgets are gone already)."""
        with suppress(CaptionNotFound):  # deleted in its last second: nothing to keep it in
            self.edit.keep(self.workbench)

    def quit_safely(self) -> None:
        """Quit, asking first when drafts remain (they are kept in the desk either way)."""
        self.keep_draft()
        drafts = len(self.workbench.drafts())
        if not drafts:
            self.app.exit()
            return
        self.app.push_screen(
            ConfirmQuitScreen(drafts), lambda yes: self.app.exit() if yes else None
        )

    def show_saved(self, caption_id: int) -> None:
        """Read the caption again and show it as the desk has it now (draft restored if any)."""
        detail = self.workbench.detail(caption_id)
        self.edit.start(detail)
        self.panel.load(detail)
        self.load_preview_of(caption_id)
        self._update_row(detail)

    def _update_row(self, detail: CaptionDetail) -> None:
        view = detail.caption
        for index, row in enumerate(self.rows):
            if row.caption_id == view.id:
                self.rows[index] = row_from_view(row, view, detail.draft is not None)
                self.table.replace_row(self.rows[index])
        self._recount()

    def _mark_draft(self, caption_id: int, has_draft: bool) -> None:
        for index, row in enumerate(self.rows):
            if row.caption_id == caption_id:
                self.rows[index] = replace(row, has_draft=has_draft)
                self.table.replace_row(self.rows[index])
        self._recount()

    def _recount(self) -> None:
        if self.counts is not None:
            self.counts = count_rows(self.rows, self.counts.pictures)
        self.refresh_header()
