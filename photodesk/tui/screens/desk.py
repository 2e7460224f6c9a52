"""The desk: the caption table above, the selected caption's detail panel below.

The screen loads the desk in a thread worker, filters it in memory, and follows the cursor: on
each new caption it first keeps the edit it is leaving as a draft, then reads the next caption
(and its preview) in workers. This class is the layout, the loading and following the cursor;
the keys live in the layers below it (``desk_base``, ``desk_moves``, ``desk_actions``,
``desk_handover``).
"""

from __future__ import annotations

import gc
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import Worker

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
from photodesk.tui.screens.desk_handover import DeskHandover
from photodesk.tui.widgets.desk_table import DeskTable
from photodesk.tui.widgets.detail import PREVIEW_COLUMNS, PREVIEW_ROWS, DetailPanel
from photodesk.tui.widgets.preview import preview_strips
from photodesk.tui.widgets.work_bar import WorkBar


def counts_text(counts: DeskCounts | None, width: int = 0) -> Text:
    """The header line: pictures, captions, missing credits, errors, warnings, drafts.

    On a terminal too narrow for all of them (``width`` cells; 0: no limit) the line breaks
    between two counts rather than cutting one off or splitting "1 missing credit" in two.
    """
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
    line = len(text)
    for part, style in parts:
        if width and line + len(SEPARATOR) + len(part) > width:
            text.append("\n")
            line = 0
        else:
            text.append(SEPARATOR, style="dim")
            line += len(SEPARATOR)
        text.append(part, style=style)
        line += len(part)
    return text


SEPARATOR = "  ·  "
HELD_PAUSE = 0.05  # seconds the cursor rests before a read, when keys outrun the reads


