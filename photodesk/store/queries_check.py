"""Named queries of the check: captions with what the rules need, pictures by id, verdicts saved.

The check reads a whole desk (or some articles of it) in two statements and writes back only
the captions whose verdict changed, in one executemany, so that re-checking an unchanged desk of
100,000 captions writes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlmodel import Session, col

from photodesk.store.models import Article, Caption, Picture


def caption_rows_for_check(
    session: Session,
    article_paths: Collection[str] | None = None,
    article_ids: Collection[int] | None = None,
) -> Sequence[Mapping[str, Any]]:
    """Captions (by article path, then position) with ``article`` their article's path.

    ``article_paths`` / ``article_ids`` narrow the check to those articles; None means all.
    """
    query: Any = (
        select(
            col(Caption.id).label("id"),
            col(Caption.article_id),
            col(Article.source_path).label("article"),
            col(Caption.position),
            col(Caption.caption),
            col(Caption.credit),
            col(Caption.parsed_credit),
            col(Caption.picture_id),
            col(Caption.status),
            col(Caption.findings),
            col(Caption.version),
        )
        .join(Article, col(Article.id) == col(Caption.article_id))
        .order_by(col(Article.source_path), col(Caption.position))
    )
    if article_paths is not None:
        query = query.where(col(Article.source_path).in_(list(article_paths)))
    if article_ids is not None:
        query = query.where(col(Caption.article_id).in_(list(article_ids)))
    return list(session.exec(query).mappings())


def pictures_by_id(session: Session, ids: Iterable[int]) -> dict[int, Picture]:
    """The pictures with these ids (every column: the rules read the blocks' warnings)."""
    wanted = sorted(set(ids))
    found: dict[int, Picture] = {}
    for start in range(0, len(wanted), 900):  # stay under SQLite's bound-parameter limit
        chunk = wanted[start : start + 900]
        query: Any = select(Picture).where(col(Picture.id).in_(chunk))
        for picture in session.exec(query).scalars():
            assert picture.id is not None
            found[picture.id] = picture
    return found


def article_ids_of(
    session: Session,
    caption_ids: Iterable[int] = (),
    picture_ids: Iterable[int] = (),
) -> set[int]:
    """The articles holding these captions, or captions linked to these pictures."""
    out: set[int] = set()
    for column, ids in ((Caption.id, caption_ids), (Caption.picture_id, picture_ids)):
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), 900):
            query: Any = select(col(Caption.article_id)).where(
                col(column).in_(wanted[start : start + 900])
            )
            out.update(session.exec(query).scalars())
    return out


def save_verdicts(session: Session, verdicts: Sequence[Mapping[str, Any]]) -> None:
    """Store ``{"caption_id", "status", "findings"}`` for each caption; the version is untouched.

    A verdict is derived data, not an edit: it never makes an editor's save conflict.
    """
    if not verdicts:
        return
    statement: Any = (
        update(Caption)
        .where(col(Caption.id) == bindparam("b_id"))
        .values(status=bindparam("b_status"), findings=bindparam("b_findings"))
    )
    rows = [
        {"b_id": v["caption_id"], "b_status": v["status"], "b_findings": v["findings"]}
        for v in verdicts
    ]
    session.connection().execute(statement, rows)


def known_article_paths(session: Session, paths: Collection[str]) -> set[str]:
    """Which of these article paths the desk holds."""
    query: Any = select(col(Article.source_path)).where(col(Article.source_path).in_(list(paths)))
    return set(session.exec(query).scalars())
