"""Alembic owns the schema: the migrations build exactly the models, and old desks upgrade intact.

Every test runs on SQLite and on PostgreSQL (``desk_url``).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

import photodesk.store.models  # noqa: F401  (the tables on SQLModel.metadata)
from photodesk.services.desk import open_desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.history import history
from photodesk.store import migrate
from photodesk.store.engine import create_desk_engine

FIRST = "0001"
WHEN = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def test_all_migrations_build_exactly_the_models(desk_url: str) -> None:
    open_desk(desk_url).close()
    engine = create_desk_engine(desk_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, SQLModel.metadata) == []
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def _fill_a_first_revision_desk(url: str) -> None:
    engine = create_desk_engine(url)
    try:
        migrate.upgrade(engine, FIRST)
        with engine.begin() as connection:
            run = connection.execute
            run(
                text(
                    "INSERT INTO article (id, source_path, format, content_sha256, ingested_at)"
                    " VALUES (1, 'a.html', 'html', 'abc', :at)"
                ),
                {"at": WHEN},
            )
            run(
                text(
                    "INSERT INTO picture (id, path, size, mtime_ns, missing, scanned_at)"
                    " VALUES (1, 'p.jpg', 10, 20, false, :at)"
                ),
                {"at": WHEN},
            )
            run(
                text(
                    "INSERT INTO caption (id, article_id, position, caption, credit,"
                    " source_caption, picture_id, link_manual, status)"
                    " VALUES (7, 1, 1, 'Kim waves.', 'AFP', 'Kim waves.', 1, false, 'unchecked')"
                )
            )
    finally:
        engine.dispose()


def test_a_desk_at_the_first_revision_upgrades_with_its_rows_intact(desk_url: str) -> None:
    _fill_a_first_revision_desk(desk_url)
    with open_desk(desk_url) as desk:
        caption = get_caption(desk, 7)
        assert (caption.caption, caption.credit, caption.picture_id) == ("Kim waves.", "AFP", 1)
        assert (caption.version, caption.edited_by, caption.edited_at) == (1, None, None)
        assert history(desk, 7) == []
        edited = edit_caption(desk, 7, 1, {"credit": "AFP/Jung Yeon-je"}, editor="ed")
        assert edited.version == 2
        assert [r.new for r in history(desk, 7)] == ["AFP/Jung Yeon-je"]


def test_downgrade_to_nothing_and_back_to_head(desk_url: str) -> None:
    engine = create_desk_engine(desk_url)
    try:
        migrate.upgrade(engine)
        migrate.downgrade(engine, FIRST)
        assert migrate.current_revision(engine) == FIRST
        migrate.downgrade(engine, "base")
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_desks_opened_at_once_on_a_new_database_upgrade_it_once(desk_url: str) -> None:
    """Why: the editors of a new team desk often start their first commands together."""

    def open_and_close(_: int) -> str | None:
        with open_desk(desk_url) as desk, desk.read() as session:
            return (
                session.connection()
                .execute(text("SELECT version_num FROM alembic_version"))
                .scalar()
            )

    with ThreadPoolExecutor(4) as pool:
        versions = list(pool.map(open_and_close, range(4)))
    assert versions == [migrate.head_revision()] * 4
