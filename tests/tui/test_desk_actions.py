"""The desk's other keys, through the real app: filters, jumps, selection and templates, the
embedded credit, linking by hand, the keymap, the palette and the help screen.

These run on SQLite only: the acceptance tests cover both backends, and nothing here depends on
the database beyond what they already exercise.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from photodesk.services.desk import Desk
from photodesk.services.editing import get_caption
from photodesk.services.linking_views import ProposalView
from photodesk.services.workbench import Workbench
from photodesk.tui.app import PhotodeskApp
from photodesk.tui.screens.desk import DeskScreen
from photodesk.tui.screens.help import HelpScreen
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
    shown_text,
    ticking,
    type_text,
)


def shown(pilot: Pilot[None]) -> list[tuple[str, int]]:
    return [(r.article, r.position) for r in desk_screen(pilot).table.shown]


def test_filters_narrow_the_table_and_undo_themselves(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        seen["all"] = len(shown(pilot))
        await pilot.press("u")  # every demo caption is linked
        seen["unlinked"] = len(shown(pilot))
        seen["bar"] = shown_text(screen.query_one("#filter-text"))
        await pilot.press("u")
        await go_to(pilot, *FREIGHTER)
        await pilot.press("a")
        seen["article"] = {article for article, _ in shown(pilot)}
        await pilot.press("a", "slash")
        await type_text(pilot, "TIMBER")
        seen["search"] = shown(pilot)
        await pilot.press("enter")
        seen["focus"] = pilot.app.focused is screen.table
        await pilot.press("slash", "ctrl+u", "escape")  # an emptied search goes away
        seen["cleared"] = len(shown(pilot))
        seen["search shown"] = screen.query_one("#search").display

    drive(make_app(sqlite_demo), scenario)
    assert seen["all"] == 7
    assert seen["unlinked"] == 0
    assert "showing: unlinked  (0 of 7)" in str(seen["bar"])
    assert seen["article"] == {FREIGHTER[0]}
    assert seen["search"] == [TIMBER]
    assert seen["focus"] is True
    assert seen["cleared"] == 7
    assert seen["search shown"] is False


def test_search_finds_an_accented_name_typed_without_accents(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        await type_text(pilot, "lea fournier")
        seen["credits"] = [r.credit for r in desk_screen(pilot).table.shown]

    drive(make_app(sqlite_demo), scenario)
    assert seen["credits"] == ["Léa Fournier/Getty Images"]


def test_n_and_shift_n_jump_between_problems_and_wrap(sqlite_demo: Desk) -> None:
    visited: list[tuple[str, int]] = []

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        for key in ("n", "n", "n", "N"):
            await pilot.press(key)
            await settle(pilot)
            row = screen.table.current
            assert row is not None
            visited.append((row.article, row.position))

    drive(make_app(sqlite_demo), scenario)
    assert visited == [TIMBER, FREIGHTER, TIMBER, FREIGHTER]


def test_a_template_applies_to_the_selected_captions(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await pilot.press("space", "space")  # the first two captions, cursor moving down
        seen["marked"] = screen.table.marked_ids()
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TemplateScreen)
        await type_text(pilot, "{credit}/File")
        await pilot.press("enter")
        await settle(pilot)
        seen["marks after"] = screen.table.marked_ids()
        seen["rows"] = [r.credit for r in screen.rows[:3]]

    drive(make_app(sqlite_demo), scenario)
    first, second = seen["marked"]  # type: ignore[misc]
    assert get_caption(sqlite_demo, first).credit.endswith("/File")  # type: ignore[union-attr]
    assert get_caption(sqlite_demo, second).credit.endswith("/File")  # type: ignore[union-attr]
    rows = seen["rows"]
    assert isinstance(rows, list) and rows[0].endswith("/File") and not rows[2].endswith("/File")
    assert seen["marks after"] == []


def with_codes(desk: Desk, folder: Path) -> None:
    """A codes file beside the test, used by the desk's house style."""
    codes = folder / "codes.txt"
    codes.write_text("khb\tKhabarovsk\nkju\tKim Jong Un\nrtr\tREUTERS/\n", encoding="utf-8")
    desk.use_house_style(replace(desk.house, codes_file=str(codes)))


