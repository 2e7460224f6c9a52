"""Alembic's entry point: migrate the connection ``photodesk.store.migrate`` hands over.

Run any other way (``sqlalchemy.url`` set on the Config, or offline to print SQL), it builds the
engine through ``photodesk.store.engine`` so that the SQLite pragmas always apply.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import photodesk.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from photodesk.store.engine import WRITE_OPTION, create_desk_engine

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )


def run_offline() -> None:
    """Print the SQL instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Migrate the given connection, or one of our own engines for ``sqlalchemy.url``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    assert url, "photodesk migrations need a connection or sqlalchemy.url"
    engine = create_desk_engine(url)
    try:
        with engine.execution_options(**{WRITE_OPTION: True}).begin() as own:
            _configure(own)
            context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
