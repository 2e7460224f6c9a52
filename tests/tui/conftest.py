"""The demo desk for the UI tests: on both backends, and on SQLite alone for snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from photodesk.services.demo import build_demo_desk
from photodesk.services.desk import Desk
from tests.desk_fixtures import new_desk


@pytest.fixture
def demo(desk: Desk) -> Desk:
    """The demo desk (3 articles, 7 captions, 12 pictures) on SQLite and on PostgreSQL."""
    build_demo_desk(desk)
    return desk


@pytest.fixture
def sqlite_demo(tmp_path: Path) -> Iterator[Desk]:
    """The demo desk on SQLite only: the snapshots do not depend on the backend."""
    with new_desk(f"sqlite:///{tmp_path / 'desk.db'}") as desk:
        build_demo_desk(desk)
        yield desk
