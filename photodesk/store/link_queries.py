"""Named queries of linking: what the linker reads, and how its links and proposals are saved.

Kept apart from ``queries`` (captions' text and revisions) because linking works on the whole desk
at once: one query per table to read, executemany to write, so that 10,000 captions cost a few
statements, not 10,000 round trips. Automatic links are written only where ``link_manual`` is
still false *at write time*, so an editor's link made while the linker was computing survives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Table, and_, bindparam, delete, false, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from photodesk.store.models import Article, Caption, LinkProposal, Picture


class CaptionRow(NamedTuple):
    """A caption with what linking reads of it and of its article."""

    id: int
    article_id: int
    article: str
    article_date: str | None
    position: int
    caption: str
    parsed_credit: dict[str, Any] | None
    image_ref: str | None
    picture_id: int | None
    link_score: float | None
    link_reason: str | None
    link_manual: bool


def caption_rows(session: Session) -> list[CaptionRow]:
    """Every caption joined with its article, by article then position."""
    caption, article = _table(Caption), _table(Article)
    statement = (
        sa_select(
            *(caption.c[name] for name in ("id", "article_id")),
            article.c.source_path,
            article.c.date,
            *(caption.c[name] for name in CaptionRow._fields[4:]),
        )
        .join(article, article.c.id == caption.c.article_id)
        .order_by(caption.c.article_id, caption.c.position)
    )
    return [CaptionRow._make(row) for row in session.connection().execute(statement)]


def picture_rows(session: Session) -> list[tuple[int, str, Mapping[str, Any] | None]]:
    """(id, path, reconciled values) of every picture, missing ones too (their values stand)."""
    statement = select(Picture.id, Picture.path, Picture.values).order_by(col(Picture.id))
    return [(pid, path, values) for pid, path, values in session.exec(statement) if pid]


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def link_states(session: Session) -> dict[int, bool]:
    """Caption id → ``link_manual`` of every caption, as committed now (not as first read)."""
    statement = select(Caption.id, Caption.link_manual)
    return {cid: manual for cid, manual in session.exec(statement) if cid is not None}


def save_links(session: Session, links: Sequence[Mapping[str, Any]]) -> None:
    """Set ``picture_id``/``link_score``/``link_reason`` (keys ``b_id`` …) on automatic captions."""
    if not links:
        return
    table = _table(Caption)
    statement = (
        update(table)
        .where(and_(table.c.id == bindparam("b_id"), table.c.link_manual == false()))
        .values(
            picture_id=bindparam("b_picture"),
            link_score=bindparam("b_score"),
            link_reason=bindparam("b_reason"),
        )
    )
    session.connection().execute(statement, list(links))


def replace_proposals(
    session: Session, caption_ids: Iterable[int], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Drop the proposals of ``caption_ids`` (all, when it is every caption) and add ``rows``."""
    ids = list(caption_ids)
    for start in range(0, len(ids), 500):  # stay under every backend's bound-parameter limit
        chunk = ids[start : start + 500]
        session.connection().execute(
            delete(LinkProposal).where(col(LinkProposal.caption_id).in_(chunk))
        )
    if rows:
        session.connection().execute(insert(LinkProposal), list(rows))


def proposals_of(session: Session, caption_id: int) -> list[LinkProposal]:
    """A caption's stored proposals, best first."""
    statement = (
        select(LinkProposal)
        .where(col(LinkProposal.caption_id) == caption_id)
        .order_by(col(LinkProposal.score).desc(), col(LinkProposal.picture_id))
    )
    return list(session.exec(statement))


def pictures_by_path(session: Session, paths: Iterable[str]) -> list[Picture]:
    """Pictures whose path is one of ``paths``."""
    return list(session.exec(select(Picture).where(col(Picture.path).in_(list(paths)))))


def pictures_named(session: Session, name: str) -> list[Picture]:
    """Pictures whose file name (last path part) is ``name``; a LIKE narrows, Python decides."""
    pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    candidates = session.exec(select(Picture).where(col(Picture.path).like(pattern, escape="\\")))
    return [p for p in candidates if p.path.replace("\\", "/").rsplit("/", 1)[-1] == name]


def automatic_links_in_article(
    session: Session, article_id: int, picture_id: int, *, except_caption: int
) -> list[Caption]:
    """Captions of one article linked automatically to ``picture_id``, but for one caption."""
    statement = select(Caption).where(
        col(Caption.article_id) == article_id,
        col(Caption.picture_id) == picture_id,
        col(Caption.id) != except_caption,
        col(Caption.link_manual) == false(),
    )
    return list(session.exec(statement))
