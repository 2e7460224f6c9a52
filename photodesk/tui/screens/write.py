"""Before the pictures are written: what changes in each file, and where the result goes.

The dry run is on screen first (per file, per field, old → new; IIM cut warnings; pictures held
back and why; captions whose unsaved edit would not be written), then the choice: copies into a
folder (the safe default, the originals never opened for writing) or the files themselves (a
``.NAME.orig`` backup kept beside each), and whether to write the pictures the check holds
back. Enter in the folder (or on the Write button) goes ahead; escape writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from photodesk.services.workbench_handover import WritePlan
from photodesk.tui.remedies import HELD_BY_CHECK
from photodesk.tui.write_text import preview_text

COPIES, IN_PLACE = 0, 1


@dataclass(frozen=True, slots=True)
class WriteChoice:
    """Where to write (``out`` None: in place) and whether held-back pictures go too."""

    out: Path | None
    force: bool


class WriteScreen(ModalScreen[WriteChoice | None]):
    """The write preview; a WriteChoice to go ahead, None to write nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="write_cancel"),
    ]

    def __init__(self, plan: WritePlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        report = self.plan.report
        count = len(report.pictures)
        with Vertical(id="write-box"):
            yield Static(
                f"Write {count} picture{'' if count == 1 else 's'}: what changes in each file",
                id="write-title",
            )
            with VerticalScroll(id="write-preview"):
                yield Static(preview_text(report, self.plan.drafts), id="write-changes")
            with RadioSet(id="write-where"):
                yield RadioButton("copies into the folder below", value=True, id="write-copies")
                yield RadioButton("in place (each original kept as .NAME.orig)", id="write-here")
            yield Input(str(self.plan.folder), id="write-folder")
            if report.count("held back"):
                yield Checkbox(f"also write the pictures {HELD_BY_CHECK}", id="write-force")
            with Horizontal(id="write-buttons"):
                yield Button("Write [enter]", id="write", variant="primary")
                yield Button("Cancel [esc]", id="cancel")

    def on_mount(self) -> None:
        """The folder first: it is what the editor most often changes."""
        self.query_one("#write-folder", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """The folder matters only for copies; in place, enter on the Write button goes ahead."""
        in_place = event.index == IN_PLACE
        self.query_one("#write-folder", Input).disabled = in_place
        if in_place:
            self.query_one("#write", Button).focus()

    def on_input_submitted(self) -> None:
        """Enter in the folder writes, as the button does."""
        self.action_confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Write, or cancel."""
        if event.button.id == "write":
            self.action_confirm()
        else:
            self.action_cancel()

    def action_confirm(self) -> None:
        """Go ahead with the choice on screen (an empty folder is refused here)."""
        in_place = self.query_one(RadioSet).pressed_index == IN_PLACE
        folder = self.query_one("#write-folder", Input).value.strip()
        if not in_place and not folder:
            self.notify("name a folder for the copies", severity="warning")
            return
        force = any(box.value for box in self.query(Checkbox))
        self.dismiss(WriteChoice(None if in_place else Path(folder).expanduser(), force))

    def action_cancel(self) -> None:
        """Write nothing."""
        self.dismiss(None)
