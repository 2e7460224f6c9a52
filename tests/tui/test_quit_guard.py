"""ctrl+q asks before quitting with drafts from every screen, not only from the desk: a dialog
on top of the desk (help, link, export, write, a conflict) must not be a way around it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.workbench import Workbench
from photodesk.tui.screens.confirm_quit import ConfirmQuitScreen
from photodesk.tui.screens.conflict import ConflictScreen
from photodesk.tui.screens.export import ExportScreen
from photodesk.tui.screens.help import HelpScreen
from photodesk.tui.screens.link import LinkScreen
from photodesk.tui.screens.write import WriteScreen
from tests.tui.support import FREIGHTER, drive, go_to, make_app, settle, type_text

Opener = Callable[[Pilot[None], Desk, int], Awaitable[None]]


async def _keys(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def _help(pilot: Pilot[None], desk: Desk, caption_id: int) -> None:
    await _keys(pilot, "f1")


async def _link(pilot: Pilot[None], desk: Desk, caption_id: int) -> None:
    await _keys(pilot, "ctrl+l")


async def _export(pilot: Pilot[None], desk: Desk, caption_id: int) -> None:
    await _keys(pilot, "escape", "x")


async def _write(pilot: Pilot[None], desk: Desk, caption_id: int) -> None:
    await _keys(pilot, "escape", "w")


async def _conflict(pilot: Pilot[None], desk: Desk, caption_id: int) -> None:
    read = get_caption(desk, caption_id)  # bob saves behind alice's back
    edit_caption(desk, caption_id, read.version, {"credit": "Reuters"}, editor="bob")
    await _keys(pilot, "ctrl+s")


DIALOGS: dict[str, tuple[Opener, type[Screen[object]]]] = {
    "help": (_help, HelpScreen),
    "link": (_link, LinkScreen),
    "export": (_export, ExportScreen),
    "write": (_write, WriteScreen),
    "conflict": (_conflict, ConflictScreen),
}


@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_ctrl_q_on_a_dialog_asks_before_quitting_with_drafts(
    sqlite_demo: Desk, dialog: str
) -> None:
    opener, expected = DIALOGS[dialog]
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        caption_id = await go_to(pilot, *FREIGHTER)
        await pilot.press("enter", "tab")
        await type_text(pilot, "REUTERS/Pavel Surikov")  # unsaved
        await opener(pilot, sqlite_demo, caption_id)
        seen["dialog"] = type(pilot.app.screen)
        await _keys(pilot, "ctrl+q")
        seen["asked"] = isinstance(pilot.app.screen, ConfirmQuitScreen)
        seen["running"] = pilot.app.is_running
        await _keys(pilot, "ctrl+q")  # asked already: the question stays
        seen["still asked"] = isinstance(pilot.app.screen, ConfirmQuitScreen)
        await _keys(pilot, "n")
        seen["back"] = type(pilot.app.screen)
        seen["drafts"] = len(Workbench(sqlite_demo, editor="alice").drafts())

    drive(make_app(sqlite_demo), scenario)
    assert seen["dialog"] is expected
    assert seen["asked"] is True and seen["running"] is True
    assert seen["still asked"] is True
    assert seen["back"] is expected  # "stay" goes back to the dialog it was asked from
    assert seen["drafts"] == 1  # kept before asking, as on the desk
