"""The caption table: one line per caption, status first, so problems catch the eye.

It draws only the lines on screen (Textual's line API), because a desk holds 20,000 captions:
Textual's DataTable measures every cell of every row when rows are added, which costs seconds
on such a desk and again on every filter change. Here showing 20,000 rows is a list
assignment, and a frame renders the 30-odd visible lines. The table holds the rows shown (after
the filters) and the captions marked for a template; the screen owns everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from photodesk.services.workbench import DeskRow
from photodesk.tui.bindings import TABLE

STATUS = {
    "ok": ("✔", "green"),
    "warning": ("⚠", "yellow"),
    "error": ("✖", "bold red"),
    "unchecked": ("·", "dim"),
}
# key, header, width: fixed, so a line never needs measuring.
COLUMNS = (
    ("mark", "", 1),
    ("status", "", 1),
    ("caption", "caption", 40),
    ("credit", "credit", 16),
    ("picture", "picture", 24),
    ("article", "article", 26),
)
GAP = "  "
STRIPS_KEPT = 512  # painted lines kept for scrolling back and forth (a page is 30-odd)


def status_cell(status: str) -> Text:
    """The status as a coloured symbol (``?`` in magenta for a status this UI does not know)."""
    symbol, style = STATUS.get(status, ("?", "magenta"))
    return Text(symbol, style=style)


def _cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def row_cells(row: DeskRow, marked: bool) -> tuple[Text, ...]:
    """The cells of one caption: mark, status, caption (✎ when a draft waits), credit, picture,
    article."""
    caption = Text(_cut(row.caption, COLUMNS[2][2] - (2 if row.has_draft else 0)))
    if row.has_draft:
        caption = Text.assemble(("✎ ", "bold cyan"), caption)
    credit = Text(row.short_credit) if row.short_credit else Text("(none)", style="red")
    picture = Text(_cut(row.picture, COLUMNS[4][2])) if row.picture else Text("(not linked)", "dim")
    return (
        Text("●", style="bold cyan") if marked else Text(" "),
        status_cell(row.status),
        caption,
        credit,
        picture,
        Text(_cut(row.article, COLUMNS[5][2])),
    )


def line_text(cells: Sequence[Text]) -> Text:
    """Cells padded to their column widths, joined by the gap, on one line."""
    line = Text(no_wrap=True, overflow="crop")
    for index, (cell, (_, _, width)) in enumerate(zip(cells, COLUMNS, strict=True)):
        if index > 1:
            line.append(GAP)
        elif index == 1:
            line.append(" ")
        padded = cell.copy()
        padded.truncate(width, overflow="ellipsis", pad=True)
        line.append_text(padded)
    return line


class DeskTable(ScrollView, can_focus=True):
    """The filtered captions under a cursor; ``marked`` are the captions a template will change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,ctrl+home", "jump(0)", show=False),
        Binding("end,ctrl+end", "jump(-1)", show=False),
        *TABLE,
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"desk-table--header", "desk-table--cursor"}
    DEFAULT_CSS = """
    DeskTable {
        background: $surface;
        & > .desk-table--header { background: $panel; text-style: bold; }
        & > .desk-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .desk-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)

    class RowHighlighted(Message):
        """The cursor is on another caption (or the rows under it changed)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: list[DeskRow] = []
        self.marked: set[int] = set()
        self._positions: dict[int, int] = {}
        self._strips: dict[tuple[DeskRow, bool, Style, int], Strip] = {}

    @property
    def row_count(self) -> int:
        """How many captions are shown."""
        return len(self.shown)

    @property
    def current(self) -> DeskRow | None:
        """The row under the cursor."""
        return self.shown[self.cursor_row] if 0 <= self.cursor_row < len(self.shown) else None

    def show_rows(self, rows: Sequence[DeskRow], keep: int | None = None) -> None:
        """Replace the rows; the cursor stays on caption ``keep`` when it is still shown."""
        self.shown = list(rows)
        self._positions = {row.caption_id: index for index, row in enumerate(self.shown)}
        self.virtual_size = Size(self._line_width(), len(self.shown) + 1)
        index = self.index_of(keep) if keep is not None else None
        self.move_cursor(index or 0)
        self.refresh()

    def remove_row(self, caption_id: int) -> None:
        """Take a caption that left the desk out of the table; the cursor stays on the caption
        it was on, or, when that one left, on the line that takes its place."""
        index = self.index_of(caption_id)
        if index is None:
            return
        current = self.current
        rows = self.shown[:index] + self.shown[index + 1 :]
        keep = (
            current.caption_id if current is not None and current.caption_id != caption_id else None
        )
        self.show_rows(rows, keep)
        if keep is None and rows:
            self.move_cursor(min(index, len(rows) - 1))

    def index_of(self, caption_id: int) -> int | None:
        """Where caption ``caption_id`` is in the table, None when it is filtered out."""
        return self._positions.get(caption_id)

    def replace_row(self, row: DeskRow) -> None:
        """Redraw one caption after a save, an undo or a draft (no-op when it is not shown)."""
        index = self.index_of(row.caption_id)
        if index is not None:
            self.shown[index] = row
            self.refresh()

    def move_cursor(self, row: int) -> None:
        """Put the cursor on line ``row`` (clamped) and scroll it into view."""
        self.cursor_row = max(0, min(row, len(self.shown) - 1))
        visible = max(1, self.size.height - 1)
        top = round(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def watch_cursor_row(self, old: int, new: int) -> None:
        """Repaint the two lines the cursor left and reached (a scroll repaints the rest), and
        tell the screen which caption is under the cursor now."""
        self.refresh_line(old + 1)
        self.refresh_line(new + 1)
        self.post_message(self.RowHighlighted())

    def toggle_mark(self) -> None:
        """Mark or unmark the caption under the cursor, then move down (as file managers do)."""
        row = self.current
        if row is None:
            return
        self.marked.symmetric_difference_update({row.caption_id})
        self.move_cursor(self.cursor_row + 1)
        self.refresh()

    def marked_ids(self) -> list[int]:
        """The marked captions by id (hidden ones too: a filter does not unmark)."""
        return sorted(self.marked)

    def statuses(self) -> list[str]:
        """The shown rows' statuses, for next/previous problem."""
        return [row.status for row in self.shown]

    def action_cursor(self, step: int) -> None:
        """One line up or down."""
        self.move_cursor(self.cursor_row + step)

    def action_page(self, pages: int) -> None:
        """One screenful up or down."""
        self.move_cursor(self.cursor_row + pages * max(1, self.size.height - 2))

    def action_jump(self, row: int) -> None:
        """To the first line, or (-1) the last."""
        self.move_cursor(row if row >= 0 else len(self.shown) - 1)

    def on_click(self, event: events.Click) -> None:
        """A click selects the caption under the mouse."""
        if event.y >= 1:
            self.move_cursor(round(self.scroll_offset.y) + event.y - 1)

    def render_line(self, y: int) -> Strip:
        """The header on the first line, else the caption ``y - 1`` lines below the scroll."""
        width = self.size.width
        base = self.rich_style
        if y == 0:
            header = line_text([Text(label) for _, label, _ in COLUMNS])
            style = self.get_component_rich_style("desk-table--header")
            return self._strip(header, base + style, width)
        index = round(self.scroll_offset.y) + y - 1
        if not 0 <= index < len(self.shown):
            return Strip.blank(width, base)
        row = self.shown[index]
        style = base
        if index == self.cursor_row:
            style += self.get_component_rich_style("desk-table--cursor")
        key = (row, row.caption_id in self.marked, style, width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) >= STRIPS_KEPT:  # a scroll redraws every line: keep a few pages
                self._strips.clear()
            strip = self._strips[key] = self._strip(line_text(row_cells(row, key[1])), style, width)
        return strip

    def _strip(self, text: Text, style: Style, width: int) -> Strip:
        """The line under ``style``: the cells' own colours (status, ✎) stay on top of it."""
        segments = Segment.apply_style(text.render(self.app.console), style=style)
        return Strip(list(segments)).crop_extend(0, width, style)

    @staticmethod
    def _line_width() -> int:
        return sum(width for _, _, width in COLUMNS) + 1 + len(GAP) * (len(COLUMNS) - 2)
