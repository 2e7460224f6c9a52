"""A caption's history, and undoing one change of it as a new change, so nothing is lost.

Reverting revision R sets R's field back to R's old value and records that as a new revision
(``reverts = R``); reverting that one again is a redo. It refuses when the field no longer holds
what R wrote: someone changed it since, and silently throwing their change away is exactly what
the desk promises never to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from photodesk.services.desk import CaptionNotFound, Desk, RevisionNotFound
from photodesk.services.editing import (
    EDITABLE_FIELDS,
    Clock,
    EditConflict,
    apply_edit,
    default_editor,
    utc_now,
)
from photodesk.services.findings import refresh_findings
from photodesk.services.views import RevisionView, revision_view, utc
from photodesk.store import queries
from photodesk.store.models import Caption
from photodesk.store.session import Session

__all__ = ["RevertConflict", "RevisionView", "history", "revert"]


class RevertConflict(EditConflict):
    """The field a revision changed holds something else now; nothing was reverted."""

    def __init__(
        self,
        revision: RevisionView,
        changed_by: str | None,
        changed_at: datetime | None,
        current_values: Mapping[str, str | None],
        version: int,
    ) -> None:
        super().__init__(revision.caption_id, changed_by, changed_at, current_values, version)
        self.revision = revision
        when = f"{changed_at:%Y-%m-%d %H:%M:%S}Z" if changed_at else "an unknown time"
        self.subject = f"revision {revision.id}"
        self.reason = (
            f"the {revision.field} of caption {revision.caption_id} has changed since"
            f" (last by {changed_by or 'someone'} at {when}); nothing reverted"
        )
        self.args = (f"{self.subject}: {self.reason}",)


def history(desk: Desk, caption_id: int) -> list[RevisionView]:
    """Every saved change of the caption, oldest first."""
    with desk.read() as session:
        if queries.caption_by_id(session, caption_id) is None:
            raise CaptionNotFound(caption_id)
        return [revision_view(row) for row in queries.revisions_of(session, caption_id)]


def revert(
    desk: Desk,
    revision_id: int,
    *,
    editor: str | None = None,
    clock: Clock = utc_now,
    read_version: int | None = None,
) -> RevisionView:
    """Undo one revision as a new revision, which is returned.

    Raises RevisionNotFound, RevertConflict when the field changed since, and ValueError for a
    revision of a field that editing does not own (a link, say). With ``read_version`` (the
    caption's version on the editor's screen), EditConflict when the caption is not at that
    version: an undo must never revert a change the editor has not seen.
    """
    house = desk.house
    with desk.write() as session:
        row = queries.revision_by_id(session, revision_id)
        if row is None:
            raise RevisionNotFound(revision_id)
        target = revision_view(row)
        if target.field not in EDITABLE_FIELDS:
            raise ValueError(f"revision {revision_id} changed {target.field}, not a caption field")
        caption = queries.caption_by_id(session, target.caption_id)
        if caption is None:  # pragma: no cover - revisions go with their caption (ON DELETE)
            raise CaptionNotFound(target.caption_id)
        if getattr(caption, target.field) != target.new:
            raise _conflict(session, target, caption)
        _, added = apply_edit(
            session,
            target.caption_id,
            caption.version if read_version is None else read_version,
            {target.field: target.old},
            editor or default_editor(),
            clock,
            reverts=revision_id,
        )
        cid = target.caption_id
        refresh_findings(session, house, added[0].at, caption_ids=[cid], only={cid})
    return added[0]


def _conflict(session: Session, target: RevisionView, caption: Caption) -> RevertConflict:
    """Name the last change of the field itself (the caption's last save may be another field)."""
    revisions = queries.revisions_of(session, target.caption_id)
    later = [r for r in revisions if r.field == target.field and (r.id or 0) > target.id]
    by, at = (later[-1].editor, later[-1].at) if later else (caption.edited_by, caption.edited_at)
    current = {field: getattr(caption, field) for field in EDITABLE_FIELDS}
    return RevertConflict(target, by, utc(at), current, caption.version)
