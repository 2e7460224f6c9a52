"""Exporting the desk as a caption sheet: which format, which file, and whether the pictures the
check holds back go on the ExifTool sheet anyway.

The path starts as ``photodesk-sheet.<ext>`` in the folder the app runs in. The format and the
file name follow each other: a typed name ending in a sheet extension selects its format (``s.json``
is a JSON sheet, never CSV in a ``.json`` file), and choosing another format swaps the
extension of the name on screen (PDF after JSON must not leave a ``.json`` name on a PDF). A
name without a sheet extension is the editor's own and stays as typed. Captions with an unsaved
edit are named on top, in the write preview's words: the sheet gets the saved text. Enter
exports, escape does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from photodesk.services.workbench_handover import FORMATS, format_named, renamed_for, sheet_name
from photodesk.tui.remedies import HELD_BY_CHECK
from photodesk.tui.write_text import unsaved_warning

HINTS = {
    "exiftool-csv": "one row per picture, for exiftool -csv=",
    "json": "captions and pictures (photodesk's JSON)",
    "ninjs": "IPTC ninjs 2.1",
    "html": "contact sheet with thumbnails, one file",
    "pdf": "contact sheet with thumbnails",
}
HOLDS_BACK = "exiftool-csv"  # the one sheet that goes into files, so the check's gate applies


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """The format, the file, and whether pictures held back by the check go on the sheet."""

    format: str
    path: Path
    force: bool = False


class ExportScreen(ModalScreen[ExportChoice | None]):
    """An ExportChoice, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export_cancel"),
    ]

    def __init__(self, folder: Path, drafts: Sequence[int] = ()) -> None:
        super().__init__()
        self._folder = folder
        self._drafts = tuple(drafts)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("Export the desk as a caption sheet", id="export-title")
            if (warning := unsaved_warning(self._drafts, "the sheet")) is not None:
                yield Static(warning, id="export-drafts")
            with RadioSet(id="export-format"):
                for number, fmt in enumerate(FORMATS):
                    yield RadioButton(f"{fmt}  ({HINTS[fmt]})", value=number == 0, id=f"fmt-{fmt}")
            yield Input(str(self._folder / sheet_name(FORMATS[0])), id="export-path")
            yield Checkbox(
                f"also put the pictures {HELD_BY_CHECK} on the sheet ({HOLDS_BACK} only)",
                id="export-force",
            )
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

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """The file name follows the new format; forcing only means something for CSV."""
        fmt = FORMATS[event.index]
        field = self.query_one("#export-path", Input)
        path = Path(field.value.strip())
        if path.name:
            renamed = path.with_name(renamed_for(path.name, fmt))
            if renamed != path:
                field.value = str(renamed)
        self.query_one("#export-force", Checkbox).disabled = fmt != HOLDS_BACK

    def on_input_changed(self, event: Input.Changed) -> None:
        """A name ending in a sheet extension selects that format."""
        fmt = format_named(Path(event.value.strip()).name, self.format)
        if fmt is not None and fmt != self.format:
            self.query_one(f"#fmt-{fmt}", RadioButton).value = True

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
        """Export to the path on screen (an empty one is refused here), in the format its name
        asks for (the radio set may not have caught up with the last key yet)."""
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("name the file to write", severity="warning")
            return
        fmt = format_named(Path(path).name, self.format) or self.format
        force = fmt == HOLDS_BACK and self.query_one("#export-force", Checkbox).value
        self.dismiss(ExportChoice(fmt, Path(path).expanduser(), force))

    def action_cancel(self) -> None:
        """Export nothing."""
        self.dismiss(None)
