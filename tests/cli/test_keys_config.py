"""A ``[keys]`` table that cannot work stops ``photodesk edit`` before the UI starts, in one line
naming photodesk.toml, the action and the problem (exit 2), read through the real config
loader; the tables that work pass the same check."""

from __future__ import annotations

from pathlib import Path

import pytest

from photodesk.cli.edit_cmd import run_app
from photodesk.core.keymap import check_keymap
from photodesk.tui.keynames import key_rules
from tests.desk_fixtures import new_desk

REFUSED = {
    "a typing key for an action that fires in the editors": (
        'save = "s"',
        "[keys] save: s types or edits text, and save fires inside the editors",
    ),
    "a misspelt modifier": (
        'save = "ctlr+s"',
        "[keys] save: 'ctlr+s' is not a key ('ctlr' is no modifier;",
    ),
    "an unknown key name": ('link = "f2, ctrl+enterr"', "[keys] link: 'ctrl+enterr' is not a key"),
    "the command palette's key": (
        'problems = "ctrl+p"',
        "[keys] problems: ctrl+p is the app's own key (the command palette)",
    ),
    "the quit key": ('export = "ctrl+q"', "[keys] export: ctrl+q is the app's own key (quit)"),
    "another action's key": (
        'template = "ctrl+s"',
        "[keys] template: ctrl+s is already the key of save",
    ),
    "two remapped actions on one key": (
        'save = "f2"\nundo = "f3, f2"',
        "[keys] undo: f2 is already the key of save",
    ),
    "an unknown action": ('svae = "f2"', "[keys] svae: no such action (one of article, "),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_keymap_that_cannot_work_stops_edit_in_one_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, reason = REFUSED[case]
    config = tmp_path / "photodesk.toml"
    config.write_text(f"[keys]\n{table}\n", encoding="utf-8")
    desk_url = f"sqlite:///{tmp_path / 'desk.db'}"
    with new_desk(desk_url) as desk, pytest.raises(SystemExit) as stopped:
        run_app(desk, "alice")
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"photodesk: {config}: {reason}")


@pytest.mark.parametrize(
    "keymap",
    [
        {"save": "ctrl+w"},
        {"save": "f2, ctrl+s"},
        {"save": "f2", "template": "ctrl+s"},  # ctrl+s is free once save has moved
        {"problems": "P", "search": "f"},  # table keys may be letters: they never fire in editors
        {"help_table": "?"},  # a character for its name (question_mark), as Textual reads it
        {"use_embedded": "alt+e", "undo": "ctrl+shift+z", "rescan": "shift+f5"},
    ],
)
def test_keymaps_that_work_pass(keymap: dict[str, str]) -> None:
    check_keymap(keymap, key_rules())
