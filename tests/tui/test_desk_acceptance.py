"""Issue 6's acceptance, driven through the real app with Pilot on the demo desk.

Open the desk, filter to problems, fix the missing credit by typing, save, reopen from the
database and find it saved; undo; a code replacement expanding; a draft surviving a restart; a
team-mode conflict shown. Each runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.history import history
from photodesk.services.workbench import Workbench
from photodesk.tui.screens.confirm_quit import ConfirmQuitScreen
from photodesk.tui.screens.conflict import ConflictScreen
from photodesk.tui.widgets.caption_editor import CaptionEditor
from tests.desk_fixtures import new_desk
from tests.tui.support import (
    FREIGHTER,
    desk_screen,
    drive,
    go_to,
    make_app,
    record_notices,
    settle,
    shown_text,
    ticking,
    type_text,
)

FIX = "REUTERS/Pavel Surikov"


async def fix_freighter_credit(pilot: Pilot[None]) -> int:
    """Problems only, onto the freighter caption, into the credit editor, type the credit."""
    screen = desk_screen(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert {row.status for row in screen.table.shown} <= {"warning", "error"}
    caption_id = await go_to(pilot, *FREIGHTER)
    await pilot.press("enter", "tab")
    assert pilot.app.focused is screen.panel.query_one("#credit-input", Input)
    await type_text(pilot, FIX)
    return caption_id


def test_fix_a_missing_credit_by_typing_save_and_find_it_in_the_database(
    demo: Desk, desk_url: str
) -> None:
    found: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        assert screen.counts is not None and screen.counts.missing_credits == 1
        caption_id = await fix_freighter_credit(pilot)
        parse = shown_text(screen.panel.query_one("#credit-parse"))
        assert "Pavel Surikov" in parse and "Reuters" in parse  # the live parse, as typed
        assert screen.edit.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
        found["id"] = caption_id
        found["row"] = screen.table.current
        found["missing"] = screen.counts.missing_credits if screen.counts else None

    drive(make_app(demo), scenario)
    caption_id = found["id"]
    assert isinstance(caption_id, int)
    with new_desk(desk_url) as reopened:  # a new engine: what the database really holds
        saved = get_caption(reopened, caption_id)
        assert saved.credit == FIX
        assert saved.parsed_credit is not None and saved.parsed_credit.creators == (
            "Pavel Surikov",
        )
        assert "PD101" not in {f.code for f in saved.findings}
        assert [(r.field, r.new, r.editor) for r in history(reopened, caption_id)] == [
            ("credit", FIX, "alice")
        ]
        assert not Workbench(reopened, editor="alice").drafts()
    assert found["missing"] == 0
    row = found["row"]
    assert row is not None and getattr(row, "short_credit", None) == "Reuters"


def test_undo_takes_the_saved_credit_back(demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await fix_freighter_credit(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["saved"] = get_caption(demo, caption_id).credit
        await pilot.press("ctrl+z")
        await settle(pilot)
        seen["undone"] = get_caption(demo, caption_id).credit
        seen["editor"] = screen.panel.credit_text
        seen["dirty"] = screen.edit.dirty

    drive(make_app(demo), scenario)
    assert seen == {"saved": FIX, "undone": None, "editor": "", "dirty": False}


def test_codes_expand_as_the_closing_equals_sign_is_typed(demo: Desk, tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_text("kju\tKim Jong Un\tNorth Korean leader Kim Jong Un\nrtr\tREUTERS/\n")
    demo.use_house_style(replace(demo.house, codes_file=str(codes)))
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await go_to(pilot, *FREIGHTER)
        await pilot.press("enter")
        editor = screen.panel.query_one(CaptionEditor)
        editor.text = ""
        await type_text(pilot, "=kju= meets =kju#2")
        seen["before"] = editor.text  # nothing happens until the closing '='
        await type_text(pilot, "= today")
        seen["caption"] = editor.text
        await pilot.press("tab")
        await type_text(pilot, "=rtr=Pavel Surikov")
        seen["credit"] = screen.panel.credit_text

    drive(make_app(demo), scenario)
    assert seen == {
        "before": "Kim Jong Un meets =kju#2",
        "caption": "Kim Jong Un meets North Korean leader Kim Jong Un today",
        "credit": "REUTERS/Pavel Surikov",
    }


def test_a_draft_survives_leaving_the_caption_and_a_restart(demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def first_session(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        seen["id"] = await fix_freighter_credit(pilot)
        await pilot.press("escape", "up")  # leave the caption unsaved
        await settle(pilot)
        seen["marked"] = [r.has_draft for r in screen.table.shown]
        await pilot.press("ctrl+q")
        await settle(pilot)
        seen["asked"] = isinstance(pilot.app.screen, ConfirmQuitScreen)
        await pilot.press("y")

    app = make_app(demo)
    drive(app, first_session)
    assert seen["asked"] is True
    assert seen["marked"] == [False, True]
    caption_id = seen["id"]
    assert isinstance(caption_id, int)
    assert get_caption(demo, caption_id).credit is None  # a draft, not a save

    async def second_session(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        seen["drafts"] = screen.counts.drafts if screen.counts else None
        await go_to(pilot, *FREIGHTER)
        seen["restored"] = screen.panel.credit_text
        seen["dirty"] = screen.edit.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)

    app = make_app(demo)
    notices = record_notices(app)
    drive(app, second_session)
    assert (seen["drafts"], seen["restored"], seen["dirty"]) == (1, FIX, True)
    assert "1 unsaved edits from last time are marked ✎" in notices
    assert get_caption(demo, caption_id).credit == FIX
    assert not Workbench(demo, editor="alice").drafts()


def test_quitting_without_drafts_does_not_ask(demo: Desk) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+q")
        await settle(pilot)

    app = make_app(demo)
    drive(app, scenario)
    assert app.return_code == 0


def test_a_team_mode_conflict_shows_who_and_what_then_overwrites_knowingly(demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        caption_id = await fix_freighter_credit(pilot)
        read = get_caption(demo, caption_id)  # bob saves behind alice's back
        edit_caption(
            demo, caption_id, read.version, {"credit": "Reuters"}, editor="bob", clock=ticking()
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ConflictScreen)
        seen["who"] = shown_text(screen.query_one("#conflict-who"))
        seen["values"] = shown_text(screen.query_one("#conflict-values"))
        seen["kept"] = get_caption(demo, caption_id).credit  # nothing overwritten yet
        await pilot.press("o")
        await settle(pilot)
        seen["saved"] = get_caption(demo, caption_id).credit
        seen["editors"] = [r.editor for r in history(demo, caption_id)]

    drive(make_app(demo), scenario)
    assert "bob" in str(seen["who"]) and "2025-03-03 09:00:00Z" in str(seen["who"])
    assert "Reuters" in str(seen["values"]) and FIX in str(seen["values"])
    assert seen["kept"] == "Reuters"
    assert seen["saved"] == FIX
    assert seen["editors"] == ["bob", "alice"]


def test_a_conflict_can_be_resolved_by_taking_the_other_edit(demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await fix_freighter_credit(pilot)
        read = get_caption(demo, caption_id)
        edit_caption(demo, caption_id, read.version, {"credit": "Reuters"}, editor="bob")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        seen["editor"] = screen.panel.credit_text
        seen["dirty"] = screen.edit.dirty
        seen["saved"] = get_caption(demo, caption_id).credit

    drive(make_app(demo), scenario)
    assert seen == {"editor": "Reuters", "dirty": False, "saved": "Reuters"}
    assert not Workbench(demo, editor="alice").drafts()
