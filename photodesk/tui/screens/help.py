"""The help screen: every key, generated from the binding table so it can never go stale."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from photodesk.tui.bindings import key_help


class HelpScreen(ModalScreen[None]):
    """The keys of the desk, with the keymap's remappings applied; any closing key dismisses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "Close", id="help_close"),
    ]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("photodesk — keys", id="help-title")
            yield Static(self._table(), id="help-keys")
            yield Static(
                "Every action is also in the command palette (ctrl+p). "
                "Codes such as =kju= expand as you type the closing =. "
                'Remap a key in photodesk.toml: [keys] save = "f2".',
                id="help-note",
            )

    def _table(self) -> Table:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("action", style="bold", no_wrap=True)
        table.add_column("what it does")
        table.add_column("where", style="dim", no_wrap=True)
        table.add_column(Text("[keys]"), style="dim", no_wrap=True)  # not markup: the section
        for line in key_help(self._keymap):
            table.add_row(line.keys, line.description, line.details, line.where, line.action)
        table.add_row("ctrl+p", "Palette", "every action by name", "desk", "")
        table.add_row("ctrl+q", "Quit", "asks first when unsaved edits remain", "desk", "")
        return table

    def action_close(self) -> None:
        """Back to the desk."""
        self.dismiss(None)
