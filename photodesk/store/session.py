"""Units of work: one Session per read or write, committed or rolled back as a whole.

Services never build a Session themselves; they ask for a read or a write. A write begins with
the write lock on SQLite (see ``engine``), so a unit that reads a caption and then updates it
cannot be refused half-way by another process. Database failures leave as ``StoreError`` with
one readable line ("database is locked", "connection refused"), never as a driver traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session

from photodesk.store.engine import WRITE_OPTION, StoreError

# Session and IntegrityError are re-exported so that services can name the unit of work's type
# and catch a lost insert race without importing SQLModel/SQLAlchemy themselves.
__all__ = [
    "IntegrityError",
    "Session",
    "StoreBusyError",
    "StoreError",
    "read_unit",
    "store_errors",
    "write_unit",
]


class StoreBusyError(StoreError):
    """Another process held the desk's write lock for longer than the busy timeout."""


@contextmanager
def read_unit(engine: Engine) -> Iterator[Session]:
    """A Session for reading; nothing it does is committed."""
    with store_errors(), Session(engine, expire_on_commit=False) as session:
        try:
            yield session
        finally:
            session.rollback()


@contextmanager
def write_unit(engine: Engine) -> Iterator[Session]:
    """A Session whose changes are committed together when the block ends without an error."""
    writer = engine.execution_options(**{WRITE_OPTION: True})
    with store_errors(), Session(writer, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def store_errors() -> Iterator[None]:
    """Turn the driver's operational errors (locked, refused, unreachable) into StoreError."""
    try:
        yield
    except OperationalError as error:
        raise _store_error(error) from error


def _store_error(error: DBAPIError) -> StoreError:
    lines = str(error.orig or error).strip().splitlines()
    reason = lines[0] if lines else type(error).__name__
    if "database is locked" in reason:
        return StoreBusyError(f"the desk is busy (another process is writing): {reason}")
    return StoreError(reason)
