"""The UI never waits for the desk: slow reads run in workers, failures become notices.

A workbench that blocks ``rows`` until the test lets it go stands in for a 20,000-caption desk
on a slow server; the app must answer keys meanwhile and fill the table when the rows come.
"""

from __future__ import annotations

import threading

from textual.pilot import Pilot

from photodesk.services.desk import Desk
from photodesk.services.workbench import CaptionDetail, DeskRow, Workbench
from photodesk.tui.app import PhotodeskApp
from photodesk.tui.screens.help import HelpScreen
from tests.tui.support import desk_screen, drive, record_notices, settle, shown_text


class SlowWorkbench(Workbench):
    """``rows`` waits for ``release``; ``detail`` of caption ``broken`` fails."""

    def __init__(self, desk: Desk, broken: int | None = None) -> None:
        super().__init__(desk, editor="alice")
        self.release = threading.Event()
        self.broken = broken

    def rows(self) -> list[DeskRow]:
        assert self.release.wait(10), "the test never released the rows"
        return super().rows()

    def detail(self, caption_id: int) -> CaptionDetail:
        if caption_id == self.broken:
            raise RuntimeError("the desk went away")
        return super().detail(caption_id)


def test_keys_answer_while_the_desk_is_still_loading(sqlite_demo: Desk) -> None:
    workbench = SlowWorkbench(sqlite_demo)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        seen["loading"] = shown_text(screen.query_one("#counts"))
        await pilot.press("f1")  # the UI thread is free although rows() blocks
        seen["help"] = isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        workbench.release.set()
        await settle(pilot)
        seen["rows"] = len(screen.table.shown)

    drive(PhotodeskApp(workbench), scenario, loaded=False)
    assert "loading" in str(seen["loading"])
    assert seen["help"] is True
    assert seen["rows"] == 7


def test_a_failing_read_is_a_notice_not_a_crash(sqlite_demo: Desk) -> None:
    workbench = SlowWorkbench(sqlite_demo, broken=2)
    workbench.release.set()
    app = PhotodeskApp(workbench)
    notices = record_notices(app)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        seen["shown"] = screen.edit.caption_id

    drive(app, scenario)
    assert "reading caption 2: the desk went away" in notices
    assert seen["shown"] == 3