def test_codes_in_a_template_are_expanded_before_it_is_applied(
    sqlite_demo: Desk, tmp_path: Path
) -> None:
    with_codes(sqlite_demo, tmp_path)
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await pilot.press("space")
        seen["marked"] = screen.table.marked_ids()
        await pilot.press("ctrl+t")
        await settle(pilot)
        await type_text(pilot, "{credit}/File =khb=")
        seen["typed"] = pilot.app.screen.query_one("#template-input", Input).value
        await pilot.press("end")
        pilot.app.post_message(events.Paste(" =kju= and =rtr="))  # as a terminal pastes
        await settle(pilot)
        seen["pasted"] = pilot.app.screen.query_one("#template-input", Input).value
        await pilot.press("enter")
        await settle(pilot)

    drive(make_app(sqlite_demo), scenario)
    assert seen["typed"] == "{credit}/File Khabarovsk"
    assert seen["pasted"] == "{credit}/File Khabarovsk Kim Jong Un and REUTERS/"
    (caption_id,) = seen["marked"]  # type: ignore[misc]
    credit = get_caption(sqlite_demo, caption_id).credit
    assert credit is not None and credit.endswith("/File Khabarovsk Kim Jong Un and REUTERS/")


def test_codes_in_text_pasted_into_the_editors_are_expanded(
    sqlite_demo: Desk, tmp_path: Path
) -> None:
    with_codes(sqlite_demo, tmp_path)
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await go_to(pilot, *FREIGHTER)
        await pilot.press("enter")  # the cursor at the start of the caption
        pilot.app.post_message(events.Paste("=kju= visits =khb= (=x= stays). "))
        await settle(pilot)
        seen["caption"] = screen.panel.caption_text.split(". ")[0]
        await pilot.press("tab")
        pilot.app.post_message(events.Paste("=rtr=Pavel Surikov"))
        await settle(pilot)
        seen["credit"] = screen.panel.credit_text

    drive(make_app(sqlite_demo), scenario)
    assert seen == {
        "caption": "Kim Jong Un visits Khabarovsk (=x= stays)",
        "credit": "REUTERS/Pavel Surikov",
    }


def test_ctrl_z_undoes_typing_before_it_undoes_a_saved_change(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *FREIGHTER)
        before = screen.panel.caption_text
        await pilot.press("enter", "end")
        await type_text(pilot, " Oops")
        await pilot.press("ctrl+z")
        await settle(pilot)
        seen["text back"] = screen.panel.caption_text == before
        seen["dirty"] = screen.edit.dirty
        seen["saved"] = get_caption(sqlite_demo, caption_id).caption == before

    drive(make_app(sqlite_demo), scenario)
    assert seen == {"text back": True, "dirty": False, "saved": True}


def test_ctrl_e_puts_the_embedded_credit_in_the_editor(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await go_to(pilot, *FREIGHTER)
        await pilot.press("ctrl+e")
        await settle(pilot)
        seen["credit"] = screen.panel.credit_text
        seen["dirty"] = screen.edit.dirty
        seen["findings"] = shown_text(screen.panel.query_one("#findings"))

    drive(make_app(sqlite_demo), scenario)
    assert seen["credit"] == "REUTERS/Pavel Surikov"
    assert seen["dirty"] is True
    assert "PD101" not in str(seen["findings"])  # the live check already counts it


def test_link_by_hand_from_the_link_screen(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *FREIGHTER)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LinkScreen)
        pilot.app.screen.query_one("#link-input", Input).focus()  # only "remove the link" above
        await type_text(pilot, "AFP_33VU6HT.jpg")
        await pilot.press("enter")
        await settle(pilot)
        seen["row"] = screen.table.current
        seen["caption"] = get_caption(sqlite_demo, caption_id).picture_id

    drive(make_app(sqlite_demo), scenario)
    row = seen["row"]
    assert row is not None and getattr(row, "picture", None) == "AFP_33VU6HT.jpg"
    assert seen["caption"] is not None


