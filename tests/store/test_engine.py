"""The desk URL and the engine: where a desk lives, and the settings every connection gets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from photodesk.store.engine import (
    BUSY_TIMEOUT_MS,
    DeskUrlError,
    create_desk_engine,
    display_url,
    normalize_url,
    resolve_url,
)
from photodesk.store.session import read_unit, write_unit


def test_db_option_wins_then_environment_then_the_current_folder(tmp_path: Path) -> None:
    env = {"PHOTODESK_DB": "sqlite:////srv/team.db"}
    assert resolve_url("sqlite:////a.db", env, tmp_path) == "sqlite:////a.db"
    assert resolve_url(None, env, tmp_path) == "sqlite:////srv/team.db"
    assert resolve_url(None, {}, tmp_path) == f"sqlite:///{tmp_path}/photodesk.db"
    assert resolve_url("", {"PHOTODESK_DB": ""}, tmp_path).endswith("/photodesk.db")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://ed@db.example/desk", "postgresql+psycopg://ed@db.example/desk"),
        ("postgres://ed@db.example:5433/desk", "postgresql+psycopg://ed@db.example:5433/desk"),
        ("postgresql+psycopg://ed@h/d", "postgresql+psycopg://ed@h/d"),
        ("sqlite:///photodesk.db", "sqlite:///photodesk.db"),
    ],
)
def test_postgresql_urls_go_through_psycopg_3(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_a_password_is_kept_for_connecting_but_never_displayed() -> None:
    url = normalize_url("postgresql://ed:s3cret@h/d")
    assert "s3cret" in url
    assert "s3cret" not in display_url(url)


@pytest.mark.parametrize("bad", ["not a url", "nosuchdb://x/y"])
def test_an_unusable_url_is_a_desk_url_error(bad: str) -> None:
    with pytest.raises(DeskUrlError):
        create_desk_engine(bad)


def test_every_sqlite_connection_has_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = create_desk_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    connections = [engine.connect(), engine.connect()]  # two pool connections, both set up
    try:
        for connection in connections:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
    finally:
        for connection in connections:
            connection.close()
        engine.dispose()


def test_a_write_unit_holds_the_write_lock_from_its_first_statement(tmp_path: Path) -> None:
    """Why: a deferred read-then-write fails at once when another process wrote in between."""
    path = tmp_path / "desk.db"
    engine = create_desk_engine(f"sqlite:///{path}")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with read_unit(engine) as session:
            session.connection().exec_driver_sql("SELECT 1")
            other.execute("BEGIN IMMEDIATE")  # a reader does not block a writer
            other.execute("ROLLBACK")
        with write_unit(engine) as session:
            session.connection().exec_driver_sql("SELECT 1")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        engine.dispose()
