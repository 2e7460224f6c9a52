"""Links made and removed by hand: the editor overrides the linker, and history keeps it.

``link_by_hand`` links a caption to a picture named by id, path or (when unique) file name, and
marks the caption ``link_manual`` so that ``link`` never changes it; an automatic link of that
picture to another caption of the same article is cleared (one picture per placement in an
article; that caption loses its link as a revision too, and the outcome names it, so the editor
learns that it is unlinked now). ``unlink`` removes the link and keeps the mark, so ``link``
leaves the caption unlinked; ``unlink(automatic=True)`` removes both, handing the caption back
to the linker. Each change of the picture is a revision of the field ``picture`` (old and new
path), by the editor.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from photodesk.services.desk import CaptionNotFound, Desk, NotFound
from photodesk.services.editing import Clock, default_editor, utc_now
from photodesk.services.findings import refresh_findings
from photodesk.services.linking_views import CaptionOutcome
from photodesk.services.views import utc
from photodesk.store import link_queries, queries
from photodesk.store.models import Article, Caption, Picture, Revision
from photodesk.store.session import Session


class PictureNotFound(NotFound):
    """No picture by that id, path or file name (or the name fits several)."""

    def __init__(self, picture: str, reason: str = "no such picture on this desk") -> None:
        LookupError.__init__(self, f"picture {picture}: {reason}")
        self.subject = f"picture {picture}"
        self.reason = reason
        self.key = int(picture) if picture.isdigit() else 0


def link_by_hand(
    desk: Desk, caption_id: int, picture: str, *, editor: str | None = None, clock: Clock = utc_now
) -> CaptionOutcome:
    """Link the caption to ``picture`` (an id, a path, or a file name that only one has)."""
    house = desk.house
    with desk.write() as session:
        caption = _caption(session, caption_id)
        target = find_picture(session, picture)
        assert target.id is not None
        _record(session, caption, target.id, editor, clock)
        caption.picture_id, caption.link_manual = target.id, True
        caption.link_score, caption.link_reason = None, "linked by hand"
        session.add(caption)
        released = _release(session, caption, target.id, editor, clock)
        session.flush()
        refresh_findings(session, house, clock(), caption_ids=[caption_id, *released])
        return replace(_outcome(session, caption, target.path), released=released)


def unlink(
    desk: Desk,
    caption_id: int,
    *,
    automatic: bool = False,
    editor: str | None = None,
    clock: Clock = utc_now,
) -> CaptionOutcome:
    """Remove the caption's link; it stays manual (unlinked) unless ``automatic`` is asked."""
    house = desk.house
    with desk.write() as session:
        caption = _caption(session, caption_id)
        _record(session, caption, None, editor, clock)
        caption.picture_id, caption.link_score, caption.link_manual = None, None, not automatic
        caption.link_reason = None if automatic else "unlinked by hand"
        session.add(caption)
        link_queries.replace_proposals(session, [caption_id], ())
        session.flush()
        refresh_findings(session, house, clock(), caption_ids=[caption_id])
        return _outcome(session, caption, None)


def find_picture(session: Session, picture: str) -> Picture:
    """The picture ``picture`` names: an id, a path (resolved), or a unique file name."""
    text = picture.strip()
    if text.isdigit():
        found = session.get(Picture, int(text))
        if found is None:
            raise PictureNotFound(text)
        return found
    exact = link_queries.pictures_by_path(session, {text, str(Path(text).resolve())})
    if exact:
        return exact[0]
    named = link_queries.pictures_named(session, Path(text).name)
    if len(named) == 1:
        return named[0]
    if named:
        raise PictureNotFound(text, f"{len(named)} pictures have this file name; give the id")
    raise PictureNotFound(text)


def _caption(session: Session, caption_id: int) -> Caption:
    caption = queries.caption_by_id(session, caption_id)
    if caption is None:
        raise CaptionNotFound(caption_id)
    return caption


def _record(
    session: Session, caption: Caption, picture_id: int | None, editor: str | None, clock: Clock
) -> None:
    """A revision of ``picture`` when the link really changes (paths, readable in history)."""
    if caption.picture_id == picture_id:
        return
    old, new = (_path(session, pid) for pid in (caption.picture_id, picture_id))
    assert caption.id is not None
    revision = Revision(
        caption_id=caption.id,
        field="picture",
        old=old,
        new=new,
        editor=editor or default_editor(),
        at=utc(clock()),
    )
    queries.add_revisions(session, [revision])


def _path(session: Session, picture_id: int | None) -> str | None:
    found = session.get(Picture, picture_id) if picture_id else None
    return found.path if found else None


def _release(
    session: Session, caption: Caption, picture_id: int, editor: str | None, clock: Clock
) -> tuple[int, ...]:
    """Clear automatic links of this picture elsewhere in the caption's article (each a
    revision of its ``picture``); the captions cleared."""
    others = link_queries.automatic_links_in_article(
        session, caption.article_id, picture_id, except_caption=caption.id or 0
    )
    for other in others:
        _record(session, other, None, editor, clock)
        other.picture_id, other.link_score = None, None
        other.link_reason = f"its picture was linked by hand to caption {caption.id}"
        session.add(other)
    link_queries.replace_proposals(session, [caption.id or 0], ())
    return tuple(other.id for other in others if other.id is not None)


def _outcome(session: Session, caption: Caption, path: str | None) -> CaptionOutcome:
    assert caption.id is not None
    article = session.get(Article, caption.article_id)
    return CaptionOutcome(
        caption_id=caption.id,
        article=article.source_path if article else "",
        position=caption.position,
        outcome="manual",
        picture_id=caption.picture_id,
        picture=path,
        reason=caption.link_reason,
    )
