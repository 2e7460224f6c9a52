"""The UI never waits for the desk: slow reads run in workers, failures become notices.

Both situations are real ones, made by a second connection to the desk as another editor's
process would: on PostgreSQL it holds the caption table locked, so the app's first read
blocks in the server until the test lets go; and on both backends it deletes a caption behind
the app's back, so reading that caption fails as it would after a colleague re-ingested its
article.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, create_engine, delete, text
from textual.pilot import Pilot

from photodesk.services.demo import build_demo_desk
from photodesk.services.desk import Desk
from photodesk.store.models import Caption
from photodesk.tui.screens.help import HelpScreen
from tests.desk_fixtures import fresh_postgres_url, new_desk
from tests.tui.support import desk_screen, drive, make_app, record_notices, settle, shown_text

BLOCKED = "SELECT count(*) FROM pg_locks WHERE relation = 'caption'::regclass AND NOT granted"


@pytest.fixture
def postgres_demo() -> Iterator[tuple[Desk, str]]:
    """The demo desk in a fresh PostgreSQL schema, and the URL another connection reaches it by."""
    with fresh_postgres_url() as url, new_desk(url) as desk:
        build_demo_desk(desk)
        yield desk, url


async def wait_until_blocked(pilot: Pilot[None], observer: Connection) -> None:
    """Until a query of the app waits in the server for the lock on the caption table."""
    for _ in range(250):
        if observer.execute(text(BLOCKED)).scalar_one():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app's read never reached the locked table")


def test_keys_answer_while_the_desk_is_still_loading(postgres_demo: tuple[Desk, str]) -> None:
    desk, url = postgres_demo
    engine = create_engine(url)
    seen: dict[str, object] = {}
    with engine.connect() as holder, engine.connect() as observer:
        observer = observer.execution_options(isolation_level="AUTOCOMMIT")
        holder.execute(text("LOCK TABLE caption IN ACCESS EXCLUSIVE MODE"))

        async def scenario(pilot: Pilot[None]) -> None:
            screen = desk_screen(pilot)
            await wait_until_blocked(pilot, observer)
            seen["loading"] = shown_text(screen.query_one("#counts"))
            await pilot.press("f1")  # the UI thread answers although the rows' read is blocked
            seen["help"] = isinstance(pilot.app.screen, HelpScreen)
            await pilot.press("escape")
            seen["still blocked"] = screen.counts is None
            holder.rollback()  # the other editor's transaction ends; the read goes through
            await settle(pilot)
            seen["rows"] = len(screen.table.shown)

        drive(make_app(desk), scenario, loaded=False)
    engine.dispose()
    assert "loading" in str(seen["loading"])
    assert seen["help"] is True
    assert seen["still blocked"] is True
    assert seen["rows"] == 7


def test_a_caption_deleted_behind_the_apps_back_is_a_notice_not_a_crash(demo: Desk) -> None:
    app = make_app(demo)
    notices = record_notices(app)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        gone, after = (row.caption_id for row in screen.table.shown[1:3])
        failure = f"reading caption {gone}: caption {gone}: no such caption on this desk"
        with demo.write() as session:  # another editor's unit of work
            session.execute(delete(Caption).where(Caption.id == gone))
        await pilot.press("down")
        await settle(pilot)
        seen["failed once"] = notices.count(failure)
        await pilot.press("down")
        await settle(pilot)
        seen["shown after"] = screen.edit.caption_id == after
        await pilot.press("up")  # back onto the deleted caption: it is read again
        await settle(pilot)
        seen["failed again"] = notices.count(failure)
        seen["back on it"] = screen.table.current == screen.table.shown[1]

    drive(app, scenario)
    assert seen["failed once"] == 1, notices
    assert seen["shown after"] is True
    assert seen["failed again"] == 2, notices
    assert seen["back on it"] is True
