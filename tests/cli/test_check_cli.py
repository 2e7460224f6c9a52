"""``photodesk check`` through the real command line: lines, JSON shape, exit codes, house style.

Exit codes are the gate's contract: 0 nothing at or above ``--fail-on``, 1 something is, 2 bad
usage, an unknown article or a broken ``photodesk.toml`` (one line on stderr naming the file).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli
from photodesk.services.demo import build_demo_desk, default_media_root
from photodesk.services.desk import open_desk

MEDIA = default_media_root()
FINDING_KEYS = ["code", "rule", "severity", "message", "caption_id", "picture", "article", "fix"]


@pytest.fixture
def demo_url(desk_url: str) -> str:
    with open_desk(desk_url) as desk:
        build_demo_desk(desk)
    return desk_url


def run(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_demo_desk_fails_the_gate_with_one_line_per_problem(demo_url: str) -> None:
    code, out, err = run(demo_url, "check")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[-1].startswith("checked 7 captions: ")
    problems = lines[:-1]
    assert any("LYNXMPEK9A0D1" in line and " PD101 " in line for line in problems), out
    assert any(line.startswith("AFP_36HJ7ZM.jpg  PD102  error") for line in problems), out
    # one line per finding: picture, code, severity, message, caption and article
    assert all(len(line.split("  ")) >= 5 for line in problems)
    assert not any(" info " in line for line in problems)  # information only with --verbose


def test_json_has_the_contract_shape_and_matches_the_summary(demo_url: str) -> None:
    code, out, _ = run(demo_url, "check", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert list(document["summary"]) == ["error", "warning", "info"]
    assert all(list(item) == FINDING_KEYS for item in document["findings"])
    for severity in ("error", "warning", "info"):
        counted = sum(1 for item in document["findings"] if item["severity"] == severity)
        assert document["summary"][severity] == counted
    assert {"PD101", "PD102"} <= {item["code"] for item in document["findings"]}


def test_fail_on_and_the_house_style_set_the_exit_status(demo_url: str, tmp_path: Path) -> None:
    house = tmp_path / "house.toml"
    house.write_text('[rules]\nPD101 = "warning"\nPD102 = "warning"\n', encoding="utf-8")
    assert run(demo_url, "--config", str(house), "check")[0] == 0
    assert run(demo_url, "--config", str(house), "check", "--fail-on", "warning")[0] == 1


def test_fix_repairs_what_is_safe_and_the_gate_still_holds_the_rest(demo_url: str) -> None:
    code, out, _ = run(demo_url, "--editor", "night", "check", "--fix")
    assert code == 1  # the contradiction needs a person
    assert "fixed caption" in out and "REUTERS/Pavel Surikov" in out
    assert " PD101 " not in out
    code, out, _ = run(demo_url, "check")
    assert " PD101 " not in out and " PD102 " in out


def test_a_broken_house_style_is_one_line_naming_file_and_key(
    demo_url: str, tmp_path: Path
) -> None:
    house = tmp_path / "house.toml"
    house.write_text("[caption]\nmin_char = 10\n", encoding="utf-8")
    code, out, err = run(demo_url, "--config", str(house), "check")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and str(house) in err and "min_char" in err
    code, _, err = run(demo_url, "--config", str(tmp_path / "none.toml"), "check")
    assert code == 2 and "none.toml" in err and "no such file" in err


def test_articles_narrow_the_check_and_an_unknown_one_exits_2(demo_url: str) -> None:
    clean = MEDIA / "articles" / "2024-10-10_afp_amur-forum-ends.txt"
    code, out, _ = run(demo_url, "check", str(clean))
    assert code == 0, out
    assert out.splitlines()[-1].startswith("checked 2 captions: 0 errors, 0 warnings")
    code, out, err = run(demo_url, "check", "nowhere.txt")
    assert (code, out) == (2, "") and err.startswith("photodesk: nowhere.txt: not on this desk")
