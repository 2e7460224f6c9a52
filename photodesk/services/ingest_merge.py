"""Applying a re-ingested article to its stored captions: field merges, revisions, new places.

``caption_merge`` decides on plain values; this module turns the decisions into row changes in
the caller's write unit. A caption counts as touched by the desk when its caption or credit no
longer equals what the article said, when an editor linked its picture by hand, or when an editor
holds an unsaved edit of it (a draft): such a caption is never deleted because the article
dropped it, only moved behind the article's own captions.
"""

from __future__ import annotations

from datetime import datetime

from photodesk.core.types import CaptionDraft
from photodesk.services.caption_merge import merge_field
from photodesk.services.editing import apply_edit
from photodesk.services.ingest_report import CaptionChange
from photodesk.store import queries_ingest
from photodesk.store.models import Caption
from photodesk.store.session import Session

INGEST_EDITOR = "ingest"


def new_caption(article_id: int, position: int, draft: CaptionDraft) -> Caption:
    """A caption exactly as the article gives it; the desk's copy starts equal to the source."""
    credit = draft.credit.text if draft.credit else None
    return Caption(
        article_id=article_id,
        position=position,
        caption=draft.caption,
        credit=credit,
        parsed_credit=draft.credit.as_dict() if draft.credit else None,
        image_ref=draft.image,
        source_caption=draft.caption,
        source_credit=credit,
    )


def apply_draft(
    session: Session, caption: Caption, draft: CaptionDraft, position: int, now: datetime
) -> list[CaptionChange]:
    """Merge the article's new text into one stored caption.

    What changes goes through the editing service's ``apply_edit`` inside this write unit: the
    same version check (an editor who saved in between makes it raise ``EditConflict`` and the
    article is merged again), the same revisions, here by the editor ``ingest``.
    """
    new_credit = draft.credit.text if draft.credit else None
    text = merge_field(caption.caption, caption.source_caption, draft.caption)
    credit = merge_field(caption.credit, caption.source_credit, new_credit)
    credit_followed = caption.credit == caption.source_credit
    wanted = {"caption": text.value, "credit": credit.value}
    changes = {name: value for name, value in wanted.items() if getattr(caption, name) != value}
    assert caption.id is not None
    if changes:
        apply_edit(session, caption.id, caption.version, changes, INGEST_EDITOR, lambda: now)
        caption.status = "unchecked"
    if credit_followed:  # the article's own parse (it may know a pool marker the text lacks)
        caption.parsed_credit = draft.credit.as_dict() if draft.credit else None
    caption.source_caption, caption.source_credit = draft.caption, new_credit
    caption.image_ref = draft.image
    kept = tuple(
        name for name, merged in (("caption", text), ("credit", credit)) if merged.kept_edit
    )
    report = []
    if changes:
        report.append(CaptionChange(position, caption.id, "updated", tuple(changes)))
    if kept:
        report.append(CaptionChange(position, caption.id, "kept desk edit", kept))
    return report


def touched(caption: Caption) -> bool:
    """True when an editor changed the caption or credit, or linked its picture by hand."""
    edited = caption.caption != caption.source_caption or caption.credit != caption.source_credit
    return edited or caption.link_manual


def place(
    session: Session,
    kept: list[tuple[Caption, int]],
    added: list[Caption],
    gone: list[Caption],
    count: int,
) -> list[CaptionChange]:
    """Delete untouched captions the article dropped, then give every caption its new place.

    Places are unique per article, so a reorder goes through negative places first: rows are
    updated one at a time and a swap would otherwise collide halfway.
    """
    changes: list[CaptionChange] = []
    behind = count  # kept captions the article dropped go after the article's own
    drafted = queries_ingest.captions_with_drafts(session, (c.id for c in gone if c.id))
    for caption in gone:
        if touched(caption) or caption.id in drafted:
            behind += 1
            kept.append((caption, behind))
            changes.append(CaptionChange(behind, caption.id, "kept, gone from the article"))
        else:
            changes.append(CaptionChange(caption.position, caption.id, "removed"))
            queries_ingest.delete_caption(session, caption)
    queries_ingest.flush(session)  # deletes first: a new caption may take a deleted one's place
    if any(caption.position != position for caption, position in kept):
        for caption, _ in kept:
            assert caption.id is not None
            caption.position = -caption.id
        queries_ingest.flush(session)
        for caption, position in kept:
            caption.position = position
    queries_ingest.add_captions(session, added)
    queries_ingest.flush(session)
    changes += [CaptionChange(c.position, c.id, "added") for c in added]
    return changes
