"""Where a desk lives and how to connect to it: the one place that turns a URL into an Engine.

A desk is a SQLite file by default (``photodesk.db`` in the current folder) and any SQLAlchemy URL
when asked (``--db`` or ``PHOTODESK_DB``); PostgreSQL is the team database and always goes through
psycopg 3. Everything a connection needs to be safe for an editor is set here, per connection:

* SQLite: WAL (readers never wait for a writer) with ``synchronous = NORMAL`` (see below), foreign
  keys ON (SQLite ignores them otherwise), a busy timeout (a second process waits its turn instead
  of failing), and transactions that we begin ourselves so that a write unit of work can take the
  write lock up front (``BEGIN IMMEDIATE``). A deferred transaction that reads and then writes
  fails at once with "database is locked" when another process committed in between; waiting
  cannot help it, so we never let one start.
* PostgreSQL: READ COMMITTED (the server default), under which a competing ``UPDATE ... WHERE
  version = :read`` waits for the winner and then matches no row: the optimistic lock.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_FILE = "photodesk.db"
ENV_VAR = "PHOTODESK_DB"
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
# Execution option asking for a write transaction (BEGIN IMMEDIATE on SQLite).
WRITE_OPTION = "photodesk_write"
_PSYCOPG = "postgresql+psycopg"


class StoreError(Exception):
    """The desk's database cannot be used: a bad URL, no server, a file that cannot be opened.

    ``subject`` names the desk (its URL without the password) once it is known and ``reason`` is
    one line an editor can act on, so the CLI can print ``subject: reason`` as its one stderr line.
    """

    def __init__(self, reason: str, subject: str = "desk") -> None:
        super().__init__(f"{subject}: {reason}")
        self.subject = subject
        self.reason = reason


class DeskUrlError(StoreError):
    """A desk URL that SQLAlchemy cannot use, with the reason in words."""


def resolve_url(explicit: str | None, environ: Mapping[str, str], cwd: Path) -> str:
    """The desk URL: ``--db`` wins, then ``PHOTODESK_DB``, then ``photodesk.db`` in ``cwd``.

    The default is made absolute now, so that a later change of directory cannot move the desk.
    """
    url = explicit or environ.get(ENV_VAR) or f"sqlite:///{cwd / DEFAULT_FILE}"
    return normalize_url(url)


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` go through psycopg 3, the driver photodesk ships."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as error:
        raise DeskUrlError("not a database URL", subject=repr(url)) from error
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=_PSYCOPG)
    return parsed.render_as_string(hide_password=False)


def display_url(url: str) -> str:
    """The URL as messages may show it: never with a password."""
    return make_url(url).render_as_string(hide_password=True)


def backend_name(url: str) -> str:
    """``sqlite``, ``postgresql``, ...: what a service may need to know of the database."""
    return make_url(url).get_backend_name()


def create_desk_engine(url: str) -> Engine:
    """An Engine for the desk at ``url`` with the per-connection settings described above."""
    parsed = make_url(normalize_url(url))
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        return create_engine(parsed, connect_args=connect_args)
    except (ArgumentError, ImportError) as error:
        raise DeskUrlError(str(error), subject=display_url(url)) from error


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module: it would BEGIN (deferred) by itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            # NORMAL, not the default FULL: in WAL mode NORMAL syncs the WAL only at checkpoints,
            # not on every commit, and the database still cannot be corrupted; at worst a power
            # loss undoes the last commits. With FULL each commit took 8-20 ms (an fsync each).
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def database_folder(url: str, cwd: Path) -> Path:
    """The folder a desk's settings live in: the SQLite file's folder, else ``cwd``.

    A team desk on a server has no folder of its own; its settings come from where the command
    runs (or ``--config``).
    """
    parsed = make_url(normalize_url(url))
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:":
        return (cwd / database).parent.resolve()
    return cwd