def test_the_link_screen_ranks_candidates_with_their_reasons(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}
    wb = Workbench(sqlite_demo, editor="alice")
    pictures = {r.picture: r.picture_path for r in wb.rows()}
    candidates = (
        ProposalView(3, str(pictures["AFP_36HJ7ZM.jpg"]), 0.91, "file name in the article"),
        ProposalView(1, "/elsewhere/AFP_33VU6HT.jpg", 0.42, "same day"),
    )

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *TIMBER)
        assert screen.edit.detail is not None
        screen.edit.detail = replace(screen.edit.detail, proposals=candidates)
        await pilot.press("ctrl+l")
        await settle(pilot)
        link = pilot.app.screen
        assert isinstance(link, LinkScreen)
        options = link.query_one(OptionList)
        seen["options"] = [str(options.get_option_at_index(i).prompt) for i in range(3)]
        await pilot.press("down", "enter")  # the second candidate
        await settle(pilot)
        seen["picture"] = get_caption(sqlite_demo, caption_id).picture_id

    drive(make_app(sqlite_demo), scenario)
    first, second, last = seen["options"]  # type: ignore[misc]
    assert first.startswith(" 0.91  ★ AFP_36HJ7ZM.jpg") and "file name in the article" in first
    assert second.startswith(" 0.42  AFP_33VU6HT.jpg") and "same day" in second
    assert last == "remove the link"
    assert seen["picture"] == 1


def test_a_keymap_remaps_a_key_and_the_help_screen_says_so(sqlite_demo: Desk) -> None:
    app = PhotodeskApp(
        Workbench(sqlite_demo, editor="alice", clock=ticking()), keymap={"save": "ctrl+w"}
    )
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *FREIGHTER)
        await pilot.press("enter", "tab")
        await type_text(pilot, "Reuters")
        await pilot.press("ctrl+w")
        await settle(pilot)
        seen["saved"] = get_caption(sqlite_demo, caption_id).credit
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        seen["help"] = shown_text(pilot.app.screen.query_one("#help-keys"))
        await pilot.press("escape")
        seen["back"] = isinstance(pilot.app.screen, DeskScreen)
        del screen

    drive(app, scenario)
    assert seen["saved"] == "Reuters"
    help_text = str(seen["help"])
    assert "ctrl+w" in help_text and "ctrl+s" not in help_text
    assert "Next problem" in help_text and "Embedded credit" in help_text
    assert seen["back"] is True


def test_every_desk_action_is_in_the_command_palette(sqlite_demo: Desk) -> None:
    titles: list[str] = []

    async def scenario(pilot: Pilot[None]) -> None:
        commands = pilot.app.get_system_commands(pilot.app.screen)
        titles.extend(command.title for command in commands)

    drive(make_app(sqlite_demo), scenario)
    for title in ("Save", "Undo", "Embedded credit", "Link", "Template", "Problems", "Search"):
        assert title in titles


def test_a_palette_command_runs_its_action(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        commands = {c.title: c for c in pilot.app.get_system_commands(screen)}
        await commands["Problems"].callback()
        await settle(pilot)
        seen["rows"] = len(screen.table.shown)

    drive(make_app(sqlite_demo), scenario)
    assert seen["rows"] == 2


def test_an_unusable_codes_file_is_said_once_and_codes_stay_as_typed(
    sqlite_demo: Desk, tmp_path: Path
) -> None:
    sqlite_demo.use_house_style(replace(sqlite_demo.house, codes_file=str(tmp_path / "gone.txt")))
    app = make_app(sqlite_demo)
    notices = record_notices(app)
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        await go_to(pilot, *FREIGHTER)
        await pilot.press("enter", "tab")
        await type_text(pilot, "=rtr=")
        seen["credit"] = screen.panel.credit_text
        screen.reload_rows()  # as after a link: the desk is read again, the notice not repeated
        await settle(pilot)

    drive(app, scenario)
    assert seen["credit"] == "=rtr="
    assert [n for n in notices if "gone.txt" in n] == [
        f"codes file {tmp_path / 'gone.txt'}: no such file"
    ]
