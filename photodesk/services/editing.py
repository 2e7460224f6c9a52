"""Editing a caption's text and credit: every change kept as a revision, no edit ever overwritten.

An editor reads a caption (``get_caption``: its values and ``version``) and later saves changes
with the version they read (``edit_caption``). The save is one write unit: check the version,
``UPDATE ... WHERE version = :read_version`` (see ``store.queries``), one Revision per changed
field. If anyone saved the caption in between, nothing is written and ``EditConflict`` says who
and when and what the caption holds now, so the editor can redo the edit on the new text.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_split import strip_credit_brackets
from photodesk.services.desk import CaptionNotFound, Desk
from photodesk.services.findings import refresh_findings
from photodesk.services.views import CaptionView, RevisionView, caption_view, revision_view, utc
from photodesk.store import queries
from photodesk.store.models import Caption, Revision
from photodesk.store.session import Session

EDITABLE_FIELDS = ("caption", "credit")
Clock = Callable[[], datetime]

__all__ = [
    "EDITABLE_FIELDS",
    "CaptionView",
    "Clock",
    "EditConflict",
    "apply_edit",
    "default_editor",
    "edit_caption",
    "get_caption",
    "utc_now",
]


def utc_now() -> datetime:
    """The default clock: now, in UTC (the desk stores UTC only)."""
    return datetime.now(UTC)


def default_editor() -> str:
    """The login name, used when no ``--editor`` is given."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return "unknown"


class EditConflict(Exception):
    """The caption changed since it was read: who changed it, when, and what it holds now."""

    def __init__(
        self,
        caption_id: int,
        changed_by: str | None,
        changed_at: datetime | None,
        current_values: Mapping[str, str | None],
        version: int = 0,
    ) -> None:
        self.caption_id = caption_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_values = dict(current_values)
        self.version = version
        when = f"{changed_at:%Y-%m-%d %H:%M:%S}Z" if changed_at else "an unknown time"
        self.subject = f"caption {caption_id}"
        self.reason = (
            f"changed by {changed_by or 'someone'} at {when} since it was read"
            f" (now version {version}); nothing saved"
        )
        super().__init__(f"{self.subject}: {self.reason}")


def get_caption(desk: Desk, caption_id: int) -> CaptionView:
    """The caption as it is now, with the ``version`` to pass back when saving."""
    with desk.read() as session:
        return caption_view(_caption(session, caption_id))


def edit_caption(
    desk: Desk,
    caption_id: int,
    read_version: int,
    changes: Mapping[str, str | None],
    *,
    editor: str | None = None,
    clock: Clock = utc_now,
) -> CaptionView:
    """Save ``changes`` ({"caption"/"credit": new value}) to a caption read at ``read_version``.

    Values are trimmed and an empty credit means none. Unchanged fields record nothing; a save
    that changes nothing leaves the version alone. Raises EditConflict, CaptionNotFound, or
    ValueError for a field that cannot be edited.
    """
    cleaned = {field: _clean(field, value) for field, value in changes.items()}
    house = desk.house
    with desk.write() as session:
        view, added = apply_edit(
            session, caption_id, read_version, cleaned, editor or default_editor(), clock
        )
        if added:
            refresh_findings(
                session, house, added[0].at, caption_ids=[caption_id], only={caption_id}
            )
            view = caption_view(_caption(session, caption_id))
    return view


def apply_edit(
    session: Session,
    caption_id: int,
    read_version: int,
    changes: Mapping[str, str | None],
    editor: str,
    clock: Clock,
    reverts: int | None = None,
) -> tuple[CaptionView, tuple[RevisionView, ...]]:
    """The edit inside the caller's write unit (ingest and revert use it): values as given.

    The clock is read after the version check, inside the transaction: the revision's time is
    the time of the save.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}: only caption and credit")
    row = _caption(session, caption_id)
    if row.version != read_version:
        raise _conflict(row)
    changed = {f: v for f, v in changes.items() if getattr(row, f) != v}
    if not changed:
        return caption_view(row), ()
    old = {f: getattr(row, f) for f in changed}
    at = utc(clock())
    if not queries.update_caption_if_version(
        session, caption_id, read_version, _with_parsed(changed), editor, at
    ):
        raise _conflict(_caption(session, caption_id))
    added = queries.add_revisions(
        session,
        (Revision(caption_id=caption_id, field=f, old=old[f], new=v, editor=editor, at=at,
                  reverts=reverts) for f, v in changed.items()),
    )  # fmt: skip
    return caption_view(_caption(session, caption_id)), tuple(revision_view(r) for r in added)


def _caption(session: Session, caption_id: int) -> Caption:
    row = queries.caption_by_id(session, caption_id)
    if row is None:
        raise CaptionNotFound(caption_id)
    return row


def _conflict(row: Caption) -> EditConflict:
    current = {field: getattr(row, field) for field in EDITABLE_FIELDS}
    return EditConflict(row.id or 0, row.edited_by, utc(row.edited_at), current, row.version)


def _clean(field: str, value: str | None) -> str | None:
    text = (value or "").strip()
    if field == "credit":
        return text or None
    return text


def _with_parsed(changed: Mapping[str, str | None]) -> dict[str, Any]:
    """The credit is stored with its parse, so checks and exports never parse it again.

    The status goes back to ``unchecked``: a check's verdict was about the old text.
    """
    values: dict[str, Any] = {**changed, "status": "unchecked"}
    if "credit" in changed:
        credit = changed["credit"]
        values["parsed_credit"] = (
            parse_credit(strip_credit_brackets(credit)).as_dict() if credit else None
        )
    return values
