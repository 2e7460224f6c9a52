"""Export (``x``) and the hand-over's messages, through the real app on a copy of the demo desk:
a sheet never lands on a picture of the desk, an existing file is replaced only once the editor
says so, the file name picks the format, unsaved edits are named before the export, held-back
pictures can be forced onto the ExifTool sheet, and every reason speaks of the UI's controls,
never of command-line options.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from photodesk.services.desk import Desk
from photodesk.services.workbench import Workbench
from photodesk.tui.screens.confirm_replace import ConfirmReplaceScreen
from photodesk.tui.screens.export import ExportScreen
from photodesk.tui.screens.write import WriteScreen
from tests.tui.support import (
    FREIGHTER,
    TIMBER,
    desk_screen,
    drive,
    go_to,
    make_app,
    open_write_preview,
    record_notices,
    replace_text,
    settle,
    shown_text,
    type_text,
)

CARGO = (FREIGHTER[0], 1)  # passes the check
HELD = "AFP_36HJ7ZM.jpg"  # TIMBER's picture: PD102 in the demo, so the check holds it back


async def open_export(pilot: Pilot[None]) -> ExportScreen:
    """Press x on the table; the export screen."""
    desk_screen(pilot).table.focus()
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportScreen)
    return pilot.app.screen


async def export_to(pilot: Pilot[None], path: Path, *clicks: str) -> None:
    """Open the export screen, click ``clicks`` (format, force), type ``path``, press enter."""
    await open_export(pilot)
    for selector in clicks:
        await pilot.click(selector)
    await replace_text(pilot, "#export-path", str(path))
    await pilot.press("enter")
    await settle(pilot)


def test_a_sheet_never_replaces_a_picture_of_the_desk(demo_copy: tuple[Desk, Path]) -> None:
    desk, root = demo_copy
    picture = root / "pictures" / "AFP_36HK2QW.jpg"
    original = picture.read_bytes()
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await export_to(pilot, picture, "#fmt-html")
        assert not isinstance(pilot.app.screen, ConfirmReplaceScreen)  # not even offered

    drive(app, scenario)
    assert picture.read_bytes() == original
    assert f"exporting html to {picture}: {picture}: a picture of the desk; " in "\n".join(notices)


def test_an_existing_file_is_replaced_only_once_the_editor_says_so(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    target = tmp_path / "sheet.csv"
    target.write_text("someone's notes\n", encoding="utf-8")
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await export_to(pilot, target)
        seen["asked"] = pilot.app.screen
        await pilot.press("c")  # cancel: the file stays
        await settle(pilot)
        seen["kept"] = target.read_text(encoding="utf-8")
        await export_to(pilot, target)
        await pilot.press("r")  # replace
        await settle(pilot)

    drive(app, scenario)
    assert isinstance(seen["asked"], ConfirmReplaceScreen)
    assert seen["kept"] == "someone's notes\n"
    assert f"nothing exported: {target} kept as it was" in notices
    assert target.read_text(encoding="utf-8").startswith("SourceFile,")
    assert any(n.startswith(f"exiftool-csv sheet written to {target}") for n in notices)


def test_the_file_name_chooses_the_format_and_the_format_the_name(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    target = tmp_path / "s.json"
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_export(pilot)
        await replace_text(pilot, "#export-path", str(tmp_path / "t.json"))
        seen["typed"] = screen.format  # exiftool-csv was selected: the name made it json
        await pilot.click("#fmt-pdf")
        await settle(pilot)
        seen["renamed"] = screen.query_one("#export-path", Input).value
        await pilot.press("escape")
        await export_to(pilot, target)  # exiftool-csv selected, a .json name typed

    drive(app, scenario)
    assert seen["typed"] == "json"
    assert seen["renamed"] == str(tmp_path / "t.pdf")
    assert len(json.loads(target.read_text(encoding="utf-8"))["captions"]) == 7
    assert any(n.startswith(f"json sheet written to {target}") for n in notices)


def test_the_export_screen_names_an_unsaved_edit(demo_copy: tuple[Desk, Path]) -> None:
    desk, _ = demo_copy
    seen: dict[str, object] = {}
    app = make_app(desk)

    async def scenario(pilot: Pilot[None]) -> None:
        seen["id"] = await go_to(pilot, *CARGO)
        await pilot.press("enter", "tab", "end")
        await type_text(pilot, " (Pool)")
        await pilot.press("escape")
        screen = await open_export(pilot)
        seen["warning"] = shown_text(screen.query_one("#export-drafts", Static))

    drive(app, scenario)
    assert f"Unsaved edit on caption {seen['id']}: the sheet gets the saved text" in str(
        seen["warning"]
    )


def test_the_force_box_puts_held_back_pictures_on_the_exiftool_sheet(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    held, forced = tmp_path / "held.csv", tmp_path / "forced.csv"
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await export_to(pilot, held)
        await export_to(pilot, forced, "#export-force")

    drive(app, scenario)

    def sources(sheet: Path) -> set[str]:
        rows = csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8")))
        return {Path(row["SourceFile"]).name for row in rows}

    assert HELD not in sources(held) and HELD in sources(forced)
    shown = "\n".join(notices)
    assert f"left out: {HELD}: caption " in shown
    assert "fix it, or tick “… held back by the check” to include it anyway" in shown
    assert "--force" not in shown


def test_write_reasons_name_the_screens_controls_not_options(
    demo_copy: tuple[Desk, Path],
) -> None:
    desk, _ = demo_copy
    seen: dict[str, object] = {}
    app = make_app(desk)

    async def scenario(pilot: Pilot[None]) -> None:
        await go_to(pilot, *TIMBER)
        seen["preview"] = await open_write_preview(pilot)

    drive(app, scenario)
    preview = str(seen["preview"])
    assert "fails the check" in preview and "tick “… held back by the check”" in preview
    assert "--force" not in preview


def test_copies_into_the_pictures_own_folder_bring_the_preview_back_first(
    demo_copy: tuple[Desk, Path],
) -> None:
    """The preview is an in-place dry run; copies onto the original are held back only once the
    folder is known, so the editor sees that before anything happens, not after."""
    desk, root = demo_copy
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await go_to(pilot, *CARGO)
        seen["first"] = await open_write_preview(pilot)
        seen["pictures"] = {p.name: p.read_bytes() for p in (root / "pictures").iterdir()}
        await replace_text(pilot, "#write-folder", str(root / "pictures"))  # its own folder
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, WriteScreen)
        seen["second"] = shown_text(pilot.app.screen.query_one("#write-changes", Static))
        seen["folder"] = pilot.app.screen.query_one("#write-folder", Input).value
        await pilot.press("escape")
        await settle(pilot)

    drive(app, scenario)
    assert "changed field" in str(seen["first"]) and "held back" not in str(seen["first"])
    second = str(seen["second"])
    assert "held back" in second
    assert "the folder for the copies is this picture's own folder; choose “in place”" in second
    assert "--in-place" not in second
    assert seen["folder"] == str(root / "pictures")
    assert {p.name: p.read_bytes() for p in (root / "pictures").iterdir()} == seen["pictures"]
    assert not any(n.startswith("wrote ") for n in notices)


def test_the_pdf_notice_names_characters_its_font_cannot_show(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    target = tmp_path / "sheet.pdf"
    app = make_app(desk)
    notices = record_notices(app)
    bob = Workbench(desk, editor="bob")

    async def scenario(pilot: Pilot[None]) -> None:
        caption_id = await go_to(pilot, *CARGO)
        view = bob.detail(caption_id).caption
        bob.save(caption_id, view.version, {"caption": "金正恩 " + view.caption})
        await export_to(pilot, target)

    drive(app, scenario)
    [notice] = [n for n in notices if n.startswith(f"pdf sheet written to {target}")]
    assert "characters the PDF font cannot show (金 正 恩)" in notice, notice
