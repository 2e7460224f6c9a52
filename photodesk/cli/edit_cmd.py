"""``photodesk edit``: the terminal UI on the desk.

A full-screen app on a pipe would only fill a log with escape codes and wait for keys that never
come, so without a terminal the command refuses with the one-line error and status 2 of every
other usage error (``photodesk check`` is the scriptable view of the desk).
"""

from __future__ import annotations

import sys

import click

from photodesk.cli.desk_options import DeskOptions, desk_errors, pass_desk_options
from photodesk.cli.errors import fail
from photodesk.core.keymap import KeymapError, check_keymap
from photodesk.services.desk import Desk
from photodesk.services.editing import default_editor


@click.command(name="edit")
@pass_desk_options
def edit(options: DeskOptions) -> None:
    """Open the desk in the terminal UI (needs a terminal; `check` is the scriptable view)."""
    if not sys.stdout.isatty():
        fail("edit", "standard output is not a terminal (use `photodesk check` in scripts)")
    run_app(options.open(), options.editor)


def run_app(desk: Desk, editor: str | None) -> None:
    """Run the app on ``desk`` until the editor quits; ``editor`` names them in the history.

    The UI is imported here, not at the top, so that every other command starts without
    loading Textual.
    """
    from photodesk.services.workbench import Workbench
    from photodesk.tui.app import PhotodeskApp
    from photodesk.tui.keynames import key_rules

    with desk_errors():
        keymap = desk.house.keys
        try:
            check_keymap(keymap, key_rules())
        except KeymapError as error:  # a remap that cannot work must not start a session
            fail(str(desk.config_path), str(error))
        PhotodeskApp(Workbench(desk, editor=editor or default_editor()), keymap).run()
