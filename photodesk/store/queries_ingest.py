"""Named queries of ingest: articles by their resolved path, their captions in order.

Each takes the unit of work's Session, so the ingest service decides what is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from photodesk.store.models import Article, Caption, Draft


def article_by_source(session: Session, source_path: str) -> Article | None:
    """The article ingested from ``source_path`` (a resolved path), or None."""
    return session.exec(select(Article).where(Article.source_path == source_path)).first()


def save_article(session: Session, article: Article) -> Article:
    """Add or update ``article`` and flush, so that a new one has its id."""
    session.add(article)
    session.flush()
    return article


def add_captions(session: Session, captions: Iterable[Caption]) -> None:
    """Add new captions to the unit of work (written at its next flush or commit)."""
    session.add_all(captions)


def captions_of_article(session: Session, article_id: int) -> list[Caption]:
    """An article's captions by position."""
    query = select(Caption).where(col(Caption.article_id) == article_id)
    query = query.order_by(col(Caption.position))
    return list(session.exec(query))


def captions_with_drafts(session: Session, caption_ids: Iterable[int]) -> set[int]:
    """Those of ``caption_ids`` that some editor holds an unsaved edit of."""
    ids = list(caption_ids)
    if not ids:
        return set()
    query = select(Draft.caption_id).where(col(Draft.caption_id).in_(ids)).distinct()
    return set(session.exec(query))


def delete_caption(session: Session, caption: Caption) -> None:
    """Delete ``caption`` (at the next flush)."""
    session.delete(caption)


def flush(session: Session) -> None:
    """Write pending changes now, inside the unit of work (ordering matters for unique places)."""
    session.flush()
