"""The bar at the foot of the desk while a slow job runs (write, export, rescan).

Hidden when idle, so the desk looks as before; while a job runs it says what is being done and
how far it got, and the desk stays usable above it (the job is a thread worker).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class WorkBar(Horizontal):
    """A label and a progress bar; ``start`` shows it, ``stop`` hides it."""

    def compose(self) -> ComposeResult:
        yield Static("", id="work-label")
        yield ProgressBar(total=None, show_eta=False, id="work-progress")

    def on_mount(self) -> None:
        """Idle: out of sight."""
        self.display = False

    def start(self, label: str) -> None:
        """A job starts: its name, and a bar that pulses until a total is known."""
        self.query_one("#work-label", Static).update(label)
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.display = True

    def show(self, label: str, total: int | None, done: int) -> None:
        """A phase's progress (``total`` None: the bar pulses)."""
        self.query_one("#work-label", Static).update(label)
        self.query_one(ProgressBar).update(total=total, progress=done)

    def stop(self) -> None:
        """The job is over."""
        self.display = False

    @property
    def label(self) -> str:
        """What the bar says now (for tests and the busy notice)."""
        return str(self.query_one("#work-label", Static).content)
