"""Drafts: an editor's unsaved edit, kept in the desk so that no edit is ever lost.

The terminal UI saves a draft when the editor pauses or leaves a caption, and reads every draft
back when it starts, so an edit survives moving on, closing the app and a crash. A draft is the
text as typed (not trimmed: the editor comes back to exactly what they left) with the caption's
version it started from, which the eventual save passes back: a caption someone changed
meanwhile then conflicts instead of being overwritten. A draft that says what the caption
already says is no draft, and is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from photodesk.services.desk import CaptionNotFound, Desk
from photodesk.services.editing import Clock, utc_now
from photodesk.services.views import utc
from photodesk.store import queries, queries_drafts
from photodesk.store.models import Draft as DraftRow


@dataclass(frozen=True, slots=True)
class Draft:
    """An unsaved edit of one caption by one editor."""

    caption_id: int
    editor: str
    caption: str
    credit: str | None
    base_version: int
    saved_at: datetime


def save_draft(
    desk: Desk,
    caption_id: int,
    editor: str,
    base_version: int,
    caption: str,
    credit: str | None,
    clock: Clock = utc_now,
) -> Draft | None:
    """Keep the edit as the editor's draft; None (and no draft) when it changes nothing.

    Raises CaptionNotFound for a caption that is not on the desk (deleted by a re-ingest).
    """
    with desk.write() as session:
        row = queries.caption_by_id(session, caption_id)
        if row is None:
            raise CaptionNotFound(caption_id)
        if _same(caption, row.caption) and _same(credit, row.credit):
            queries_drafts.delete_draft(session, caption_id, editor)
            return None
        at = utc(clock())
        values = {"caption": caption, "credit": credit, "base_version": base_version}
        queries_drafts.save_draft(session, caption_id, editor, values, at)
    return Draft(caption_id, editor, caption, credit, base_version, at)


def drafts_of(desk: Desk, editor: str) -> dict[int, Draft]:
    """The editor's drafts by caption id."""
    with desk.read() as session:
        return {
            row.caption_id: draft_view(row) for row in queries_drafts.drafts_of(session, editor)
        }


def draft_of(desk: Desk, caption_id: int, editor: str) -> Draft | None:
    """The editor's draft of one caption, or None."""
    with desk.read() as session:
        row = queries_drafts.draft_of(session, caption_id, editor)
        return None if row is None else draft_view(row)


def discard_draft(desk: Desk, caption_id: int, editor: str) -> bool:
    """Drop the editor's draft of a caption; whether there was one."""
    with desk.write() as session:
        return queries_drafts.delete_draft(session, caption_id, editor)


def _same(typed: str | None, stored: str | None) -> bool:
    """Whether the typed text saves as the stored value (a save trims; an empty credit is none)."""
    return (typed or "").strip() == (stored or "")


def draft_view(row: DraftRow) -> Draft:
    """Detach a draft row into its read model."""
    return Draft(
        row.caption_id, row.editor, row.caption, row.credit, row.base_version, utc(row.saved_at)
    )
