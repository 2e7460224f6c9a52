"""The workbench's edits beyond a plain save: a template over many captions, and undo.

A template (``{caption} (File photo)``, ``{credit}/File``) is applied to every selected caption in
one write unit, each change a revision under the editor's name: the selection is changed as a
whole or not at all, and each caption can still be undone on its own. Undo walks back through
the editor-facing changes of one caption: it reverts the newest caption or credit change that
is still in effect (a revert is the undo itself, never a change to undo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from photodesk.services.desk import CaptionNotFound, Desk
from photodesk.services.editing import EDITABLE_FIELDS, Clock, apply_edit
from photodesk.services.findings import refresh_findings
from photodesk.services.history import history, revert
from photodesk.services.views import CaptionView, RevisionView, caption_view
from photodesk.store import queries

_PLACEHOLDER_RE = re.compile(r"\{(caption|credit)\}")


def fill_template(template: str, caption: str, credit: str | None) -> str:
    """``template`` with ``{caption}`` and ``{credit}`` replaced by the current values (in one
    pass: a caption that itself contains ``{credit}`` is not expanded again)."""
    values = {"caption": caption, "credit": credit or ""}
    return _PLACEHOLDER_RE.sub(lambda match: values[match.group(1)], template)


def apply_template(
    desk: Desk,
    caption_ids: Iterable[int],
    field: str,
    template: str,
    *,
    editor: str,
    clock: Clock,
) -> list[CaptionView]:
    """Set ``field`` of each caption to the filled template; the captions that changed, as
    saved (captions the template leaves as they are are skipped)."""
    if field not in EDITABLE_FIELDS:
        raise ValueError(f"cannot apply a template to {field}: only caption and credit")
    house = desk.house
    changed: list[int] = []
    with desk.write() as session:
        for caption_id in dict.fromkeys(caption_ids):
            row = queries.caption_by_id(session, caption_id)
            if row is None:
                raise CaptionNotFound(caption_id)
            value = _clean(field, fill_template(template, row.caption, row.credit))
            if value != getattr(row, field):
                apply_edit(session, caption_id, row.version, {field: value}, editor, clock)
                changed.append(caption_id)
        if not changed:
            return []
        refresh_findings(session, house, clock(), caption_ids=changed, only=set(changed))
        rows = (queries.caption_by_id(session, caption_id) for caption_id in changed)
        return [caption_view(row) for row in rows if row is not None]


def _clean(field: str, value: str) -> str | None:
    """As a save cleans a value: trimmed, and an empty credit is no credit."""
    text = value.strip()
    return (text or None) if field == "credit" else text


def undo_target(revisions: Sequence[RevisionView]) -> RevisionView | None:
    """The newest caption/credit change (not itself a revert) that is still in effect.

    A revision is undone when a revert of it is itself still in effect, so after ``revert`` of
    a revert (a redo) the original counts as in effect again.
    """
    reverters: dict[int, list[int]] = {}
    for revision in revisions:
        if revision.reverts is not None:
            reverters.setdefault(revision.reverts, []).append(revision.id)
    undone: dict[int, bool] = {}
    for revision in sorted(revisions, key=lambda r: r.id, reverse=True):
        undone[revision.id] = any(not undone.get(r, False) for r in reverters.get(revision.id, ()))
    candidates = [
        r
        for r in revisions
        if r.field in EDITABLE_FIELDS and r.reverts is None and not undone[r.id]
    ]
    return max(candidates, key=lambda r: r.id, default=None)


def undo(
    desk: Desk, caption_id: int, *, editor: str, clock: Clock, read_version: int | None = None
) -> RevisionView | None:
    """Revert the caption's newest change still in effect; the new revision, or None when
    there is nothing to undo. RevertConflict when the field no longer holds what that change
    wrote (another editor saved it between this read and the revert); EditConflict when the
    caption is no longer at ``read_version``, the version the editor has on screen (the newest
    change could be someone else's, unseen)."""
    target = undo_target(history(desk, caption_id))
    if target is None:
        return None
    return revert(desk, target.id, editor=editor, clock=clock, read_version=read_version)
