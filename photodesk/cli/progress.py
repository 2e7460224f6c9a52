"""A progress bar for long commands (ingest, scan, link), drawn only where a person watches.

Use it as ``with progress_bar() as progress: service(..., progress=progress)``. On a terminal it
draws one bar per phase on stderr and erases it when the phase ends, leaving the screen to the
summary line; when stderr is not a terminal (a pipe, a log file, a test) it is silent, so that
scripts read clean output.

The bar is refreshed from the caller's thread, at most ten times a second, never from a
background thread: the scan forks its reading processes only from a single-threaded process
(``metadata.parallel``), and a refresh thread would push it onto the slower forkserver.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from photodesk.services.progress import SILENT, Progress

REFRESH_SECONDS = 0.1


class TerminalProgress:
    """``services.progress.Progress`` on a rich bar; one task per phase."""

    def __init__(self, bar: RichProgress) -> None:
        self._bar = bar
        self._task: TaskID | None = None
        self._drawn = 0.0

    def begin(self, label: str, total: int | None) -> None:
        """Show a new bar (a spinner-like pulse while ``total`` is unknown)."""
        self.end()
        self._task = self._bar.add_task(label, total=total)
        self._refresh(force=True)

    def advance(self, step: int = 1) -> None:
        """Count ``step`` items; redraw when the last drawing is old enough."""
        if self._task is not None:
            self._bar.advance(self._task, step)
            self._refresh()

    def end(self) -> None:
        """Erase the current bar."""
        if self._task is not None:
            self._bar.remove_task(self._task)
            self._task = None
            self._refresh(force=True)

    def _refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._drawn >= REFRESH_SECONDS:
            self._bar.refresh()
            self._drawn = now


@contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[Progress]:
    """A Progress for a command: a bar when stderr is a terminal (or ``enabled``), else silent."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield SILENT
        return
    bar = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    with bar:
        yield TerminalProgress(bar)
