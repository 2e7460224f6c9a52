"""A save that lost the race: who changed the caption, when, what it says now, and what to do.

In team mode two editors can open the same caption. The second save is refused by the desk
(optimistic locking); this screen puts both versions side by side so the editor decides
knowingly: take the other edit (reload, their own text is dropped), or save theirs over it
(overwrite, against the version they have now seen). Escape keeps editing, draft intact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from photodesk.services.editing import EditConflict

Choice = Literal["reload", "overwrite", "keep"]


def conflict_table(conflict: EditConflict, mine: Mapping[str, str | None]) -> Table:
    """field | now in the desk | your edit, differing fields in yellow."""
    table = Table(expand=True, show_header=True, header_style="bold")
    table.add_column("field", style="dim", width=8)
    table.add_column("now in the desk")
    table.add_column("your edit")
    for field, yours in mine.items():
        theirs = conflict.current_values.get(field)
        style = "yellow" if (theirs or "") != (yours or "").strip() else ""
        table.add_row(field, Text(theirs or "—", style=style), Text(yours or "—", style=style))
    return table


def who_text(conflict: EditConflict) -> str:
    """``changed by bob at 2025-01-06 09:00:00Z (now version 3)``."""
    when = f"{conflict.changed_at:%Y-%m-%d %H:%M:%S}Z" if conflict.changed_at else "an unknown time"
    who = conflict.changed_by or "someone"
    return (
        f"Caption {conflict.caption_id} was changed by {who} at {when} (now version "
        f"{conflict.version}) since you opened it. Nothing was saved."
    )


class ConflictScreen(ModalScreen[Choice]):
    """Reload theirs, overwrite with mine, or keep editing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", "Reload theirs", id="conflict_reload"),
        Binding("o", "choose('overwrite')", "Overwrite with mine", id="conflict_overwrite"),
        Binding("escape", "choose('keep')", "Keep editing", id="conflict_keep"),
    ]

    def __init__(self, conflict: EditConflict, mine: Mapping[str, str | None]) -> None:
        super().__init__()
        self.conflict = conflict
        self._mine = dict(mine)

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict-box"):
            yield Static("Someone else saved this caption", id="conflict-title")
            yield Static(who_text(self.conflict), id="conflict-who")
            yield Static(conflict_table(self.conflict, self._mine), id="conflict-values")
            with Horizontal(id="conflict-buttons"):
                yield Button("Reload theirs [r]", id="reload", variant="primary")
                yield Button("Overwrite with mine [o]", id="overwrite", variant="error")
                yield Button("Keep editing [esc]", id="keep")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons answer as the keys do."""
        self.action_choose(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        """Close with the editor's decision."""
        chosen: Choice = "keep"
        if choice in ("reload", "overwrite"):
            chosen = "reload" if choice == "reload" else "overwrite"
        self.dismiss(chosen)
