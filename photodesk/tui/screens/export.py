"""Exporting the desk as a caption sheet: which format, and which file.

The path starts as ``photodesk-sheet.<ext>`` in the folder the app runs in and follows the
format while the editor has not typed a path of their own (choosing PDF after JSON must not
leave a ``.json`` name on a PDF). Enter exports, escape does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from photodesk.services.workbench_handover import FORMATS, sheet_name

HINTS = {
    "exiftool-csv": "one row per picture, for exiftool -csv=",
    "json": "captions and pictures (photodesk's JSON)",
    "ninjs": "IPTC ninjs 2.1",
    "html": "contact sheet with thumbnails, one file",
    "pdf": "contact sheet with thumbnails",
}


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """(format, path), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export_cancel"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("Export the desk as a caption sheet", id="export-title")
            with RadioSet(id="export-format"):
                for number, fmt in enumerate(FORMATS):
                    yield RadioButton(f"{fmt}  ({HINTS[fmt]})", value=number == 0, id=f"fmt-{fmt}")
            yield Input(str(self._default(FORMATS[0])), id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Export [enter]", id="export", variant="primary")
                yield Button("Cancel [esc]", id="cancel")

    def on_mount(self) -> None:
        """Start on the formats: the path usually stays as it is."""
        self.query_one(RadioSet).focus()

    @property
    def format(self) -> str:
        """The format chosen on screen."""
        return FORMATS[max(self.query_one(RadioSet).pressed_index, 0)]

    def _default(self, fmt: str) -> Path:
        return self._folder / sheet_name(fmt)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """A path still at a format's default follows the new format."""
        field = self.query_one("#export-path", Input)
        defaults = {str(self._default(fmt)) for fmt in FORMATS}
        if field.value.strip() in defaults:
            field.value = str(self._default(FORMATS[event.index]))

    def on_input_submitted(self) -> None:
        """Enter in the path exports."""
        self.action_confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Export, or cancel."""
        if event.button.id == "export":
            self.action_confirm()
        else:
            self.action_cancel()

    def action_confirm(self) -> None:
        """Export to the path on screen (an empty one is refused here)."""
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("name the file to write", severity="warning")
            return
        self.dismiss((self.format, Path(path).expanduser()))

    def action_cancel(self) -> None:
        """Export nothing."""
        self.dismiss(None)
