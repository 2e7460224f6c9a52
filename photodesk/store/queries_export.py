"""Named queries of export: the whole desk in two statements, pictures and captions.

Pictures are loaded without their per-block readings, which no export needs (and which cost
most); captions come as plain mappings joined with their article's path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import Session, col

from photodesk.store.models import Article, Caption, Picture


def pictures_for_export(session: Session) -> list[Picture]:
    """Every picture by path, its per-block readings deferred."""
    blocks = cast("QueryableAttribute[Any]", Picture.blocks)  # a column, whatever SQLModel says
    query: Any = select(Picture).options(defer(blocks)).order_by(col(Picture.path))
    return list(session.exec(query).scalars())


def caption_rows_for_export(session: Session) -> Sequence[Mapping[str, Any]]:
    """Every caption (by article path, then position) with ``article`` its article's path."""
    query: Any = (
        select(
            col(Caption.id).label("id"),
            col(Article.source_path).label("article"),
            col(Caption.position),
            col(Caption.caption),
            col(Caption.credit),
            col(Caption.parsed_credit),
            col(Caption.picture_id),
            col(Caption.status),
        )
        .join(Article, col(Article.id) == col(Caption.article_id))
        .order_by(col(Article.source_path), col(Caption.position))
    )
    return list(session.exec(query).mappings())
