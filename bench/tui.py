"""Benchmark: the terminal UI on a desk of 20,000 captions, driven by Textual's Pilot.

Plain Python, no pytest. A SQLite desk of 20,000 captions linked to 20,000 pictures (bench/desk.py's
generated files, ingested, scanned, linked and checked; cached beside them) is opened in the real
app at 120×40, and two things are timed:

* interactive: from constructing the app to the desk table holding every row (the rows load in a
  worker; keys answer before that). Goal: under 2 s. References in the same run: the workbench's
  ``rows()`` alone, and an empty Textual app's start-up.
* a cursor step: ``down`` pressed and every worker it started (detail, preview) finished and its
  message handled. Goal: under 50 ms a step (median and 95th percentile of 100 steps).

    .venv/bin/python bench/tui.py [--captions N] [--steps N]
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import time
from pathlib import Path

from desk_corpus import DEFAULT_DIR, ensure_desk_files
from textual.app import App, ComposeResult
from textual.pilot import Pilot
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


async def drive(desk: Desk, captions: int, steps: int) -> tuple[float, list[float]]:
    started = time.perf_counter()
    app = PhotodeskApp(Workbench(desk, editor="bench"))
    async with app.run_test(size=SIZE) as pilot:
        screen = next(s for s in app.screen_stack if isinstance(s, DeskScreen))
        while len(screen.table.shown) < captions:
            await pilot.pause(0.005)
        interactive = time.perf_counter() - started
        await settled(pilot)
        screen.table.focus()
        times = []
        for _ in range(steps):
            step = time.perf_counter()
            await pilot.press("down")
            await settled(pilot)
            times.append((time.perf_counter() - step) * 1000)
    return interactive, times


async def settled(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captions", type=int, default=20_000)
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args()
    path = ensure_desk(args.captions)
    print(f"python {platform.python_version()} on {platform.machine()}; desk {path}")
    with open_desk(f"sqlite:///{path}") as desk:
        started = time.perf_counter()
        rows = Workbench(desk, editor="bench").rows()
        rows_s = time.perf_counter() - started
        empty_s = asyncio.run(empty_start())
        interactive, steps = asyncio.run(drive(desk, len(rows), args.steps))
    median, p95 = statistics.median(steps), statistics.quantiles(steps, n=20)[-1]
    print(f"workbench rows() alone ({len(rows):,} rows)   {rows_s:6.3f} s")
    print(f"empty Textual app start-up            {empty_s:6.3f} s")
    verdict = "met" if interactive < INTERACTIVE_GOAL_S else "MISSED"
    ratio = interactive / empty_s
    print(f"interactive with every row            {interactive:6.3f} s  "
          f"(goal < {INTERACTIVE_GOAL_S} s: {verdict}; {ratio:4.1f}x the empty app)")  # fmt: skip
    verdict = "met" if p95 < STEP_GOAL_MS else "MISSED"
    print(f"cursor step, median / 95th percentile {median:6.1f} / {p95:.1f} ms  "
          f"(goal < {STEP_GOAL_MS:.0f} ms: {verdict})")  # fmt: skip


if __name__ == "__main__":
    main()
