"""A ``services.progress.Progress`` for thread workers: it posts messages, the bar draws them.

The service runs in a worker thread and must never touch a widget, so each phase and step
becomes a ``WorkProgressed`` message to the screen (``post_message`` is thread-safe). A step is
posted only when the bar would visibly move (every 2% of a known total, every 20 items of an
unknown one): a scan of ten thousand files must not queue ten thousand repaints.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from photodesk.tui.messages import WorkProgressed

UNKNOWN_STEP = 20  # items between two posts while the total is unknown
STEPS = 50  # posts over a phase of known length


class PostingProgress:
    """Reports a service's phases to the screen through ``post`` (its ``post_message``)."""

    def __init__(self, post: Callable[[Message], bool]) -> None:
        self._post = post
        self._label = ""
        self._total: int | None = None
        self._done = 0
        self._posted = 0

    def begin(self, label: str, total: int | None) -> None:
        """A phase starts: the bar shows its label and empties."""
        self._label, self._total, self._done, self._posted = label, total, 0, 0
        self._send()

    def advance(self, step: int = 1) -> None:
        """Count ``step`` items; post when the bar would move."""
        self._done += step
        every = UNKNOWN_STEP if self._total is None else max(1, self._total // STEPS)
        if self._done - self._posted >= every or self._done == self._total:
            self._send()

    def end(self) -> None:
        """The phase is over: show it complete."""
        if self._done != self._posted:
            self._send()

    def _send(self) -> None:
        self._posted = self._done
        self._post(WorkProgressed(self._label, self._total, self._done))
