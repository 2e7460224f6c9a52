"""Named queries of the terminal UI's desk: editors' drafts, and the desk as one editor sees it.

A draft is saved at every pause in typing, so saving one is a single upsert (``INSERT … ON
CONFLICT (caption_id, editor) DO UPDATE`` on SQLite and PostgreSQL alike): no read first, and
no lost race between two of the editor's own workers. ``desk_rows`` reads every caption with
what the desk table shows, this editor's drafts flagged, in one statement: the UI's first paint
on a desk of 20,000 captions waits for it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import String, Table, and_, cast, delete, func
from sqlalchemy import select as sa_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel, col, select

from photodesk.store.models import Article, Caption, Draft, Picture


class DeskRowRecord(NamedTuple):
    """One caption as the desk table shows it: ``agency`` from the stored parse, ``codes`` the
    stored findings' rule codes (worst first), ``picture`` the linked file's path."""

    id: int
    article: str
    position: int
    caption: str
    credit: str | None
    agency: str | None
    picture: str | None
    status: str
    codes: tuple[str, ...]
    has_draft: bool


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def desk_rows(session: Session, editor: str) -> list[DeskRowRecord]:
    """Every caption by article path and position, with its picture's path and a draft flag.

    The two JSON columns come back as text and are decoded here once per distinct text: a
    desk repeats its credits and findings, and decoding 40,000 JSON values one by one was
    most of this query's time (104 ms of 150 on 20,000 captions, SQLite).
    """
    caption, article, picture, draft = (_table(m) for m in (Caption, Article, Picture, Draft))
    statement = (
        sa_select(
            caption.c.id,
            article.c.source_path,
            caption.c.position,
            caption.c.caption,
            caption.c.credit,
            cast(caption.c.parsed_credit, String),
            picture.c.path,
            caption.c.status,
            cast(caption.c.findings, String),
            draft.c.id.is_not(None),
        )
        .join(article, article.c.id == caption.c.article_id)
        .outerjoin(picture, picture.c.id == caption.c.picture_id)
        .outerjoin(draft, and_(draft.c.caption_id == caption.c.id, draft.c.editor == editor))
        .order_by(article.c.source_path, caption.c.position)
    )
    agency_of, codes_of = cache(_agency), cache(_codes)  # per call: the desk may change
    return [
        DeskRowRecord(
            r[0], r[1], r[2], r[3], r[4], agency_of(r[5]), r[6], r[7], codes_of(r[8]), bool(r[9])
        )
        for r in session.connection().execute(statement)
    ]


def _agency(parsed: str | None) -> str | None:
    value = json.loads(parsed) if parsed else None
    agency = value.get("agency") if isinstance(value, dict) else None
    return str(agency) if agency else None


def _codes(found: str | None) -> tuple[str, ...]:
    value = json.loads(found) if found else None
    return tuple(item["code"] for item in value or ())


def picture_count(session: Session) -> int:
    """How many pictures the desk holds (missing files included: they are still on the desk)."""
    statement = sa_select(func.count()).select_from(_table(Picture))
    return int(session.connection().execute(statement).scalar_one())


def save_draft(
    session: Session,
    caption_id: int,
    editor: str,
    values: dict[str, Any],
    saved_at: datetime,
) -> None:
    """Insert or replace the editor's draft of a caption (``values``: caption, credit,
    base_version)."""
    row = {"caption_id": caption_id, "editor": editor, **values, "saved_at": saved_at}
    dialect = postgresql if session.connection().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(_table(Draft)).values(**row)
    statement = statement.on_conflict_do_update(
        index_elements=["caption_id", "editor"],
        set_={key: statement.excluded[key] for key in (*values, "saved_at")},
    )
    session.connection().execute(statement)


def drafts_of(session: Session, editor: str) -> Sequence[Draft]:
    """The editor's drafts, by caption id."""
    statement = select(Draft).where(col(Draft.editor) == editor).order_by(col(Draft.caption_id))
    return session.exec(statement).all()


def draft_of(session: Session, caption_id: int, editor: str) -> Draft | None:
    """The editor's draft of one caption, or None."""
    statement = select(Draft).where(
        col(Draft.caption_id) == caption_id, col(Draft.editor) == editor
    )
    return session.exec(statement).first()


def delete_draft(session: Session, caption_id: int, editor: str) -> bool:
    """Drop the editor's draft of a caption; whether there was one."""
    statement = delete(Draft).where(
        col(Draft.caption_id) == caption_id, col(Draft.editor) == editor
    )
    return session.connection().execute(statement).rowcount > 0
