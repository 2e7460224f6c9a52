"""The workbench the terminal UI stands on, on the demo desk's real articles and pictures.

Every test runs on SQLite and on PostgreSQL (the ``desk`` / ``desk_url`` fixtures). The demo
desk plants two problems: the freighter caption has no credit although its Reuters picture has
one (PD101), and the timber caption credits AP for an AFP picture (PD102).
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from photodesk.core.rules import HouseStyle
from photodesk.services.demo import build_demo_desk, default_media_root
from photodesk.services.desk import Desk
from photodesk.services.editing import EditConflict, get_caption
from photodesk.services.history import history, revert
from photodesk.services.workbench import Workbench
from photodesk.services.workbench_handover import format_named, renamed_for
from tests.desk_fixtures import new_desk

FREIGHTER = ("2024-10-11_amur-ledger_cargo-terminal.md", 2)  # PD101
CRANE = ("2024-10-11_amur-ledger_cargo-terminal.md", 1)  # ok, REUTERS/Pavel Surikov
TIMBER = ("2024-10-10_ap_shipyard-visit.html", 2)  # PD102: AP credit, AFP picture
HANDOUT = ("2024-10-10_afp_amur-forum-ends.txt", 1)  # AFP handout with restrictions
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def ticking() -> Callable[[], datetime]:
    """A clock that moves one second a call, so revisions have distinct times."""
    moments = (T0 + timedelta(seconds=n) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def wb(desk: Desk) -> Workbench:
    build_demo_desk(desk)
    return Workbench(desk, editor="alice", clock=ticking())


def ids(wb: Workbench) -> dict[tuple[str, int], int]:
    return {(row.article, row.position): row.caption_id for row in wb.rows()}


def test_rows_are_in_article_and_position_order_with_the_planted_problems(wb: Workbench) -> None:
    rows = wb.rows()
    assert len(rows) == 7
    assert [(r.article_path, r.position) for r in rows] == sorted(
        (r.article_path, r.position) for r in rows
    )
    by_place = {(r.article, r.position): r for r in rows}
    freighter, timber, crane = by_place[FREIGHTER], by_place[TIMBER], by_place[CRANE]
    assert (freighter.status, freighter.credit, freighter.short_credit) == ("error", None, "")
    assert freighter.codes[0] == "PD101" and freighter.linked
    assert freighter.picture is not None and "LYNXMPEK9A0D1" in freighter.picture
    assert (timber.status, timber.codes, timber.short_credit) == ("error", ("PD102",), "AP")
    assert timber.picture == "AFP_36HJ7ZM.jpg"
    assert (crane.status, crane.codes, crane.short_credit) == ("ok", (), "Reuters")
    assert by_place[HANDOUT].short_credit == "AFP" and not any(r.has_draft for r in rows)
    assert {r.status for r in rows if r not in (freighter, timber)} == {"ok"}


def test_counts_are_the_headers_figures(wb: Workbench) -> None:
    counts = wb.counts()
    assert (counts.pictures, counts.captions, counts.missing_credits) == (12, 7, 1)
    assert (counts.errors, counts.warnings, counts.drafts, counts.unlinked) == (2, 0, 0, 0)
    assert wb.counts(wb.rows()) == counts


def test_the_detail_shows_the_embedded_metadata_beside_ours(wb: Workbench) -> None:
    detail = wb.detail(ids(wb)[FREIGHTER])
    assert detail.caption.credit is None and "PD101" in {f.code for f in detail.caption.findings}
    assert detail.article_path.endswith(FREIGHTER[0]) and detail.article_title
    assert detail.embedded is not None and detail.embedded["credit"] == "REUTERS"
    assert detail.embedded["creators"] == ["Pavel Surikov"]
    assert detail.picture_path == detail.embedded["file"]
    compared = {row.field: row for row in detail.ours_vs_theirs}
    assert compared["credit"].differs and compared["creators"].differs
    assert not compared["source"].differs  # the source is Reuters itself
    assert compared["description"].embedded.startswith("The river freighter")
    assert detail.embedded_credit == "REUTERS/Pavel Surikov" and detail.draft is None
    crane = {row.field: row for row in wb.detail(ids(wb)[CRANE]).ours_vs_theirs}
    assert not crane["credit"].differs and not crane["creators"].differs
    timber = {row.field: row for row in wb.detail(ids(wb)[TIMBER]).ours_vs_theirs}
    assert timber["credit"].differs and timber["creators"].differs  # AP vs AFP, Kravets/Zorina


def test_the_detail_puts_the_agencys_restrictions_forward(wb: Workbench) -> None:
    detail = wb.detail(ids(wb)[HANDOUT])
    assert detail.instructions.startswith("RESTRICTED TO EDITORIAL USE")
    kinds = {r.kind for r in detail.restrictions}
    assert {"editorial-only", "mandatory-credit", "no-marketing"} <= kinds
    demanded = next(r for r in detail.restrictions if r.kind == "mandatory-credit")
    assert demanded.credit is not None and "KHABAROVSK" in demanded.credit


def test_live_check_flags_a_missing_credit_and_clears_it_as_one_is_typed(wb: Workbench) -> None:
    cid = ids(wb)[FREIGHTER]
    caption = wb.detail(cid).caption.caption
    empty = wb.live_check(cid, caption, "  ")
    assert empty.parsed is None and empty.status == "error"
    assert "PD101" in {f.code for f in empty.findings}
    typed = wb.live_check(cid, caption, "REUTERS/Pavel Surikov")
    assert typed.parsed is not None and typed.parsed.agency == "Reuters"
    assert typed.parsed.creators == ("Pavel Surikov",)
    assert "PD101" not in {f.code for f in typed.findings}
    wrong = wb.live_check(cid, caption, "AP Photo/Nikolai Kravets")
    assert "PD102" in {f.code for f in wrong.findings}
    assert get_caption(wb.desk, cid).credit is None  # checking as you type writes nothing


def test_live_check_is_what_the_save_stores(wb: Workbench) -> None:
    cid = ids(wb)[TIMBER]
    before = wb.detail(cid).caption
    live = wb.live_check(cid, before.caption + "  ", " Yulia Zorina / AFP")
    saved = wb.save(cid, before.version, {"credit": " Yulia Zorina / AFP"})
    assert [f.code for f in saved.findings] == [f.code for f in live.findings]
    assert saved.status == live.status and saved.parsed_credit == live.parsed


def test_live_check_is_fast_enough_for_every_keystroke(wb: Workbench) -> None:
    cid = ids(wb)[HANDOUT]
    caption = wb.detail(cid).caption.caption
    times = []
    for n in range(60):
        started = time.perf_counter()
        wb.live_check(cid, caption[: 40 + n], "Photo by Handout / Government of Khabarovsk"[:n])
        times.append(time.perf_counter() - started)
    assert statistics.median(times) < 0.005


def test_a_save_is_there_when_the_desk_is_opened_again(desk_url: str) -> None:
    with new_desk(desk_url) as desk:
        build_demo_desk(desk)
        wb = Workbench(desk, editor="alice")
        cid = ids(wb)[FREIGHTER]
        version = wb.detail(cid).caption.version
        wb.save_draft(cid, version, "half-typed", None)
        saved = wb.save(cid, version, {"credit": wb.embedded_credit(cid)})
        assert saved.version == version + 1 and saved.edited_by == "alice"
        with pytest.raises(EditConflict):
            wb.save(cid, version, {"credit": "REUTERS"})
    with new_desk(desk_url) as desk:
        wb = Workbench(desk, editor="alice")
        row = next(r for r in wb.rows() if r.caption_id == cid)
        assert (row.credit, row.short_credit, row.has_draft) == (
            "REUTERS/Pavel Surikov",
            "Reuters",
            False,
        )
        assert "PD101" not in row.codes and wb.drafts() == {}
        assert wb.counts().missing_credits == 0


def test_undo_walks_back_through_the_saved_changes(wb: Workbench) -> None:
    cid = ids(wb)[CRANE]
    first = wb.detail(cid).caption
    second = wb.save(cid, first.version, {"credit": "REUTERS/P. Surikov"})
    third = wb.save(cid, second.version, {"caption": "A crane in Khabarovsk on October 10."})
    undone = wb.undo(cid)
    assert undone is not None and (undone.field, undone.new) == ("caption", first.caption)
    undone = wb.undo(cid)
    assert undone is not None and (undone.field, undone.new) == ("credit", "REUTERS/Pavel Surikov")
    assert wb.undo(cid) is None  # the demo's captions were ingested, not edited
    now = get_caption(wb.desk, cid)
    assert (now.caption, now.credit, now.version) == (
        first.caption,
        first.credit,
        third.version + 2,
    )
    assert [r.editor for r in history(wb.desk, cid)] == ["alice"] * 4


def test_undo_after_a_redo_undoes_the_change_again(wb: Workbench) -> None:
    cid = ids(wb)[CRANE]
    wb.save(cid, wb.detail(cid).caption.version, {"credit": "REUTERS"})
    undo = wb.undo(cid)
    assert undo is not None
    revert(wb.desk, undo.id, editor="bob")  # a redo, from the command line
    again = wb.undo(cid)
    assert again is not None and again.new == "REUTERS/Pavel Surikov"


def test_the_embedded_credit_is_pd101s_fix_and_none_without_a_picture(wb: Workbench) -> None:
    places = ids(wb)
    assert wb.embedded_credit(places[FREIGHTER]) == "REUTERS/Pavel Surikov"
    timber = wb.embedded_credit(places[TIMBER])  # the by-line as AFP writes it
    assert timber is not None and timber.casefold() == "yulia zorina / afp"
    wb.unlink(places[CRANE])
    assert wb.embedded_credit(places[CRANE]) is None
    assert wb.preview(places[CRANE], 40, 10) is None
    assert not next(r for r in wb.rows() if r.caption_id == places[CRANE]).linked


def test_linking_by_hand_changes_what_live_check_sees(wb: Workbench) -> None:
    cid = ids(wb)[CRANE]
    caption = wb.detail(cid).caption
    assert "PD102" not in {
        f.code for f in wb.live_check(cid, caption.caption, caption.credit).findings
    }
    outcome = wb.link(cid, "AFP_36HJ7ZM.jpg")
    assert outcome.picture is not None and outcome.picture.endswith("AFP_36HJ7ZM.jpg")
    assert "PD102" in {f.code for f in wb.live_check(cid, caption.caption, caption.credit).findings}


def test_a_template_changes_each_selected_caption_as_a_revision(wb: Workbench) -> None:
    places = ids(wb)
    chosen = [places[CRANE], places[FREIGHTER]]
    changed = wb.apply_template(chosen, "caption", "{caption} (File photo)")
    assert [c.id for c in changed] == chosen
    assert all(c.caption.endswith(". (File photo)") for c in changed)
    assert wb.apply_template(chosen, "caption", "{caption}") == []  # nothing to change
    credits = wb.apply_template(chosen, "credit", "{credit}/File")
    assert [c.credit for c in credits] == ["REUTERS/Pavel Surikov/File", "/File"]
    assert [r.field for r in history(wb.desk, places[CRANE])] == ["caption", "credit"]
    with pytest.raises(ValueError, match="only caption and credit"):
        wb.apply_template(chosen, "picture", "{caption}")


def test_a_template_does_not_expand_placeholders_inside_the_values(wb: Workbench) -> None:
    cid = ids(wb)[CRANE]
    [saved] = wb.apply_template([cid], "caption", "{credit} says {caption}")
    assert saved.caption.startswith("REUTERS/Pavel Surikov says A crane")
    [again] = wb.apply_template([cid], "caption", "{caption} {credit}")
    assert again.caption.count("{") == 0


def test_the_preview_fits_half_block_cells_without_a_full_decode(wb: Workbench) -> None:
    cid = ids(wb)[CRANE]  # a 1200 x 800 Reuters picture
    preview = wb.preview(cid, 40, 10)
    assert preview is not None and (preview.width, preview.height) == (30, 20)
    assert len(preview.pixels) == 30 * 20 * 3
    assert len(preview.pixel_rows()) == 20 and len(preview.pixel_rows()[0]) == 30
    assert preview.pixel(0, 0) == preview.pixel_rows()[0][0]
    assert wb.preview(cid, 40, 10) is preview  # cached: moving back costs nothing
    wide = wb.preview(cid, 120, 10)
    assert wide is not None and (wide.width, wide.height) == (30, 20)  # 20 pixel rows bind
    assert wb.preview(cid, 0, 10) is None


def test_a_vanished_picture_has_no_preview(desk: Desk, tmp_path: Path) -> None:
    media = default_media_root()
    shutil.copytree(media / "articles", tmp_path / "articles")
    shutil.copytree(media / "pictures", tmp_path / "pictures")
    build_demo_desk(desk, tmp_path)
    wb = Workbench(desk, editor="alice")
    cid = ids(wb)[CRANE]
    [picture] = (tmp_path / "pictures").glob("*LYNXMPEK9A0C4*")
    picture.unlink()
    assert wb.preview(cid, 40, 10) is None


def test_worker_threads_can_call_the_workbench_at_once(wb: Workbench) -> None:
    """Why: the app runs rows, previews and checks in thread workers side by side."""
    places = list(ids(wb).values())

    def work(cid: int) -> tuple[int, str, bool]:
        live = wb.live_check(cid, wb.detail(cid).caption.caption, None)
        return len(wb.rows()), live.status, wb.preview(cid, 20, 5) is not None

    with ThreadPoolExecutor(4) as pool:
        done = list(pool.map(work, places * 3))
    assert {count for count, _, _ in done} == {7}
    assert {status for _, status, _ in done} == {"error"}  # no credit: PD101 everywhere
    assert all(shown for _, _, shown in done)


def test_proposals_are_the_linkers_stored_candidates(wb: Workbench) -> None:
    cid = ids(wb)[CRANE]
    assert wb.proposals(cid) == wb.detail(cid).proposals
    assert all(p.picture.endswith(".jpg") or p.picture.endswith(".JPG") for p in wb.proposals(cid))


@pytest.fixture
def codes_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "codes.txt"
    path.write_text("kju\tKim Jong Un\tNorth Korean leader Kim Jong Un\nrtr\tREUTERS\n", "utf-8")
    yield path


def test_the_codes_file_the_house_names_expands_codes(wb: Workbench, codes_file: Path) -> None:
    wb.desk.use_house_style(HouseStyle(codes_file=str(codes_file)))
    table = wb.codes()
    assert table.error is None and table.source == str(codes_file) and len(table) == 2
    assert table.expand_at_cursor("=kju#2=", 7) == ("North Korean leader Kim Jong Un", 31)
    assert table.expand_all("=kju= (=rtr=)") == "Kim Jong Un (REUTERS)"


def test_no_codes_setting_is_an_empty_table(wb: Workbench) -> None:
    wb.desk.use_house_style(HouseStyle())
    table = wb.codes()
    assert (len(table), table.error, table.source) == (0, None, None)


def test_a_missing_or_unreadable_codes_file_is_an_error_value(
    wb: Workbench, tmp_path: Path
) -> None:
    wb.desk.use_house_style(HouseStyle(codes_file=str(tmp_path / "gone.txt")))
    gone = wb.codes()
    assert len(gone) == 0 and gone.error is not None and "no such file" in gone.error
    latin = tmp_path / "latin.txt"
    latin.write_bytes("khv\tKhabarovsk, Région\n".encode("cp1252"))
    wb.desk.use_house_style(HouseStyle(codes_file=str(latin)))
    assert "not UTF-8" in (wb.codes().error or "")
    assert wb.codes().expand_all("=khv=") == "=khv="


def test_the_codes_file_is_found_beside_the_desk(tmp_path: Path) -> None:
    (tmp_path / "photodesk.toml").write_text('[codes]\nfile = "desk-codes.txt"\n', "utf-8")
    (tmp_path / "desk-codes.txt").write_text("khv\tKhabarovsk, Russia\n", "utf-8")
    with new_desk(f"sqlite:///{tmp_path / 'desk.db'}") as desk:
        table = Workbench(desk, editor="alice").codes()
    assert table.error is None and table.lookup("khv") == "Khabarovsk, Russia"
    (tmp_path / "photodesk.toml").write_text("[codes]\nfile = 3\n", "utf-8")
    with new_desk(f"sqlite:///{tmp_path / 'desk.db'}") as desk:
        broken = Workbench(desk, editor="alice").codes()
    assert broken.error is not None and "photodesk.toml" in broken.error


def test_a_sheet_name_and_its_format_follow_each_other() -> None:
    assert format_named("s.json", "exiftool-csv") == "json"
    assert format_named("s.json", "ninjs") == "ninjs"  # .json fits ninjs too: kept
    assert format_named("s.ninjs.json", "json") == "ninjs"
    assert format_named("S.HTM", "pdf") == "html"
    assert format_named("notes.txt", "pdf") is None
    assert renamed_for("s.json", "pdf") == "s.pdf"
    assert renamed_for("s.json", "ninjs") == "s.json"
    assert renamed_for("s.ninjs.json", "json") == "s.json"
    assert renamed_for("photodesk-sheet.csv", "ninjs") == "photodesk-sheet.ninjs.json"
    assert renamed_for("notes.txt", "html") == "notes.txt"  # the editor's own name stays
