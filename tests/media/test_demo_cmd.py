"""``photodesk demo`` reports the demo desk, and says so in one line when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli
from photodesk.services import demo as demo_service

MEDIA = Path(__file__).resolve().parents[2] / "media"


def test_demo_reports_the_checkout_desk() -> None:
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"demo desk: 3 articles, 12 pictures in {MEDIA}"
    assert "2024-10-10_afp_amur-forum-ends.txt (text, 2 captions)" in lines
    assert "2024-10-10_ap_shipyard-visit.html (html, 3 captions)" in lines
    assert "2024-10-11_amur-ledger_cargo-terminal.md (markdown, 2 captions)" in lines
    assert "     credit: AP Photo/Nikolai Kravets  agency: AP" in lines
    assert "     credit: none" in lines
    assert "  AFP_36HK2QX.jpg" in lines
    assert any(line.endswith("RUSSIA-NORTHKOREA-TRADE.JPG") for line in lines)  # upper-case suffix


def test_demo_without_media_fails_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "media"
    monkeypatch.setattr(demo_service, "default_media_root", lambda: missing)
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"photodesk: {missing}: demo desk not found (it ships with the source checkout only)"
    ]


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
