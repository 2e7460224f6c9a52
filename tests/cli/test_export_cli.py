"""``export`` in every format through the real command line, on the demo desk's files.

The command writes the sheet (stdout or ``-o``), exits 0, and names on stderr each picture the
ExifTool sheet had to leave out; the ninjs sheet reads back through ``photodesk extract``.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
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


def drain(descriptor: int, into: list[bytes]) -> None:
    """Read a pseudo-terminal until its last writer closes it (EIO on Linux, EOF elsewhere)."""
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except OSError:
            return
        if not chunk:
            return
        into.append(chunk)


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
        force = ["--force"] if fmt == "exiftool-csv" else []  # the demo has failing captions
        target = tmp_path / f"sheet.{fmt}"
        assert run("export", "--format", fmt, *force, "-o", str(target)) == (0, b"", "")
        assert target.read_bytes().startswith(start)
        code, out, err = run("export", "--format", fmt, *force)
        assert (code, err, out[: len(start)]) == (0, "", start)


def test_the_exiftool_sheet_holds_back_what_write_holds_back_unless_forced(
    run, tmp_path: Path
) -> None:
    failing = [c for c in captions(run) if c["picture"] and c["status"] == "error"]
    assert any(c["picture"].endswith("AFP_36HJ7ZM.jpg") for c in failing)  # PD102 in the demo
    target = tmp_path / "sheet.csv"
    code, out, err = run("export", "--format", "exiftool-csv", "-o", str(target))
    assert (code, out) == (0, b"")
    lines = err.splitlines()
    assert len(lines) == len(failing)
    for line, caption in zip(lines, sorted(failing, key=lambda c: c["picture"]), strict=True):
        held = f"photodesk: {caption['picture']}: left out of the sheet: caption {caption['id']}"
        assert re.fullmatch(
            re.escape(held) + r" fails the check \(PD\d+(, PD\d+)*\); fix it, or --force to "
            r"write it anyway",
            line,
        ), line
    sheet = target.read_text(encoding="utf-8")
    assert not any(c["picture"] in sheet for c in failing)
    assert run("export", "--format", "exiftool-csv", "--force", "-o", str(target)) == (0, b"", "")
    sheet = target.read_text(encoding="utf-8")
    assert all(c["picture"] in sheet for c in failing)
    code, _, err = run("export", "--format", "json", "--force")
    assert code == 2 and err == (
        "photodesk: --force: only for --format exiftool-csv (the other sheets hold back nothing)\n"
    )


def test_a_pdf_is_not_sent_to_a_terminal(desk_url: str, tmp_path: Path) -> None:
    """Binary bytes on a terminal are garbage (and may reprogram it): refuse and suggest -o,
    as curl does. A real pseudo-terminal, so that isatty() is the terminal's own answer."""
    primary, secondary = pty.openpty()
    shown: list[bytes] = []
    reader = threading.Thread(target=drain, args=(primary, shown), daemon=True)
    reader.start()  # whatever reaches the terminal is read, so a writer never blocks on it
    try:
        done = subprocess.run(
            [sys.executable, "-m", "photodesk", "--db", desk_url, "export", "--format", "pdf"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(secondary)
    reader.join()
    os.close(primary)
    assert b"%PDF" not in b"".join(shown)
    assert done.returncode == 2
    assert done.stderr == (
        "photodesk: --format pdf: binary output would go to the terminal; use -o FILE\n"
    )


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
    code, out, err = run("export", "--format", "exiftool-csv", "--force", "-o", str(target))
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


def test_o_never_replaces_a_picture_of_the_desk_but_replaces_another_file(
    run, tmp_path: Path
) -> None:
    picture = tmp_path / "media" / "pictures" / "AFP_36HK2QW.jpg"
    original = picture.read_bytes()
    code, out, err = run("export", "--format", "html", "-o", str(picture))
    assert (code, out) == (2, b"")
    assert err == f"photodesk: {picture}: a picture of the desk; a sheet never replaces a picture\n"
    assert picture.read_bytes() == original
    link = tmp_path / "sheet.html"
    link.symlink_to(picture)  # by another name, still the picture
    assert run("export", "--format", "html", "-o", str(link))[0] == 2
    assert picture.read_bytes() == original
    ordinary = tmp_path / "old-sheet.json"
    ordinary.write_text("yesterday's sheet\n", encoding="utf-8")
    assert run("export", "--format", "json", "-o", str(ordinary)) == (0, b"", "")
    assert len(json.loads(ordinary.read_text(encoding="utf-8"))["captions"]) == 7
