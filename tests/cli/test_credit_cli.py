"""``photodesk credit``: the JSON contract of DESIGN.md, through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys

KEYS = ["caption", "credit", "creators", "organizations", "agency", "handout", "pool", "via"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "photodesk", *args], capture_output=True, text=True, check=False
    )


def test_one_json_object_per_text_in_order() -> None:
    result = run(
        "credit",
        "--json",
        "Kim waves. (Photo by Handout / Government of Primorsky region / AFP)",
        "(Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)",
        "A caption with no credit at all.",
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in records] == [KEYS] * 3
    first, second, third = records
    assert first["caption"] == "Kim waves."
    assert first["credit"] == "Photo by Handout / Government of Primorsky region / AFP"
    assert first["organizations"] == ["Government of Primorsky region"]
    assert (first["agency"], first["handout"], first["pool"], first["via"]) == (
        "AFP",
        True,
        False,
        False,
    )
    assert second["caption"] == ""
    assert second["creators"] == ["Mikhail Metzel"]
    assert second["organizations"] == ["Sputnik", "Kremlin Pool"]
    assert (second["agency"], second["pool"], second["via"]) == ("AP", True, True)
    assert third == {
        "caption": "A caption with no credit at all.",
        "credit": None,
        "creators": [],
        "organizations": [],
        "agency": None,
        "handout": False,
        "pool": False,
        "via": False,
    }


def test_text_output_names_each_part() -> None:
    result = run("credit", "Putin speaks. REUTERS/Yuri Gripas")
    assert result.returncode == 0
    assert "REUTERS/Yuri Gripas" in result.stdout
    assert "Yuri Gripas" in result.stdout.split("creators:")[1]
    assert "agency:        Reuters" in result.stdout


def test_no_text_is_a_usage_error() -> None:
    result = run("credit")
    assert result.returncode == 2
    assert result.stdout == ""
