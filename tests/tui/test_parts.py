"""The UI's pure parts: filters, the half-block painter, the parse line, findings, the
comparison, the edit state, the key table and ``photodesk edit`` without a terminal."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.binding import Binding

from photodesk.cli.main import cli
from photodesk.core.rules import Finding, Fix, Severity
from photodesk.core.types import Credit
from photodesk.services.drafts import Draft
from photodesk.services.views import CaptionView
from photodesk.services.workbench import CaptionDetail, ComparisonRow
from photodesk.tui.bindings import DESK, TABLE, effective_key, key_help, palette_bindings
from photodesk.tui.edit_state import EditState
from photodesk.tui.filters import DeskFilter, next_problem, visible
from photodesk.tui.widgets.credit_editor import parse_text
from photodesk.tui.widgets.findings import findings_text
from photodesk.tui.widgets.metadata_compare import compare_table
from photodesk.tui.widgets.preview import UPPER_HALF, half_block_lines


@dataclass(frozen=True)
class Row:
    status: str = "ok"
    picture: str | None = "a.jpg"
    article: str = "a.md"
    caption: str = "Kim waves"
    credit: str | None = "REUTERS/X"


def printed(renderable: Table | Text) -> str:
    console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def test_filters_combine_and_describe_themselves() -> None:
    rows = [
        Row(),
        Row(status="error", picture=None),
        Row(status="warning", article="b.md"),
        Row(caption="Trucks with TIMBER"),
    ]
    assert visible(rows, DeskFilter()) == [0, 1, 2, 3]
    problems = DeskFilter().toggle("problems")
    assert visible(rows, problems) == [1, 2]
    assert visible(rows, problems.toggle("unlinked")) == [1]
    assert visible(rows, DeskFilter(article="b.md")) == [2]
    assert visible(rows, DeskFilter(search=" timber ")) == [3]
    assert visible(rows, DeskFilter(search="reuters/x")) == [0, 1, 2, 3]
    assert DeskFilter().describe() == "showing: all captions"
    assert problems.with_search("kim").describe() == 'showing: problems + "kim"'


def test_search_is_blind_to_accents_and_case_on_both_sides() -> None:
    rows = [Row(credit="Léa Fournier/Getty Images"), Row(caption="Straße in Köln"), Row()]
    assert visible(rows, DeskFilter(search="lea fournier")) == [0]
    assert visible(rows, DeskFilter(search="LÉA FOURNIER")) == [0]
    assert visible(rows, DeskFilter(search="strasse in koln")) == [1]


def test_next_problem_wraps_and_reports_none() -> None:
    statuses = ["ok", "error", "ok", "warning", "ok"]
    assert next_problem(statuses, 0, 1) == 1
    assert next_problem(statuses, 3, 1) == 1
    assert next_problem(statuses, 1, -1) == 3
    assert next_problem(["error"], 0, 1) == 0
    assert next_problem(["ok", "unchecked"], 0, 1) is None


def test_half_blocks_paint_two_pixel_rows_per_line() -> None:
    red, blue, green = (255, 0, 0), (0, 0, 255), (0, 255, 0)
    lines = half_block_lines([[red, red], [blue, blue], [green, green]])
    assert ["".join(s.text for s in line) for line in lines] == [UPPER_HALF * 2] * 2
    colours = [
        (s.style.color.get_truecolor(), s.style.bgcolor.get_truecolor())
        for line in lines
        for s in line
        if s.style and s.style.color and s.style.bgcolor
    ]
    assert colours[0] == ((255, 0, 0), (0, 0, 255))
    assert colours[-1] == ((0, 255, 0), (0, 0, 0))  # an odd last row over black


def test_the_parse_line_names_every_field_and_flag() -> None:
    credit = Credit(
        "Handout via REUTERS", organizations=("Kremlin",), agency="Reuters", handout=True, via=True
    )
    line = parse_text(credit).plain
    assert "creators: —" in line and "orgs: Kremlin" in line and "agency: Reuters" in line
    assert "handout" in line and "via" in line and "pool" not in line
    assert parse_text(None).plain == "no credit"


def test_findings_are_listed_worst_first_with_their_fix() -> None:
    info = Finding("PD110", "restricted", Severity.INFO, "editorial use only")
    error = Finding(
        "PD101", "no-credit", Severity.ERROR, "no credit", fix=Fix("credit", "REUTERS/X")
    )
    text = findings_text([info, error]).plain
    assert text.splitlines() == [
        "✖ PD101 no credit  → credit: REUTERS/X",
        "ℹ PD110 editorial use only",
    ]
    assert findings_text([]).plain == "✔ no findings"


def test_the_comparison_puts_credits_first_and_marks_differences() -> None:
    rows = (
        ComparisonRow("description", "Kim waves", "Kim Jong Un waves " * 20, True),
        ComparisonRow("credit", "AP", "AFP", True),
        ComparisonRow("creators", "Yulia Zorina", "YULIA ZORINA", False),
    )
    lines = printed(compare_table(rows, {"city": "Khabarovsk", "job_id": None})).splitlines()
    assert lines[1].startswith("≠ credit")
    assert lines[2].startswith("creators")
    assert any(line.startswith("≠ description") for line in lines)
    assert any("Khabarovsk" in line for line in lines)
    assert not any(line.startswith("job id") for line in lines)
    assert "…" in "".join(lines)  # a long description is cut


def _detail(credit: str | None = None, draft: Draft | None = None) -> CaptionDetail:
    view = CaptionView(
        id=7,
        article_id=1,
        position=2,
        caption="Freighter",
        credit=credit,
        parsed_credit=None,
        picture_id=3,
        status="error",
        version=4,
        edited_by=None,
        edited_at=None,
    )
    return CaptionDetail(view, "a.md", None, None, None, (), "", (), (), draft)


def test_the_edit_state_knows_when_an_edit_differs_from_the_desk() -> None:
    state = EditState()
    assert state.caption_id is None and not state.dirty
    state.start(_detail())
    assert (state.caption, state.credit, state.base_version, state.dirty) == (
        "Freighter",
        "",
        4,
        False,
    )
    state.typed("Freighter  ", "")
    assert not state.dirty  # a save trims: nothing would change
    state.typed("Freighter", "REUTERS")
    assert state.dirty and state.changes() == {"caption": "Freighter", "credit": "REUTERS"}
    draft = Draft(7, "alice", "Freighter at berth", None, 3, datetime(2025, 1, 1, tzinfo=UTC))
    state.start(_detail(draft=draft))
    assert (state.caption, state.base_version, state.dirty, state.has_draft) == (
        "Freighter at berth",
        3,
        True,
        True,
    )
    assert state.changes()["credit"] is None


def test_the_key_table_has_unique_ids_and_the_keymap_wins() -> None:
    ids = [b.id for b in (*DESK, *TABLE)]
    assert None not in ids and len(ids) == len(set(ids))
    assert [b.id for b in palette_bindings()][:2] == ["save", "undo"]
    save = DESK[0]
    assert effective_key(save, {}) == "ctrl+s"
    assert effective_key(save, {"save": "ctrl+w, f2"}) == "ctrl+w, f2"
    assert effective_key(Binding("slash", "x", key_display="/"), {}) == "/"
    lines = key_help({"problems": "P"})
    assert ("P", "Problems", "table") in {(h.keys, h.description, h.where) for h in lines}
    assert all(line.details for line in lines)  # every key says what it does


def test_edit_refuses_without_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--db", "sqlite:///unused.db", "edit"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "photodesk: edit: standard output is not a terminal (use `photodesk check` in scripts)"
    ]
    assert not list(tmp_path.iterdir())  # refused before any desk was opened
