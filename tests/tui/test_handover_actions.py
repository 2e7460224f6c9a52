"""The hand-over keys through the real app, on the demo desk built on copies of media/:
``w`` writes the selection into the files (preview, then copies or in place), ``x`` exports a
sheet, ``f5`` rescans the desk's pictures. Both backends (``demo_copy``); the effects are read
back from the files themselves.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from textual.pilot import Pilot

from photodesk.metadata.read import read_file
from photodesk.metadata.write import write_picture
from photodesk.services.desk import Desk
from photodesk.services.workbench import DeskRow
from photodesk.tui.bindings import key_help
from photodesk.tui.messages import WorkProgressed
from photodesk.tui.progress import PostingProgress
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
    type_text,
)

CARGO = (FREIGHTER[0], 1)  # REUTERS/Pavel Surikov on a picture whose file says REUTERS
NEW_CREDIT = "REUTERS/Pavel Surikov"


def picture_of(root: Path, pilot: Pilot[None], article: str, position: int) -> Path:
    """The picture file of a caption (the table shows its name; the copies live in ``root``)."""
    rows = desk_screen(pilot).rows
    row = next(r for r in rows if (r.article, r.position) == (article, position))
    assert row.picture is not None
    return root / "pictures" / Path(row.picture).name


def test_write_copies_of_the_selection_carry_the_saved_credit(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, root = demo_copy
    out = tmp_path / "copies"
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await go_to(pilot, *FREIGHTER)  # no credit yet (PD101): held back until it has one
        await pilot.press("enter", "tab")
        await type_text(pilot, NEW_CREDIT)
        await pilot.press("ctrl+s", "escape")
        await settle(pilot)
        await pilot.press("space")
        await go_to(pilot, *CARGO)
        await pilot.press("space")
        seen["pictures"] = pictures = [
            picture_of(root, pilot, *FREIGHTER),
            picture_of(root, pilot, *CARGO),
        ]
        seen["originals"] = [picture.read_bytes() for picture in pictures]
        seen["preview"] = await open_write_preview(pilot)
        await replace_text(pilot, "#write-folder", str(out))
        await pilot.press("enter")
        await settle(pilot)
        seen["top"] = pilot.app.screen

    drive(app, scenario)
    preview = str(seen["preview"])
    pictures = seen["pictures"]
    assert isinstance(pictures, list)
    originals = seen["originals"]
    assert isinstance(originals, list)
    for picture, original in zip(pictures, originals, strict=True):
        assert picture.name in preview
        assert read_file(out / picture.name).values["credit"] == NEW_CREDIT
        assert picture.read_bytes() == original  # copies: the original is never opened to write
    assert f"credit: 'REUTERS' → '{NEW_CREDIT}'" in preview
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in pictures)
    assert seen["top"] is not None and not isinstance(seen["top"], WriteScreen)
    assert any(n.startswith("wrote 2 of 2 pictures, copies in") for n in notices)


def test_the_preview_names_an_unsaved_edit_and_escape_writes_nothing(
    demo_copy: tuple[Desk, Path],
) -> None:
    desk, _ = demo_copy
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        caption_id = await go_to(pilot, *CARGO)
        await pilot.press("enter", "tab", "end")
        await type_text(pilot, " (Pool)")
        await pilot.press("escape")
        seen["id"] = caption_id
        seen["preview"] = await open_write_preview(pilot)
        await pilot.press("escape")
        await settle(pilot)

    drive(app, scenario)
    preview = str(seen["preview"])
    assert f"Unsaved edit on caption {seen['id']}: the file gets the saved text" in preview
    assert "nothing written" in notices
    assert not (desk.folder / "handover").exists()


def test_write_in_place_forced_keeps_a_backup_and_the_row_follows_the_file(
    demo_copy: tuple[Desk, Path],
) -> None:
    desk, root = demo_copy
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await go_to(pilot, *TIMBER)  # PD102: an AP credit on an AFP picture
        screen = desk_screen(pilot)
        seen["before"] = screen.table.current
        seen["picture"] = picture = picture_of(root, pilot, *TIMBER)
        seen["original"] = picture.read_bytes()
        seen["preview"] = await open_write_preview(pilot)
        await pilot.click("#write-here")
        await pilot.click("#write-force")
        await pilot.click("#write")
        await settle(pilot)
        seen["after"] = screen.table.current
        seen["panel"] = screen.edit.detail

    drive(app, scenario)
    before, after = seen["before"], seen["after"]
    assert isinstance(before, DeskRow) and isinstance(after, DeskRow)
    picture = seen["picture"]
    assert isinstance(picture, Path)
    assert "held back" in str(seen["preview"]) and "fails the check" in str(seen["preview"])
    backup = picture.with_name(f".{picture.name}.orig")
    assert backup.read_bytes() == seen["original"]
    assert read_file(picture).values["credit"] == "AP Photo/Nikolai Kravets"
    assert (before.status, after.status) == ("error", "ok")
    assert any(n.startswith("wrote 1 of 1 pictures, in place") for n in notices)


def test_export_writes_json_and_an_exiftool_sheet_to_the_chosen_paths(
    demo_copy: tuple[Desk, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, _ = demo_copy
    monkeypatch.chdir(tmp_path)  # the default path is photodesk-sheet.<ext> here
    app = make_app(desk)
    notices = record_notices(app)
    elsewhere = tmp_path / "sheets" / "desk.csv"
    elsewhere.parent.mkdir()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        await pilot.click("#fmt-json")
        await pilot.click("#export")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await replace_text(pilot, "#export-path", str(elsewhere))
        await pilot.press("enter")
        await settle(pilot)

    drive(app, scenario)
    sheet = json.loads((tmp_path / "photodesk-sheet.json").read_text(encoding="utf-8"))
    assert len(sheet["captions"]) == 7
    header = next(csv.reader(io.StringIO(elsewhere.read_text(encoding="utf-8"))))
    assert header[0] == "SourceFile"
    assert f"json sheet written to {tmp_path / 'photodesk-sheet.json'}" in notices
    assert f"exiftool-csv sheet written to {elsewhere}" in "\n".join(notices)


def test_an_export_that_cannot_be_written_is_one_error_naming_the_file(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    app = make_app(desk)
    notices = record_notices(app)
    target = tmp_path / "no-such-folder" / "sheet.json"

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("x")
        await settle(pilot)
        await replace_text(pilot, "#export-path", str(target))
        await pilot.press("enter")
        await settle(pilot)
        assert not desk_screen(pilot).work_bar.display
        await pilot.press("x")  # the desk is usable again: the next export can start
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)

    drive(app, scenario)
    assert not target.exists()
    errors = [n for n in notices if str(target) in n]
    assert errors == [f"exporting json to {target}: {target}: No such file or directory"]


def test_rescan_picks_up_a_file_changed_behind_the_desks_back(
    demo_copy: tuple[Desk, Path],
) -> None:
    desk, root = demo_copy
    seen: dict[str, object] = {}
    app = make_app(desk)
    notices = record_notices(app)

    async def scenario(pilot: Pilot[None]) -> None:
        await go_to(pilot, *CARGO)
        screen = desk_screen(pilot)
        seen["before"] = screen.table.current
        picture = picture_of(root, pilot, *CARGO)
        values = dict(read_file(picture).values)
        values.update(credit="AFP", source="AFP", creators=("Yulia Zorina",))  # another tool
        write_picture(picture, values, picture)
        await pilot.press("f5")
        await settle(pilot)
        seen["after"] = screen.table.current
        detail = screen.edit.detail
        assert detail is not None
        seen["embedded"] = detail.embedded_credit

    drive(app, scenario)
    before, after = seen["before"], seen["after"]
    assert isinstance(before, DeskRow) and isinstance(after, DeskRow)
    assert before.status == "ok"
    assert after.status == "error" and "PD102" in after.codes
    assert seen["embedded"] == "Yulia Zorina / AFP"  # the panel shows what the file says now
    assert any(n.startswith("scanned 12: 0 new, 1 changed") for n in notices)


def test_the_new_keys_are_in_help_and_the_palette() -> None:
    lines = {line.description: line.keys for line in key_help()}
    assert lines["Write to files"] == "w"
    assert lines["Export"] == "x"
    assert lines["Rescan pictures"] == "f5"


def test_progress_posts_each_phase_without_flooding_the_screen() -> None:
    posted: list[WorkProgressed] = []

    def post(message: object) -> bool:
        assert isinstance(message, WorkProgressed)
        posted.append(message)
        return True

    progress = PostingProgress(post)
    progress.begin("reading pictures", 1000)
    for _ in range(1000):
        progress.advance()
    progress.end()
    progress.begin("looking for pictures", None)
    for _ in range(45):
        progress.advance()
    progress.end()
    reading = [(m.done, m.total) for m in posted if m.label == "reading pictures"]
    looking = [(m.done, m.total) for m in posted if m.label == "looking for pictures"]
    assert reading[0] == (0, 1000) and reading[-1] == (1000, 1000) and len(reading) == 51
    assert looking == [(0, None), (20, None), (40, None), (45, None)]
