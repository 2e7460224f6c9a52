"""What the thread workers send back to the desk screen.

A worker never touches a widget: it calls the workbench, wraps the answer in one of these and
posts it (``post_message`` is thread-safe), and the screen updates the widgets on the UI thread.
Each answer names its caption, so an answer that arrives after the editor moved on is dropped.
"""

from __future__ import annotations

from textual.message import Message

from photodesk.core.codes import CodeTable
from photodesk.services.workbench import CaptionDetail, DeskCounts, DeskRow, LiveCheck, Preview


class RowsLoaded(Message):
    """Every caption of the desk and the header's figures."""

    def __init__(self, rows: list[DeskRow], counts: DeskCounts, codes: CodeTable) -> None:
        super().__init__()
        self.rows = rows
        self.counts = counts
        self.codes = codes


class CountsLoaded(Message):
    """The header's figures after a change."""

    def __init__(self, counts: DeskCounts) -> None:
        super().__init__()
        self.counts = counts


class DetailLoaded(Message):
    """The detail panel's facts for one caption."""

    def __init__(self, detail: CaptionDetail) -> None:
        super().__init__()
        self.detail = detail


class PreviewLoaded(Message):
    """The half-block pixels of one caption's picture (None: nothing to show)."""

    def __init__(self, caption_id: int, preview: Preview | None) -> None:
        super().__init__()
        self.caption_id = caption_id
        self.preview = preview


class LiveChecked(Message):
    """The parse and findings of the text as it was typed at ``generation``."""

    def __init__(self, caption_id: int, generation: int, check: LiveCheck) -> None:
        super().__init__()
        self.caption_id = caption_id
        self.generation = generation
        self.check = check


class WorkFailed(Message):
    """A worker's call failed; the screen says so in one line instead of crashing.

    ``caption_id`` names the caption whose detail could not be read (moving onto it again
    retries).
    """

    def __init__(self, what: str, error: Exception, caption_id: int | None = None) -> None:
        super().__init__()
        self.what = what
        self.error = error
        self.caption_id = caption_id
