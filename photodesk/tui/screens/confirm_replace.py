"""Asking before an export replaces a file that is already there.

A typo in the path (or a name picked from the wrong folder) must not cost someone's file; the
service refuses pictures of the desk outright, and this asks about everything else. Keyboard
first: ``r`` replaces, ``c``/``n``/escape keep the file; the focus starts on Cancel, so an
enter out of habit keeps it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmReplaceScreen(ModalScreen[bool]):
    """``True`` to replace ``path``, ``False`` to keep it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer(True)", "Replace", id="replace_yes"),
        Binding("c,n,escape", "answer(False)", "Cancel", id="replace_no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(f"{self._path.name} exists already.", id="confirm-title")
            yield Static(f"Replace {self._path} with the sheet? The file there now is lost.")
            with Horizontal(id="confirm-buttons"):
                yield Button("Replace [r]", id="yes", variant="warning")
                yield Button("Cancel [c]", id="no", variant="primary")

    def on_mount(self) -> None:
        """Cancel has the focus: enter keeps the file."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons answer as the keys do."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, replace: bool) -> None:
        """Close with the answer."""
        self.dismiss(replace)
