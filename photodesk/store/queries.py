"""Named queries the services run: every SQL statement about captions and revisions is here.

Each takes the unit of work's Session, so the service decides what is one transaction. Caption
reads bypass the Session's identity map (``populate_existing``): after a lost race the service
must see the row the winner committed, not the copy it loaded before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from photodesk.store.models import Caption, Revision


def caption_by_id(session: Session, caption_id: int) -> Caption | None:
    """The caption as committed now (fresh from the database, not from the Session's cache)."""
    statement = (
        select(Caption)
        .where(col(Caption.id) == caption_id)
        .execution_options(populate_existing=True)
    )
    return session.exec(statement).first()


def update_caption_if_version(
    session: Session,
    caption_id: int,
    read_version: int,
    values: Mapping[str, Any],
    editor: str,
    at: datetime,
) -> bool:
    """Save ``values`` only if the caption is still at ``read_version``: the optimistic lock.

    One statement, ``UPDATE ... WHERE id = :id AND version = :read_version``: under READ
    COMMITTED a competing writer's UPDATE waits for this one and then matches no row. Returns
    whether the row was updated; False means someone saved first (or the caption is gone).
    """
    statement = (
        update(Caption)
        .where(col(Caption.id) == caption_id, col(Caption.version) == read_version)
        .values(**values, version=col(Caption.version) + 1, edited_by=editor, edited_at=at)
    )
    result = session.connection().execute(statement)
    return result.rowcount == 1


def add_revisions(session: Session, revisions: Iterable[Revision]) -> list[Revision]:
    """Insert revisions and return them with their ids."""
    added = list(revisions)
    session.add_all(added)
    session.flush()
    return added


def revisions_of(session: Session, caption_id: int) -> Sequence[Revision]:
    """A caption's revisions in the order they were saved.

    Ids follow that order: writers of one caption are serialised by its row (lock or version).
    """
    statement = (
        select(Revision).where(col(Revision.caption_id) == caption_id).order_by(col(Revision.id))
    )
    return session.exec(statement).all()


def revision_by_id(session: Session, revision_id: int) -> Revision | None:
    """One revision, or None."""
    return session.get(Revision, revision_id)
