"""A template over the selected captions: ``{caption} (File photo)`` or ``{credit}/File``.

The field is chosen with a key so the common case is three keystrokes and a template; the
placeholders are spelled out on the screen because nobody remembers them on deadline. Codes
(``=khb=``) expand here as in the editors, as typed and when pasted, so a template says what
the editor meant before it is applied to every selected caption.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from photodesk.core.codes import CodeTable
from photodesk.tui.widgets.caption_editor import CodeInput, expand_in_input

FIELDS = ("credit", "caption")


class TemplateScreen(ModalScreen[tuple[str, str] | None]):
    """(field, template), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="template_cancel"),
    ]

    def __init__(self, count: int, codes: CodeTable | None = None) -> None:
        super().__init__()
        self._count = count
        self._codes = codes or CodeTable()

    def compose(self) -> ComposeResult:
        plural = "" if self._count == 1 else "s"
        with Vertical(id="template-box"):
            yield Static(f"Apply a template to {self._count} caption{plural}", id="template-title")
            with RadioSet(id="template-field"):
                for number, name in enumerate(FIELDS):
                    yield RadioButton(name, value=number == 0)
            field = CodeInput(
                placeholder="{credit}/File  or  {caption} (File photo)", id="template-input"
            )
            field.codes = self._codes
            yield field
            yield Static(
                "{caption} and {credit} stand for each caption's current text; enter "
                "applies, escape cancels.",
                id="template-help",
            )

    def on_mount(self) -> None:
        """Straight to the template."""
        self.query_one("#template-input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Expand the code the editor just closed with ``=``."""
        expand_in_input(event.input, self._codes)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Apply to the chosen field."""
        if not event.value.strip():
            return
        index = self.query_one(RadioSet).pressed_index
        self.dismiss((FIELDS[max(index, 0)], event.value))

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
