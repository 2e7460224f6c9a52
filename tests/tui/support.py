"""Driving the real app with Pilot on the demo desk, from plain (sync) pytest tests.

pytest-asyncio is not a dependency: each test is an ``async def`` scenario run with
``asyncio.run`` (``drive``), which is all Pilot needs. ``settle`` waits until the workers the
last key started (rows, detail, preview, live check) have answered and their messages are
handled, so assertions never race the UI.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from photodesk.services.desk import Desk
from photodesk.services.workbench import Workbench
from photodesk.tui.app import PhotodeskApp
from photodesk.tui.screens.desk import DeskScreen
from photodesk.tui.screens.write import WriteScreen

SIZE = (120, 40)
FREIGHTER = ("2024-10-11_amur-ledger_cargo-terminal.md", 2)  # PD101: no credit
TIMBER = ("2024-10-10_ap_shipyard-visit.html", 2)  # PD102: AP credit on an AFP picture
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def ticking() -> Callable[[], datetime]:
    """A clock one second further at each call: revisions get distinct, fixed times."""
    moments = (T0 + timedelta(seconds=n) for n in range(100_000))
    return lambda: next(moments)


def record_notices(app: PhotodeskApp) -> list[str]:
    """Every notice the app shows from now on, as its message."""
    notices: list[str] = []
    show = app.notify

    def notify(message: str, **options: Any) -> None:
        notices.append(message)
        show(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    return notices


def make_app(desk: Desk, editor: str = "alice") -> PhotodeskApp:
    """The app on ``desk`` through a fresh Workbench, as ``photodesk edit`` builds it."""
    return PhotodeskApp(Workbench(desk, editor=editor, clock=ticking()))


def drive(
    app: PhotodeskApp,
    scenario: Callable[[Pilot[None]], Awaitable[None]],
    *,
    loaded: bool = True,
    size: tuple[int, int] = SIZE,
) -> None:
    """Run ``scenario`` against ``app`` in a headless terminal of ``size`` (120x40 unless
    told), once the desk is ``loaded`` (False: straight away, while the first workers may
    still run)."""

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await (settle(pilot) if loaded else pilot.pause())
            await scenario(pilot)

    asyncio.run(run())


async def settle(pilot: Pilot[None]) -> None:
    """Until no worker runs and every posted message has been handled.

    A worker superseded by a newer one of its group (``exclusive``) ends cancelled; that is
    the design (the newer answer wins), so cancellations are waited out, not raised.
    """
    for _ in range(200):
        await pilot.pause()
        busy = [w for w in pilot.app.workers if not w.is_finished]
        if busy:
            await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
        elif not _shown_where_the_cursor_is(pilot):
            await pilot.pause(0.02)  # the detail read starts once the cursor rests
        else:
            break
    await pilot.pause()


def _shown_where_the_cursor_is(pilot: Pilot[None]) -> bool:
    desks = [s for s in pilot.app.screen_stack if isinstance(s, DeskScreen)]
    return bool(desks) and all(s.settled for s in desks)


def desk_screen(pilot: Pilot[None]) -> DeskScreen:
    """The desk screen (it is under any modal screen)."""
    for screen in pilot.app.screen_stack:
        if isinstance(screen, DeskScreen):
            return screen
    raise AssertionError("no desk screen")


async def go_to(pilot: Pilot[None], article: str, position: int) -> int:
    """Move the table cursor onto a caption with the arrow keys; its caption id."""
    screen = desk_screen(pilot)
    screen.table.focus()
    wanted = [r for r in screen.table.shown if (r.article, r.position) == (article, position)]
    assert wanted, f"{article} #{position} is not in view"
    while screen.table.current != wanted[0]:
        step = "down" if screen.table.cursor_row < screen.table.shown.index(wanted[0]) else "up"
        await pilot.press(step)
    await settle(pilot)
    assert screen.edit.caption_id == wanted[0].caption_id
    return wanted[0].caption_id


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key into the focused widget."""
    await pilot.press(*text)
    await settle(pilot)


async def replace_text(pilot: Pilot[None], selector: str, text: str) -> None:
    """Click into an Input, empty it and type ``text``."""
    await pilot.click(selector)
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def open_write_preview(pilot: Pilot[None]) -> str:
    """Press w on the table, wait for the dry run; the preview's text."""
    desk_screen(pilot).table.focus()
    await pilot.press("w")
    await settle(pilot)
    assert isinstance(pilot.app.screen, WriteScreen)
    return shown_text(pilot.app.screen.query_one("#write-changes", Static))


def shown_text(widget: Widget) -> str:
    """The plain text a Static shows (a table or styled text, as printed 200 wide)."""
    assert isinstance(widget, Static)
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(widget.content)
    return console.export_text()
