"""SVG snapshots of the desk, the detail panel and the help screen at 120x40.

The demo desk is fixed content and nothing in view depends on the clock or the machine (files
are shown by name, never by path; no times are shown), so the pictures are the same on every
run. The one timer in view (an edit is kept as a draft after a pause in typing) is settled by
keeping the draft before the picture is taken. Regenerate after a deliberate change with
``pytest tests/tui --snapshot-update`` and look at the diff before committing it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from photodesk.services.desk import Desk
from tests.tui.support import FREIGHTER, SIZE, desk_screen, go_to, make_app, settle, type_text

Snap = Callable[..., bool]


async def _steady(pilot: Pilot[None]) -> None:
    """No blinking cursor in a picture; every worker done."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await settle(pilot)


def test_the_desk(snap_compare: Snap, sqlite_demo: Desk) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _steady(pilot)

    assert snap_compare(make_app(sqlite_demo), terminal_size=SIZE, run_before=run_before)


def test_the_detail_panel_while_fixing_a_credit(snap_compare: Snap, sqlite_demo: Desk) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _steady(pilot)
        await pilot.press("p")
        await settle(pilot)
        await go_to(pilot, *FREIGHTER)
        await pilot.press("enter", "tab")
        await _steady(pilot)
        await type_text(pilot, "REUTERS/Pavel Surikov")
        desk_screen(pilot).keep_draft()  # as the pause timer would: the same picture however slow
        await settle(pilot)

    assert snap_compare(make_app(sqlite_demo), terminal_size=SIZE, run_before=run_before)


def test_the_help_screen(snap_compare: Snap, sqlite_demo: Desk) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _steady(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(make_app(sqlite_demo), terminal_size=SIZE, run_before=run_before)
