"""Asking before quitting with drafts: they are safe in the desk, but the editor should know."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmQuitScreen(ModalScreen[bool]):
    """``True`` to quit anyway (drafts stay in the desk for next time), ``False`` to stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Quit", id="quit_yes"),
        Binding("n,escape", "answer(False)", "Stay", id="quit_no"),
    ]

    def __init__(self, drafts: int) -> None:
        super().__init__()
        self._drafts = drafts

    def compose(self) -> ComposeResult:
        plural = "caption has" if self._drafts == 1 else "captions have"
        with Vertical(id="confirm-box"):
            yield Static(f"{self._drafts} {plural} unsaved edits (drafts).", id="confirm-title")
            yield Static(
                "They are kept in the desk and come back when you open it again. Quit now?"
            )
            with Horizontal(id="confirm-buttons"):
                yield Button("Quit [y]", id="yes", variant="warning")
                yield Button("Stay [n]", id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons answer as the keys do."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, quit_app: bool) -> None:
        """Close with the answer."""
        self.dismiss(quit_app)
