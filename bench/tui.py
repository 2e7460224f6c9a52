"""Benchmark: the terminal UI on a desk of 20,000 captions, driven by Textual's Pilot.

Plain Python, no pytest. A SQLite desk of 20,000 captions linked to 20,000 pictures (bench/desk.py's
generated files, ingested, scanned, linked and checked; cached beside them) is opened in the real
app at 120×40 under ``run_test`` (Pilot's headless terminal), and these are timed:

* interactive: from constructing the app to the desk table holding every row (the rows load in a
  worker; keys answer before that). Goal: under 2 s. References in the same run: the workbench's
  ``rows()`` alone, and an empty Textual app's start-up.
* a cursor step, two figures per ``down`` (the previous caption fully shown before each press):
  - moved: from the key entering the app until the table cursor is on the next line, that frame
    is painted and every message queue of the screen is empty, so the next key is answered at
    once. Goal: under 50 ms (median and 95th percentile).
  - shown: from the same key until the detail panel (caption, credit, findings, comparison and
    preview) shows the new caption, painted: what the editor waits for before reading.
* a held key: ``down`` sent again as soon as the cursor has moved and the frame is painted, the
  way key repeat arrives, so each step competes with the reads the previous steps started; then
  the time from the last step until its caption is shown.

The key enters where a terminal's does (the driver's ``send_message``), not through
``Pilot.press``, which after every key sleeps until the process has been idle for 20 ms twice:
that floor (40+ ms) and the worker threads' CPU time would be measured instead of the app.

    .venv/bin/python bench/tui.py [--captions N] [--steps N]
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desk_corpus import DEFAULT_DIR, ensure_desk_files
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static

from photodesk.services.checking import check_desk
from photodesk.services.desk import Desk, open_desk
from photodesk.services.importing import ingest_articles
from photodesk.services.linking import link_desk
from photodesk.services.scanning import scan_folders
from photodesk.services.workbench import Workbench
from photodesk.tui.app import PhotodeskApp
from photodesk.tui.screens.desk import DeskScreen

SIZE = (120, 40)
INTERACTIVE_GOAL_S, STEP_GOAL_MS = 2.0, 50.0
POLL_S = 0.0005  # the waits below look this often (sleeping: the workers keep the GIL meanwhile)
TIMEOUT_S = 10.0


@dataclass
class Figures:
    """One run's timings (seconds for start-up, milliseconds for steps)."""

    interactive: float
    moved: list[float]
    shown: list[float]
    held: list[float]
    held_shown: float


def ensure_desk(captions: int) -> Path:
    """The benchmark desk's SQLite file, built once from the generated files."""
    files = ensure_desk_files(DEFAULT_DIR, captions, captions)
    path = DEFAULT_DIR / f"tui-{captions}.db"
    if path.is_file():
        return path
    started = time.perf_counter()
    with open_desk(f"sqlite:///{path}") as desk:
        ingest_articles(desk, files.articles)
        scan_folders(desk, [DEFAULT_DIR / "pictures"])
        link_desk(desk)
        check_desk(desk)
    print(f"built the {captions:,}-caption desk in {time.perf_counter() - started:.1f} s")
    return path


class Empty(App[None]):
    """The reference: Textual starting an app with one line of text."""

    def compose(self) -> ComposeResult:
        yield Static("ready")


async def empty_start() -> float:
    started = time.perf_counter()
    async with Empty().run_test(size=SIZE) as pilot:
        await pilot.pause()
    return time.perf_counter() - started


def press(app: App[None], key: str) -> None:
    """The key as the terminal driver delivers one (from its input thread, in a real terminal)."""
    driver = app._driver
    assert driver is not None
    driver.send_message(events.Key(key, None))


def quiet(app: App[None]) -> bool:
    """Every message handled and the last change painted: the app would answer a key now.

    Textual keeps "needs painting" in private fields; they are read, never written.
    """
    screen = app.screen
    if app.message_queue_size or any(
        node.message_queue_size for node in screen.walk_children(with_self=True)
    ):
        return False
    return not (
        screen._dirty_widgets
        or screen._layout_required
        or screen._repaint_required
        or screen._scroll_required
    )


async def until(app: App[None], condition: Callable[[], bool]) -> None:
    """Wait for ``condition`` to hold in a quiet, painted app."""
    deadline = time.perf_counter() + TIMEOUT_S
    while not (condition() and quiet(app)):
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not settle")
        await asyncio.sleep(POLL_S)


async def drive(desk: Desk, captions: int, steps: int) -> Figures:
    started = time.perf_counter()
    app = PhotodeskApp(Workbench(desk, editor="bench"))
    async with app.run_test(size=SIZE) as pilot:
        screen = next(s for s in app.screen_stack if isinstance(s, DeskScreen))
        while len(screen.table.shown) < captions:
            await pilot.pause(0.005)
        interactive = time.perf_counter() - started
        table = screen.table
        table.focus()
        await until(app, lambda: screen.settled)
        moved, shown = [], []
        for _ in range(steps):
            target = table.cursor_row + 1
            step = time.perf_counter()
            press(app, "down")
            await until(app, lambda: table.cursor_row == target)  # noqa: B023
            moved.append((time.perf_counter() - step) * 1000)
            await until(app, lambda: screen.settled)
            shown.append((time.perf_counter() - step) * 1000)
        held = []
        for _ in range(steps):
            target = table.cursor_row + 1
            step = time.perf_counter()
            press(app, "down")
            await until(app, lambda: table.cursor_row == target)  # noqa: B023
            held.append((time.perf_counter() - step) * 1000)
        step = time.perf_counter()
        await until(app, lambda: screen.settled)
        held_shown = (time.perf_counter() - step) * 1000
    return Figures(interactive, moved, shown, held, held_shown)


def spread(times: list[float]) -> str:
    """Median / 95th percentile."""
    median, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
    return f"{median:6.1f} / {p95:6.1f} ms"


def verdict(times: list[float]) -> str:
    met = statistics.quantiles(times, n=20)[-1] < STEP_GOAL_MS
    return f"(goal < {STEP_GOAL_MS:.0f} ms: {'met' if met else 'MISSED'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captions", type=int, default=20_000)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    path = ensure_desk(args.captions)
    print(f"python {platform.python_version()} on {platform.machine()}; desk {path}")
    with open_desk(f"sqlite:///{path}") as desk:
        started = time.perf_counter()
        rows = Workbench(desk, editor="bench").rows()
        rows_s = time.perf_counter() - started
        empty_s = asyncio.run(empty_start())
        figures = asyncio.run(drive(desk, len(rows), args.steps))
    print(f"workbench rows() alone ({len(rows):,} rows)   {rows_s:6.3f} s")
    print(f"empty Textual app start-up            {empty_s:6.3f} s")
    met = "met" if figures.interactive < INTERACTIVE_GOAL_S else "MISSED"
    ratio = figures.interactive / empty_s
    print(f"interactive with every row            {figures.interactive:6.3f} s  "
          f"(goal < {INTERACTIVE_GOAL_S} s: {met}; {ratio:4.1f}x the empty app)")  # fmt: skip
    print(f"{args.steps} cursor steps, median / 95th percentile:")
    for label, times in (
        ("cursor moved, screen answering", figures.moved),
        ("detail panel shows the caption", figures.shown),
        ("key held: cursor moved", figures.held),
    ):
        goal = "" if times is figures.shown else verdict(times)
        print(f"  {label:35s} {spread(times)}  {goal}".rstrip())
    print(f"  {'key held: last caption shown after':35s} {figures.held_shown:6.1f} ms")


if __name__ == "__main__":
    main()