class DeskScreen(DeskHandover):
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
        self.reading: int | None = None  # the caption a detail worker is reading
        self.last_read: int | None = None  # the caption read last (or being read)
        self.preview_shown: int | None = None  # the caption whose preview is painted (or failed)

    def compose(self) -> ComposeResult:
        yield Static(counts_text(None), id="counts")
        with Horizontal(id="filter-bar"):
            yield Static(self.desk_filter.describe(), id="filter-text")
            yield Input(placeholder="search captions, credits, pictures, articles", id="search")
        yield DeskTable(id="desk-table")
        yield DetailPanel(id="detail")
        yield WorkBar(id="work-bar")
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
        self.call_after_refresh(self._freeze_heap)
        if not first_load:
            return
        if message.codes.error:
            self.notify(message.codes.error, title="code replacements off", severity="warning")
        if message.counts.drafts:
            self.notify(f"{message.counts.drafts} unsaved edits from last time are marked ✎")

    def _freeze_heap(self) -> None:
        """Take the desk just read (and everything else alive now) out of the collector's sight.

        A desk of 20,000 rows is a few hundred thousand long-lived objects, and every full
        collection of Python's cyclic collector walks them all: 100-170 ms of a frozen UI every
        few dozen cursor steps. Frozen objects are still freed when nothing refers to them
        (rows are not cyclic); they are only never walked. Once per load, after the table is
        on screen.
        """
        gc.collect()
        gc.freeze()

    @on(events.Unmount)
    def _thaw_heap(self) -> None:
        """The desk is closing: what was frozen may be collected again."""
        gc.unfreeze()

    def refresh_table(self) -> None:
        """Show the rows that pass the filters; the selected caption stays selected if shown."""
        shown = [row for row in self.rows if self.desk_filter.matches(row)]
        self.table.show_rows(shown, keep=self.edit.caption_id)
        self.refresh_header()
        text = f"{self.desk_filter.describe()}  ({len(shown)} of {len(self.rows)})"
        self.query_one("#filter-text", Static).update(text)
        self.select(self.table.current)

    def refresh_header(self) -> None:
        """Redraw the counts line (on as many lines as the width needs)."""
        counts = self.query_one("#counts", Static)
        counts.update(counts_text(self.counts, counts.content_size.width))

    def on_resize(self) -> None:
        """Another width may need the counts on more lines, or fewer."""
        self.call_after_refresh(self.refresh_header)

    def reload_rows(self) -> None:
        """Read every row again (a link or a template changed several)."""
        self.load_rows()

    def load_preview_of(self, caption_id: int) -> None:
        """Start drawing the caption's preview."""
        self.load_preview(caption_id)

    @on(DeskTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self.select_current()

    def select_current(self) -> None:
        """Show the caption under the table's cursor."""
        self.select(self.table.current)

    def select(self, row: DeskRow | None) -> None:
        """Show ``row``'s caption, after keeping the edit being left as a draft.

        A step from a caption the panel shows is read as soon as the moved cursor is painted
        (the editor sees the cursor move first). Keys that outrun the reads are a key held
        down: then the read waits until the cursor rests for HELD_PAUSE, so that moving through
        a 20,000-caption desk costs a cursor repaint per line, not a read and a panel repaint.
        One read at most is on its way; the caption under the cursor when it ends is read next.
        """
        if row is None or row.caption_id == self.wanted:
            return
        self.keep_draft()
        caught_up = self.wanted is None or self.wanted == self.edit.caption_id
        self.wanted = row.caption_id
        if caught_up and self.detail_timer is None:
            self.call_after_refresh(self.read_wanted)
            return
        if self.detail_timer is not None:
            self.detail_timer.stop()
        self.detail_timer = self.set_timer(HELD_PAUSE, self._cursor_rested)

    def _cursor_rested(self) -> None:
        self.detail_timer = None
        self.read_wanted()

    def read_wanted(self) -> None:
        """Read the caption under the cursor, unless a read is on its way (its end calls this
        again), the cursor is still moving, or that caption is the one read last."""
        wanted = self.wanted
        if self.reading is not None or self.detail_timer is not None:
            return
        if wanted is None or wanted == self.last_read:
            return
        self.reading = self.last_read = wanted
        self.load_detail(wanted)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A detail read ended (its messages are handled before this): read what is wanted now.

        The worker skips the preview when the cursor has left the caption; should the cursor be
        back on it by now (the panel shows it, and it is not read again), draw it here.
        """
        if event.worker.group != "detail" or not event.worker.is_finished:
            return
        self.reading = None
        shown = self.edit.caption_id
        if shown is not None and shown == self.wanted and shown != self.preview_shown:
            self.load_preview_of(shown)
        self.read_wanted()

    @property
    def settled(self) -> bool:
        """Whether the desk is read and the panel shows the caption under the cursor (for
        tests and benchmarks: nothing the last key started is still on its way)."""
        if self.counts is None:
            return False
        return self.wanted is None or self.wanted == self.edit.caption_id == self.preview_shown

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, caption_id: int) -> None:
        """The detail panel's facts for one caption, then its preview (the panel shows the
        facts first; the preview follows unless the editor has moved on meanwhile)."""
        try:
            detail = self.workbench.detail(caption_id)
        except Exception as error:
            self.post_message(WorkFailed(f"reading caption {caption_id}", error, caption_id))
            return
        self.post_message(DetailLoaded(detail))
        if self.wanted == caption_id:
            self.draw_preview(caption_id)

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        """Put the caption in the panel (unless the editor has moved on meanwhile)."""
        detail = message.detail
        if detail.caption.id != self.wanted:
            return
        self.keep_draft()  # typing that happened while the next caption was on its way
        self.edit.start(detail)
        self.panel.load(detail)
        if detail.draft is not None:  # the findings shown are the saved text's, not the draft's
            edit = self.edit
            self.live_check(detail.caption.id, edit.generation, edit.caption, edit.credit)

    @work(thread=True, exclusive=True, group="preview")
    def load_preview(self, caption_id: int) -> None:
        """The picture's half-block pixels (after a save: the detail worker draws the rest)."""
        self.draw_preview(caption_id)

    def draw_preview(self, caption_id: int) -> None:
        """In a worker: the picture's pixels, and the half-block lines that paint them."""
        try:
            preview = self.workbench.preview(caption_id, PREVIEW_COLUMNS, PREVIEW_ROWS)
            if preview is not None:
                preview_strips(preview)  # made here, off the UI thread; the widget reuses them
        except Exception as error:
            self.post_message(WorkFailed("drawing the preview", error))
            preview = None
        self.post_message(PreviewLoaded(caption_id, preview))

    def on_preview_loaded(self, message: PreviewLoaded) -> None:
        """Paint the preview when it is still the caption on screen."""
        if message.caption_id == self.edit.caption_id:
            self.panel.show_preview(message.preview)
            self.preview_shown = message.caption_id

    @on(DetailPanel.Edited)
    def _edited(self) -> None:
        typed = (self.panel.caption_text, self.panel.credit_text)
        if typed == (self.edit.caption, self.edit.credit):
            return  # the editors echoing the text the panel just loaded: nothing typed
        generation = self.edit.typed(*typed)
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
            self.wanted = self.last_read = None  # the cursor coming back reads it again
        self.notify(f"{message.what}: {message.error}", title="error", severity="error")
