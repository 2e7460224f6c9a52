"""How a long service call reports how far it got, without knowing who is watching.

Services never print (DESIGN.md: the CLI is the only code that prints, the TUI shows its own
widgets), yet an ingest of a thousand articles or a first scan of ten thousand pictures must show
that it is alive. So a service takes a ``Progress`` and calls it; the command line passes a bar
that draws only on a terminal (``photodesk.cli.progress``), the TUI one that posts messages to
its worker's screen, tests and scripts pass nothing and get ``SILENT``.

A call may run several phases one after another (a scan walks, then reads); each is one
``begin`` … ``advance`` … ``end``. ``total`` is None while the amount of work is not yet known.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """The three calls a service makes; implementations must be cheap (called once per item)."""

    def begin(self, label: str, total: int | None) -> None:
        """A phase starts: ``label`` says what is being done, ``total`` how many items (or None)."""

    def advance(self, step: int = 1) -> None:
        """``step`` more items of the current phase are done."""

    def end(self) -> None:
        """The current phase is over (also when it stopped early on an error)."""


class SilentProgress:
    """A Progress that shows nothing: the default for tests, scripts and nested calls."""

    def begin(self, label: str, total: int | None) -> None:
        """Ignore the phase."""

    def advance(self, step: int = 1) -> None:
        """Ignore the step."""

    def end(self) -> None:
        """Ignore the end."""


SILENT: Progress = SilentProgress()
