"""Moving about the desk: the filters, the search field and jumping between problems.

Everything here is in memory over the rows already read: a filter on 20,000 captions redraws
the table without asking the desk anything.
"""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from photodesk.tui.filters import next_problem
from photodesk.tui.screens.desk_base import DeskBase


class DeskMoves(DeskBase):
    """Filter keys, search, next/previous problem, selection marks, into the editor."""

    def action_toggle_problems(self) -> None:
        """Only captions with warnings or errors (or all again)."""
        self.desk_filter = self.desk_filter.toggle("problems")
        self.refresh_table()

    def action_toggle_unlinked(self) -> None:
        """Only captions without a picture (or all again)."""
        self.desk_filter = self.desk_filter.toggle("unlinked")
        self.refresh_table()

    def action_toggle_article(self) -> None:
        """Only the selected caption's article (or every article again)."""
        row = self.table.current
        article = None if self.desk_filter.article or row is None else row.article
        self.desk_filter = self.desk_filter.with_article(article)
        self.refresh_table()

    def action_search(self) -> None:
        """Show the search field; the table follows as you type."""
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.desk_filter = self.desk_filter.with_search(event.value)
        self.refresh_table()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.table.focus()

    def action_focus_table(self) -> None:
        """Back to the table; from the search field, an empty search also hides it."""
        search = self.query_one("#search", Input)
        if search.has_focus and not search.value:
            search.display = False
        self.table.focus()

    def action_next_problem(self) -> None:
        """The next caption with a warning or an error, wrapping at the end."""
        self._jump(+1)

    def action_previous_problem(self) -> None:
        """The previous caption with a warning or an error, wrapping at the start."""
        self._jump(-1)

    def _jump(self, step: int) -> None:
        index = next_problem(self.table.statuses(), self.table.cursor_row, step)
        if index is None:
            self.notify("no problems in view")
        else:
            self.table.move_cursor(index)

    def action_toggle_mark(self) -> None:
        """Select the caption for a template (or unselect it)."""
        self.table.toggle_mark()

    def action_edit(self) -> None:
        """Into the caption editor."""
        self.panel.query_one("#caption-editor").focus()
