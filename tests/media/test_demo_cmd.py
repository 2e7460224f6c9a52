"""``photodesk demo`` reports the demo desk, and says so in one line when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli
from photodesk.services import demo as demo_service


def test_demo_builds_a_fresh_desk_and_reports_it_without_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # a second run starts from a fresh desk again, not a doubled one
        result = CliRunner().invoke(cli, ["demo"])
        assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"demo desk: sqlite:///{tmp_path / 'photodesk-demo.db'}"
    for name in ("2024-10-10_afp_amur-forum-ends.txt", "2024-10-10_ap_shipyard-visit.html"):
        assert name in lines
    assert "      credit: AP Photo/Nikolai Kravets  picture: AFP_36HJ7ZM.jpg" in lines
    flagged = [line for line in lines if line.startswith("  ✖ ")]
    assert [line[4:20] for line in flagged] == ["Trucks loaded wi", "The river freigh"]
    assert sum(1 for line in lines if line.startswith("  ✔ ")) == 5
    problems = lines[lines.index("needs a person:") + 1 : -1]
    assert any(" PD102  error " in line for line in problems)
    assert any(" PD101  error " in line and "REUTERS/Pavel Surikov" in line for line in problems)
    assert lines[-1].startswith("checked 7 captions: 2 errors, ")


def test_demo_without_media_fails_in_one_line_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "media"
    monkeypatch.setattr(demo_service, "default_media_root", lambda: missing)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"photodesk: {missing}: demo desk not found (it ships with the source checkout only)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_load_skips_other_files_and_reports_unreadable_articles(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "pictures").mkdir()
    (tmp_path / "articles" / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "articles" / "notes.odt").write_bytes(b"")
    (tmp_path / "pictures" / "B.JPG").write_bytes(b"")
    desk = demo_service.load_demo_desk(tmp_path)
    (article,) = desk.articles
    assert article.path.name == "empty.md"
    assert article.draft is None and article.error
    assert [p.name for p in desk.pictures] == ["B.JPG"]
