"""The desk changing under an editor's hands, through the real app: a caption deleted while
typed into, another editor's save under an undo, a template or a link applied while text is
typed, a link by hand taking another caption's picture. Each must keep the editor's text and
say what happened; none may crash the app or undo what the editor never saw.
"""

from __future__ import annotations

import pytest
from sqlmodel import delete
from textual.pilot import Pilot
from textual.widgets import Input

from photodesk.services.desk import Desk
from photodesk.services.editing import get_caption
from photodesk.services.history import history
from photodesk.services.workbench import Workbench
from photodesk.store.models import Caption
from photodesk.tui.screens import desk_base
from photodesk.tui.screens.link import LinkScreen
from photodesk.tui.screens.template import TemplateScreen
from tests.tui.support import (
    FREIGHTER,
    TIMBER,
    desk_screen,
    drive,
    go_to,
    make_app,
    record_notices,
    settle,
    ticking,
    type_text,
)


@pytest.fixture
def slow_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing stays unkept until the editor leaves the caption (no pause is long enough)."""
    monkeypatch.setattr(desk_base, "DRAFT_PAUSE", 600.0)


@pytest.mark.usefixtures("slow_drafts")
@pytest.mark.parametrize("key", ["up", "ctrl+s"], ids=["leaving it", "saving it"])
def test_a_caption_deleted_while_typed_into_hands_the_text_back(
    sqlite_demo: Desk, key: str
) -> None:
    app = make_app(sqlite_demo)
    notices = record_notices(app)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *FREIGHTER)
        await pilot.press("enter")
        await type_text(pilot, "URGENT ")
        with sqlite_demo.write() as session:  # a re-ingest that dropped it, before any draft
            session.execute(delete(Caption).where(Caption.id == caption_id))  # type: ignore[arg-type]
        if key == "up":
            screen.table.focus()
        await pilot.press(key)
        await settle(pilot)
        seen["gone"] = caption_id
        seen["rows"] = [row.caption_id for row in screen.rows]
        seen["clipboard"] = pilot.app.clipboard
        seen["shown"] = screen.edit.caption_id

    drive(app, scenario)
    assert seen["gone"] not in seen["rows"], notices  # type: ignore[operator]
    assert str(seen["clipboard"]).startswith("URGENT ")
    removed = [n for n in notices if "removed from the desk while you edited it" in n]
    assert len(removed) == 1 and "URGENT " in removed[0], notices
    assert seen["shown"] is not None and seen["shown"] != seen["gone"]


def test_undo_never_reverts_another_editors_save_the_editor_has_not_seen(
    sqlite_demo: Desk,
) -> None:
    app = make_app(sqlite_demo)
    notices = record_notices(app)
    seen: dict[str, object] = {}
    bob = Workbench(sqlite_demo, editor="bob", clock=ticking())

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *TIMBER)
        version = get_caption(sqlite_demo, caption_id).version
        bob.save(caption_id, version, {"caption": "Bob rewrote this caption."})
        await pilot.press("ctrl+z")
        await settle(pilot)
        seen["desk"] = get_caption(sqlite_demo, caption_id).caption
        seen["panel"] = screen.panel.caption_text

    drive(app, scenario)
    assert seen["desk"] == "Bob rewrote this caption."
    assert seen["panel"] == "Bob rewrote this caption."  # now seen: a second ctrl+z may undo it
    assert any("changed by bob" in n for n in notices), notices


@pytest.mark.usefixtures("slow_drafts")
def test_a_template_on_other_captions_keeps_the_text_typed_on_screen(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await pilot.press("space", "space")  # the first two captions; the cursor on the third
        await settle(pilot)
        await pilot.press("enter")
        await type_text(pilot, "IMPORTANT ")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TemplateScreen)
        await type_text(pilot, "{credit}/File")
        await pilot.press("enter")
        await settle(pilot)
        seen["typed"] = screen.panel.caption_text
        seen["dirty"] = screen.edit.dirty

    drive(make_app(sqlite_demo), scenario)
    assert str(seen["typed"]).startswith("IMPORTANT ")
    assert seen["dirty"] is True


def test_a_link_by_hand_names_the_caption_that_lost_the_picture(sqlite_demo: Desk) -> None:
    app = make_app(sqlite_demo)
    notices = record_notices(app)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *FREIGHTER)
        other = next(
            row
            for row in screen.rows
            if row.article == FREIGHTER[0] and row.caption_id != caption_id and row.picture
        )
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LinkScreen)
        pilot.app.screen.query_one("#link-input", Input).focus()
        await type_text(pilot, str(other.picture))
        await pilot.press("enter")
        await settle(pilot)
        seen["other"] = other.caption_id
        seen["other row"] = next(r for r in screen.rows if r.caption_id == other.caption_id)

    drive(app, scenario)
    other = seen["other"]
    assert isinstance(other, int)
    assert get_caption(sqlite_demo, other).picture_id is None
    assert any(f"caption {other} lost that picture" in n for n in notices), notices
    assert [r.field for r in history(sqlite_demo, other)] == ["picture"]
    assert getattr(seen["other row"], "picture", "?") is None
