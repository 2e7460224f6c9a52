"""``export`` in every format through the real command line, on the demo desk's files.

The command writes the sheet (stdout or ``-o``), exits 0, and names on stderr each picture the
ExifTool sheet had to leave out; the ninjs sheet reads back through ``photodesk extract``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli

MEDIA = Path(__file__).resolve().parents[2] / "media"


@pytest.fixture
def run(desk_url: str, tmp_path: Path):
    """The command line on a demo desk built from copies of media/ (SQLite and PostgreSQL)."""

    def invoke(*args: str) -> tuple[int, bytes, str]:
        result = CliRunner().invoke(cli, ["--db", desk_url, *args])
        return result.exit_code, result.stdout_bytes, result.stderr

    root = tmp_path / "media"
    shutil.copytree(MEDIA, root)
    assert invoke("ingest", *sorted(str(p) for p in (root / "articles").iterdir()))[0] == 0
    assert invoke("scan", str(root / "pictures"))[0] == 0
    assert invoke("link")[0] == 0
    return invoke


def captions(run) -> list[dict]:
    code, out, _ = run("export", "--format", "json")
    assert code == 0
    return json.loads(out)["captions"]


def test_every_format_to_a_file_and_to_stdout(run, tmp_path: Path) -> None:
    for fmt, start in [
        ("exiftool-csv", b"SourceFile,XMP-dc:Description,"),
        ("ninjs", b'{\n "standard": {'),
        ("html", b"<!DOCTYPE html>"),
        ("pdf", b"%PDF-"),
    ]:
        target = tmp_path / f"sheet.{fmt}"
        assert run("export", "--format", fmt, "-o", str(target)) == (0, b"", "")
        assert target.read_bytes().startswith(start)
        code, out, err = run("export", "--format", fmt)
        assert (code, err, out[: len(start)]) == (0, "", start)


def test_the_ninjs_sheet_reads_back_through_extract(run, tmp_path: Path) -> None:
    target = tmp_path / "sheet.json"
    assert run("export", "--format", "ninjs", "-o", str(target))[0] == 0
    result = CliRunner().invoke(cli, ["extract", "--json", str(target)])
    assert result.exit_code == 0, result.stderr
    extracted = json.loads(result.stdout)
    assert extracted["format"] == "ninjs"
    assert [(c["caption"], c["credit"]) for c in extracted["captions"]] == [
        (c["caption"], c["credit"]) for c in captions(run)
    ]


def test_pictures_left_out_of_the_exiftool_sheet_are_named_on_stderr(run, tmp_path: Path) -> None:
    linked = [c for c in captions(run) if c["picture"]]
    first, second = linked[0], linked[1]
    assert run("link", str(first["id"]), first["picture"])[0] == 0
    assert run("link", str(second["id"]), first["picture"])[0] == 0
    target = tmp_path / "sheet.csv"
    code, out, err = run("export", "--format", "exiftool-csv", "-o", str(target))
    assert (code, out) == (0, b"")
    assert err == (
        f"photodesk: {first['picture']}: left out of the sheet: placed by captions "
        f"{first['id']}, {second['id']}, which say different things\n"
    )
    sheet = target.read_text(encoding="utf-8")
    assert first["picture"] not in sheet and second["picture"] not in sheet
    assert sheet.count("\n") == len({c["picture"] for c in linked}) - 1  # header, minus 2 rows


@pytest.mark.parametrize("fmt", ["xml", "csv"])
def test_an_unknown_format_exits_2(run, fmt: str) -> None:
    code, _, err = run("export", "--format", fmt)
    assert code == 2 and "Invalid value for '--format'" in err
