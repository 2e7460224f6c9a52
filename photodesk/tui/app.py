"""The photodesk terminal app: one desk screen over a Workbench, and the command palette.

The app owns nothing but wiring: the workbench it was given (every read and write goes through
it; the UI never opens a file or a database session), the keymap, and the palette entries that
mirror the key table. The desk screen does the work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from photodesk.services.workbench import Workbench
from photodesk.tui.bindings import effective_key, palette_bindings
from photodesk.tui.screens.confirm_quit import ConfirmQuitScreen
from photodesk.tui.screens.desk import DeskScreen


class PhotodeskApp(App[None]):
    """Caption the desk. ``keymap`` remaps keys by binding id (``{"save": "ctrl+w"}``)."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "photodesk"
    # app.tcss lays the desk out for 120x40; below these sizes its -narrow / -short rules give
    # the editors the width and the height (an 80x24 terminal must still edit).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (not a ClassVar in App)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]  # noqa: RUF012

    def __init__(self, workbench: Workbench, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.workbench = workbench
        self.keymap = dict(keymap or {})

    def on_mount(self) -> None:
        """Apply the keymap, then open the desk."""
        if self.keymap:
            self.set_keymap(self.keymap)
        self.push_screen(DeskScreen(self.workbench))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, then every desk action with the key that does it."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, DeskScreen):
            for binding in palette_bindings():
                action = binding.action.removeprefix("screen.")
                key = effective_key(binding, self.keymap)
                yield SystemCommand(
                    binding.description, f"key: {key}", partial(self.run_action, action, screen)
                )

    async def action_quit(self) -> None:
        """Quit from whatever screen is on top: the desk keeps the drafts first and asks when
        there are any. The desk is looked for under the dialogs (help, write, export, link,
        conflict), because ctrl+q on any of them must not be a way around the question; while
        the question is on screen, ctrl+q again leaves it there."""
        if isinstance(self.screen, ConfirmQuitScreen):
            return
        desks = [screen for screen in self.screen_stack if isinstance(screen, DeskScreen)]
        if desks:
            desks[0].quit_safely()
        else:
            self.exit()
