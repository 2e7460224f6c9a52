"""Opening a desk: the one handle every other service works through.

API (for the CLI, the TUI and the other services)::

    desk = open_desk(db)            # db: --db value or None → $PHOTODESK_DB → ./photodesk.db
    with open_desk(db) as desk:     # closes the engine at the end
        with desk.read() as session:    # a unit of work that only reads (rolled back)
            ...
        with desk.write() as session:   # a unit of work committed as a whole, or not at all
            ...
    desk.url        # for messages (never shows a password);  desk.backend: "sqlite"|"postgresql"
    desk.house      # the house style (photodesk.toml beside the desk, or open_desk(config=...))

    photodesk.services.editing:  get_caption, edit_caption, apply_edit (inside your own write),
                                 default_editor, utc_now, Clock, CaptionView, EditConflict
    photodesk.services.history:  history, revert, RevisionView, RevertConflict
    photodesk.cli.desk_options:  @pass_desk gives a command the open desk (--db, errors → 2)
    tests/desk_fixtures.py:      fixtures desk / desk_url (SQLite and PostgreSQL), new_desk(url)

Errors, each with ``subject`` and ``reason`` for ``cli.errors.fail`` (exit status 2): ``DeskError``
(cannot open or use the database; ``DeskBusyError`` when another process holds the write lock
too long), ``CaptionNotFound``, ``RevisionNotFound``, ``EditConflict``.

Opening upgrades the schema to the newest migration. One engine per desk (SQLite pragmas and
PostgreSQL via psycopg 3 are set up by ``photodesk.store.engine``); a Session per unit of work.
Services pass the Session only to ``photodesk.store`` named queries and return plain dataclasses;
the CLI and TUI hold a Desk but never a Session. Always write through ``desk.write()``: on SQLite
it takes the write lock first, so a read-then-write unit cannot fail half-way under a second
process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from photodesk.core.rules import HouseStyle
from photodesk.services.config import config_path, load_house_style
from photodesk.store import migrate
from photodesk.store.engine import (
    StoreError,
    backend_name,
    create_desk_engine,
    database_folder,
    display_url,
    resolve_url,
)
from photodesk.store.session import Session, StoreBusyError, read_unit, write_unit

DeskError = StoreError
DeskBusyError = StoreBusyError


class NotFound(LookupError):
    """Something the caller named by id is not on this desk."""

    def __init__(self, kind: str, key: int) -> None:
        self.subject = f"{kind} {key}"
        self.reason = f"no such {kind} on this desk"
        super().__init__(f"{self.subject}: {self.reason}")
        self.key = key


class CaptionNotFound(NotFound):
    """No caption with this id."""

    def __init__(self, caption_id: int) -> None:
        super().__init__("caption", caption_id)


class RevisionNotFound(NotFound):
    """No revision with this id."""

    def __init__(self, revision_id: int) -> None:
        super().__init__("revision", revision_id)


class Desk:
    """An open desk: one engine, and units of work on it."""

    def __init__(self, url: str, config: Path | None = None) -> None:
        self._engine = create_desk_engine(url)
        self.url = display_url(url)
        self.backend = backend_name(url)
        self.folder = database_folder(url, Path.cwd())
        self.config_path = config_path(self.folder, config)
        self._config_required = config is not None
        self._house: HouseStyle | None = None

    @property
    def house(self) -> HouseStyle:
        """The desk's house style, read from ``photodesk.toml`` once (ConfigError if it is bad)."""
        if self._house is None:
            self._house = load_house_style(self.config_path, self._config_required)
        return self._house

    def use_house_style(self, house: HouseStyle) -> None:
        """Check against ``house`` instead of the file (the UI after editing settings; tests)."""
        self._house = house

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A Session for reading; nothing is committed."""
        with self._named(), read_unit(self._engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A Session committed when the block ends without an error, rolled back otherwise."""
        with self._named(), write_unit(self._engine) as session:
            yield session

    def upgrade(self, revision: str = "head") -> None:
        """Migrate the schema to ``revision``; opening a desk does this to head already."""
        with self._named():
            migrate.upgrade(self._engine, revision)

    def close(self) -> None:
        """Release every connection (the desk can be opened again later)."""
        self._engine.dispose()

    @contextmanager
    def _named(self) -> Iterator[None]:
        """Database errors name this desk, so a one-line message says which database failed."""
        try:
            yield
        except StoreError as error:
            if error.subject != "desk":
                raise
            raise type(error)(error.reason, subject=self.url) from error

    def __enter__(self) -> Desk:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_desk(db: str | None = None, *, upgrade: bool = True, config: Path | None = None) -> Desk:
    """Open the desk at ``db`` (else ``$PHOTODESK_DB``, else ``./photodesk.db``), schema upgraded.

    Raises DeskError with a one-line reason when the URL is unusable or the database does not
    answer; the message names the desk by its URL without the password.
    """
    desk = Desk(resolve_url(db, os.environ, Path.cwd()), config)
    if upgrade:
        try:
            desk.upgrade()
        except BaseException:
            desk.close()
            raise
    return desk
