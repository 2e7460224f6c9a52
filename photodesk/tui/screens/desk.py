"""The desk: the caption table above, the selected caption's detail panel below.

The screen loads the desk in a thread worker, filters it in memory, and follows the cursor: on
each new caption it first keeps the edit it is leaving as a draft, then reads the next caption
(and its preview) in workers. This class is the layout, the loading and following the cursor;
the keys live in the layers below it (``desk_base``, ``desk_moves``, ``desk_actions``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from photodesk.services.workbench import DeskCounts, DeskRow, Workbench
from photodesk.tui.bindings import DESK
from photodesk.tui.edit_state import EditState
from photodesk.tui.filters import DeskFilter
from photodesk.tui.messages import (
    DetailLoaded,
    LiveChecked,
    PreviewLoaded,
    RowsLoaded,
    WorkFailed,
)
from photodesk.tui.screens.desk_actions import DeskActions
from photodesk.tui.widgets.desk_table import DeskTable
from photodesk.tui.widgets.detail import PREVIEW_COLUMNS, PREVIEW_ROWS, DetailPanel


def counts_text(counts: DeskCounts | None) -> Text:
    """The header line: pictures, captions, missing credits, errors, warnings, drafts."""
    if counts is None:
        return Text("photodesk · loading the desk…", style="bold")
    text = Text("photodesk", style="bold")
    parts = (
        (f"{counts.pictures} pictures", ""),
        (f"{counts.captions} captions", ""),
        (f"{counts.missing_credits} missing credit", "bold red" if counts.missing_credits else ""),
        (f"{counts.errors} errors", "bold red" if counts.errors else "green"),
        (f"{counts.warnings} warnings", "yellow" if counts.warnings else "green"),
        (f"{counts.unlinked} unlinked", "yellow" if counts.unlinked else ""),
        (f"{counts.drafts} drafts", "bold cyan" if counts.drafts else "dim"),
    )
    for part, style in parts:
        text.append("  ·  ", style="dim")
        text.append(part, style=style)
    return text


DETAIL_PAUSE = 0.04  # seconds the cursor rests on a caption before it is read


class DeskScreen(DeskActions):
    """Caption table, filter bar, detail panel, footer."""

    BINDINGS: ClassVar[list[BindingType]] = list(DESK)

    def __init__(self, workbench: Workbench) -> None:
        super().__init__()
        self.workbench = workbench
        self.rows: list[DeskRow] = []
        self.counts: DeskCounts | None = None
        self.desk_filter = DeskFilter()
        self.edit = EditState()
        self.detail_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(counts_text(None), id="counts")
        with Horizontal(id="filter-bar"):
            yield Static(self.desk_filter.describe(), id="filter-text")
            yield Input(placeholder="search captions, credits, pictures, articles", id="search")
        yield DeskTable(id="desk-table")
        yield DetailPanel(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        """Read the desk off the UI thread."""
        self.query_one("#search").display = False
        self.table.focus()
        self.load_rows()

    @work(thread=True, exclusive=True, group="rows")
    def load_rows(self) -> None:
        """Every row, the counts and the code table (one read each)."""
        try:
            rows = self.workbench.rows()
            message = RowsLoaded(rows, self.workbench.counts(rows), self.workbench.codes())
        except Exception as error:  # a worker must report, never die silently
            self.post_message(WorkFailed("reading the desk", error))
            return
        self.post_message(message)

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        """Fill the table, keeping the cursor on the caption it was on."""
        first_load = self.counts is None
        self.rows, self.counts = message.rows, message.counts
        self.panel.codes = message.codes
        self.refresh_table()
        if not first_load:
            return
        if message.codes.error:
            self.notify(message.codes.error, title="code replacements off", severity="warning")
        if message.counts.drafts:
            self.notify(f"{message.counts.drafts} unsaved edits from last time are marked ✎")

    def refresh_table(self) -> None:
        """Show the rows that pass the filters; the selected caption stays selected if shown."""
        shown = [row for row in self.rows if self.desk_filter.matches(row)]
        self.table.show_rows(shown, keep=self.edit.caption_id)
        self.refresh_header()
        text = f"{self.desk_filter.describe()}  ({len(shown)} of {len(self.rows)})"
        self.query_one("#filter-text", Static).update(text)
        self.select(self.table.current)

    def refresh_header(self) -> None:
        """Redraw the counts line."""
        self.query_one("#counts", Static).update(counts_text(self.counts))

    def reload_rows(self) -> None:
        """Read every row again (a link or a template changed several)."""
        self.load_rows()

    def load_preview_of(self, caption_id: int) -> None:
        """Start drawing the caption's preview."""
        self.load_preview(caption_id)

    @on(DeskTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self.select(self.table.current)

    def select(self, row: DeskRow | None) -> None:
        """Show ``row``'s caption, after keeping the edit being left as a draft.

        The read starts once the cursor rests for DETAIL_PAUSE: holding an arrow key down
        moves through a 20,000-caption desk without a read per line passed.
        """
        if row is None or row.caption_id == self.wanted:
            return
        self.keep_draft()
        self.wanted = caption_id = row.caption_id
        if self.detail_timer is not None:
            self.detail_timer.stop()
        self.detail_timer = self.set_timer(DETAIL_PAUSE, lambda: self.load_detail(caption_id))

    @property
    def settled(self) -> bool:
        """Whether the desk is read and the panel shows the caption under the cursor (for
        tests and benchmarks: nothing the last key started is still on its way)."""
        return self.counts is not None and self.wanted in (None, self.edit.caption_id)

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, caption_id: int) -> None:
        """The detail panel's facts for one caption."""
        try:
            self.post_message(DetailLoaded(self.workbench.detail(caption_id)))
        except Exception as error:
            self.post_message(WorkFailed(f"reading caption {caption_id}", error, caption_id))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        """Put the caption in the panel (unless the editor has moved on meanwhile)."""
        detail = message.detail
        if detail.caption.id != self.wanted:
            return
        self.keep_draft()  # typing that happened while the next caption was on its way
        self.edit.start(detail)
        self.panel.load(detail)
        self.load_preview_of(detail.caption.id)

    @work(thread=True, exclusive=True, group="preview")
    def load_preview(self, caption_id: int) -> None:
        """The picture's half-block pixels."""
        try:
            preview = self.workbench.preview(caption_id, PREVIEW_COLUMNS, PREVIEW_ROWS)
        except Exception as error:
            self.post_message(WorkFailed("drawing the preview", error))
            return
        self.post_message(PreviewLoaded(caption_id, preview))

    def on_preview_loaded(self, message: PreviewLoaded) -> None:
        """Paint the preview when it is still the caption on screen."""
        if message.caption_id == self.edit.caption_id:
            self.panel.show_preview(message.preview)

    @on(DetailPanel.Edited)
    def _edited(self) -> None:
        generation = self.edit.typed(self.panel.caption_text, self.panel.credit_text)
        self.panel.show_draft_note(self.edit.dirty)
        caption_id = self.edit.caption_id
        if caption_id is not None:
            self.live_check(caption_id, generation, self.edit.caption, self.edit.credit)
        self.restart_draft_timer()

    @work(thread=True, exclusive=True, group="live")
    def live_check(self, caption_id: int, generation: int, caption: str, credit: str) -> None:
        """Parse and check the text as typed."""
        try:
            check = self.workbench.live_check(caption_id, caption, credit or None)
        except Exception as error:
            self.post_message(WorkFailed("checking the caption", error))
            return
        self.post_message(LiveChecked(caption_id, generation, check))

    def on_live_checked(self, message: LiveChecked) -> None:
        """Show the newest check only."""
        if (message.caption_id, message.generation) == (self.edit.caption_id, self.edit.generation):
            self.panel.show_live(message.check)

    def on_work_failed(self, message: WorkFailed) -> None:
        """One line, and the desk stays usable."""
        if message.caption_id is not None and message.caption_id == self.wanted:
            self.wanted = None
        self.notify(f"{message.what}: {message.error}", title="error", severity="error")
