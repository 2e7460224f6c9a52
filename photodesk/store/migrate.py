"""Alembic, configured in code: the schema of every desk is whatever the migrations make it.

There is no alembic.ini: the scripts ship inside the package (``photodesk/store/migrations``) and
are found through the package, so an installed photodesk upgrades a desk as well as a checkout.
Upgrading runs on a connection we hand to ``env.py``, inside one write transaction: SQLite takes
its write lock first (BEGIN IMMEDIATE) and PostgreSQL an advisory lock, so two processes opening
an old desk at once upgrade it once, the second finding it already at head.
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from photodesk.store.engine import WRITE_OPTION
from photodesk.store.session import store_errors

SCRIPT_LOCATION = "photodesk.store:migrations"
_UPGRADE_LOCK = 0x70686F746F  # "photo": PostgreSQL advisory lock key while upgrading
_Step = Callable[[Config], None]


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config for the packaged scripts; ``env.py`` migrates ``connection``."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The revision the code expects every desk to be at."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the desk's database is at; None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the desk to ``revision`` (head by default); a no-op, and no lock, when it is there.

    The check comes first in a plain read so that opening a desk never waits for another
    process's long write; only a desk that needs migrating takes the write lock.
    """
    target = head_revision() if revision == "head" else revision
    with store_errors():
        if current_revision(engine) == target:
            return
        _run(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Take the desk back to ``revision`` (``base`` empties it); for tests and emergencies."""
    _run(engine, lambda config: command.downgrade(config, revision))


def _run(engine: Engine, step: _Step) -> None:
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
        step(alembic_config(connection))
