"""Named queries of the scan: the ``picture`` table read as plain tuples, written by executemany.

A rescan of ten thousand unchanged files has a one-second budget, so known files are loaded as
plain tuples (no ORM objects) and changes are written with one executemany per batch rather than
row by row. Each takes the unit of work's Session; the service decides what is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from photodesk.store.models import Picture


@dataclass(frozen=True, slots=True)
class Known:
    """A picture row as the scan needs it."""

    id: int
    size: int
    mtime_ns: int
    sha256: str | None
    missing: bool
    has_error: bool


def load_known(session: Session) -> dict[str, Known]:
    """Every picture row by path, in one query."""
    query = sa_select(
        col(Picture.path),
        col(Picture.id),
        col(Picture.size),
        col(Picture.mtime_ns),
        col(Picture.sha256),
        col(Picture.missing),
        col(Picture.error).is_not(None),
    )
    rows = session.connection().execute(query).all()
    return {
        path: Known(cast(int, key), size, mtime_ns, sha256, missing, has_error)
        for path, key, size, mtime_ns, sha256, missing, has_error in rows
    }


def insert_pictures(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert new picture rows with one executemany."""
    session.exec(insert(Picture), params=rows)


def update_pictures(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Update picture rows by ``id`` with one executemany (each row names what it changes)."""
    session.exec(update(Picture), params=rows)


def picture_ids_by_path(session: Session, paths: Iterable[str]) -> dict[str, int]:
    """The ids of the pictures at ``paths`` that exist, by path."""
    query = select(Picture.path, Picture.id).where(col(Picture.path).in_(list(paths)))
    return {path: cast(int, key) for path, key in session.exec(query).all()}
