"""Desks for tests, on SQLite and on the PostgreSQL server, through the same fixtures.

``desk_url`` is parametrized over a fresh SQLite file and a fresh PostgreSQL schema on database
``test`` at 127.0.0.1:5432 (``PHOTODESK_TEST_POSTGRES`` overrides the server URL); the schema is
dropped after the test. Where no server answers the PostgreSQL half skips with the reason, and
under ``CI`` it fails instead, so that the team-mode tests cannot silently vanish.

    def test_something(desk):            # an open Desk, at head, on each backend
    def test_other(desk_url):            # a URL only: open it yourself (other processes, CLI)
    desk = new_desk(url)                 # open a fresh desk at a URL (close it, or use `with`)
    ids = seed_captions(desk, 3)         # one article with three captions, credits "REUTERS/…"
"""

from __future__ import annotations

import functools
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from photodesk.services.desk import Desk, open_desk
from photodesk.store.models import Article, Caption

POSTGRES_SERVER = os.environ.get(
    "PHOTODESK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]
SEEDED_AT = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def _conninfo(url: str) -> str:
    parsed = make_url(url)
    parts = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "password": parsed.password,
        "dbname": parsed.database,
    }
    return " ".join(f"{key}={value}" for key, value in parts.items() if value is not None)


@functools.cache
def postgres_unavailable() -> str | None:
    """Why the PostgreSQL half cannot run here, or None when the server answers."""
    try:
        with psycopg.connect(_conninfo(POSTGRES_SERVER), connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        server = make_url(POSTGRES_SERVER)
        return f"no PostgreSQL server answers at {server.host}:{server.port or 5432}: {first}"
    return None


def require_postgres() -> None:
    """Skip (or, under CI, fail) when the PostgreSQL server does not answer."""
    reason = postgres_unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the PostgreSQL tests)")
    pytest.skip(reason)


@contextmanager
def fresh_postgres_url() -> Iterator[str]:
    """A URL whose connections land in a new, empty schema; the schema is dropped afterwards."""
    require_postgres()
    schema = f"pd_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_conninfo(POSTGRES_SERVER), autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{POSTGRES_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(_conninfo(POSTGRES_SERVER), autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextmanager
def fresh_url(backend: str, folder: Path) -> Iterator[str]:
    """An empty database on ``backend``: a SQLite file in ``folder``, or a PostgreSQL schema."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'desk.db'}"
    else:
        with fresh_postgres_url() as url:
            yield url


def new_desk(url: str) -> Desk:
    """Open a fresh desk at ``url`` (schema upgraded to head)."""
    return open_desk(url)


def seed_captions(desk: Desk, count: int, *, article: str = "seed.txt") -> list[int]:
    """One article with ``count`` captions ("Caption N", credit "REUTERS/Photographer N")."""
    with desk.write() as session:
        row = Article(source_path=article, format="text", content_sha256="0", ingested_at=SEEDED_AT)
        session.add(row)
        session.flush()
        assert row.id is not None
        captions = [
            Caption(
                article_id=row.id,
                position=n,
                caption=f"Caption {n}",
                credit=f"REUTERS/Photographer {n}",
                source_caption=f"Caption {n}",
                source_credit=f"REUTERS/Photographer {n}",
            )
            for n in range(1, count + 1)
        ]
        session.add_all(captions)
        session.flush()
        return [c.id for c in captions if c.id is not None]


@pytest.fixture(params=BACKENDS)
def desk_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database, once on SQLite and once on PostgreSQL."""
    with fresh_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def desk(desk_url: str) -> Iterator[Desk]:
    """An open desk at head on each backend, closed after the test."""
    with new_desk(desk_url) as opened:
        yield opened


@pytest.fixture
def demo_copy(desk: Desk, tmp_path: Path) -> tuple[Desk, Path]:
    """The demo desk built on copies of the demo media (``root``), so that a test may write,
    remove or re-scan its pictures without touching the ones in ``media/``."""
    from photodesk.services.demo import build_demo_desk, default_media_root

    root = tmp_path / "media"
    shutil.copytree(default_media_root(), root)
    build_demo_desk(desk, root)
    return desk, root
