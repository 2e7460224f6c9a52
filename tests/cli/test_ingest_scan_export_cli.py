"""``ingest``, ``scan`` and ``export`` through the real command line: output and exit codes.

Exit codes are a contract (DESIGN.md): 0 success, 2 bad usage or unreadable input with one line
on stderr naming the file. Summaries go to stdout; the progress bar stays off when stderr is not
a terminal, so scripts (and these tests) see nothing but the summary.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli
from photodesk.cli.progress import TerminalProgress, progress_bar
from photodesk.services.progress import SILENT

MEDIA = Path(__file__).resolve().parents[2] / "media"
N = sum(1 for p in (MEDIA / "pictures").iterdir() if p.is_file() and not p.name.startswith("."))


@pytest.fixture
def run(desk_url):
    """The command line on a fresh desk, once on SQLite and once on PostgreSQL."""

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, ["--db", desk_url, *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def write_article(path: Path, crane: str) -> Path:
    path.write_text(
        f'# Port\n\nText.\n\n![a](a.jpg "{crane} REUTERS/Pavel Surikov")\n\nMore.\n\n'
        '![b](b.jpg "Trucks queue outside Khabarovsk. AP Photo/Nikolai Kravets")\n',
        encoding="utf-8",
    )
    return path


def test_ingest_summary_then_changed_captions(run, tmp_path):
    path = write_article(tmp_path / "a.md", "A crane lifts a container in Khabarovsk.")
    assert run("ingest", str(path)) == (
        0,
        "ingested 1 article: 1 new, 0 updated, 0 unchanged; 2 captions\n",
        "",
    )
    write_article(path, "A crane lifts the first container in Khabarovsk.")
    code, out, err = run("ingest", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ingested 1 article: 0 new, 1 updated, 0 unchanged; 2 captions (1 changed)",
        f"  {path.resolve()} #1 updated: caption",
    ]


def test_ingest_unreadable_articles_exit_2_after_the_rest(run, tmp_path):
    path = write_article(tmp_path / "a.md", "A crane.")
    code, out, err = run("ingest", str(tmp_path / "nope.md"), str(path))
    assert code == 2
    assert err == f"photodesk: {tmp_path / 'nope.md'}: no such file\n"
    assert out.startswith("ingested 1 article: 1 new,")


def test_demo_desk_ingests_and_scans(run):
    articles = sorted(str(p) for p in (MEDIA / "articles").iterdir())
    code, out, _ = run("ingest", *articles)
    assert (code, out.split(":")[0]) == (0, f"ingested {len(articles)} articles")
    assert run("scan", str(MEDIA / "pictures")) == (
        0,
        f"scanned {N}: {N} new, 0 changed, 0 unchanged, 0 missing, 0 unreadable\n",
        "",
    )
    assert run("scan", str(MEDIA / "pictures"))[1] == (
        f"scanned {N}: 0 new, 0 changed, {N} unchanged, 0 missing, 0 unreadable\n"
    )


def test_scan_reports_unreadable_files_but_succeeds(run, tmp_path):
    folder = tmp_path / "pics"  # not beside the desk file: that would be scanned too
    folder.mkdir()
    shutil.copy(MEDIA / "pictures" / "AFP_36HJ7ZM.jpg", folder / "a.jpg")
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    code, out, err = run("scan", str(folder))
    assert code == 0
    assert out == "scanned 2: 2 new, 0 changed, 0 unchanged, 0 missing, 1 unreadable\n"
    assert err == f"photodesk: {folder / 'notes.txt'}: not an image file (looks like text)\n"


def test_scan_of_a_missing_folder_exits_2(run, tmp_path):
    code, out, err = run("scan", str(tmp_path / "absent"), str(MEDIA / "pictures"))
    assert code == 2
    assert err == f"photodesk: {tmp_path / 'absent'}: No such file or directory\n"
    assert out.startswith(f"scanned {N}: {N} new")


def test_export_json_to_stdout_and_to_a_file(run, tmp_path):
    run("ingest", str(write_article(tmp_path / "a.md", "A crane.")))
    run("scan", str(MEDIA / "pictures"))
    code, out, err = run("export", "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert [len(document["captions"]), len(document["pictures"])] == [2, N]
    target = tmp_path / "sheet.json"
    assert run("export", "--format", "json", "-o", str(target)) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8")) == document


@pytest.mark.parametrize("args", [[], ["--format", "xml"]])
def test_export_bad_usage_exits_2(run, args):
    assert run("export", *args)[0] == 2


def test_export_to_an_unwritable_place_exits_2(run, tmp_path):
    code, _, err = run("export", "--format", "json", "-o", str(tmp_path / "no" / "x.json"))
    assert code == 2
    assert err == f"photodesk: {tmp_path / 'no' / 'x.json'}: No such file or directory\n"


def test_progress_is_silent_off_a_terminal_and_draws_on_one(capsys):
    with progress_bar() as progress:  # pytest's stderr is no terminal
        assert progress is SILENT
    with progress_bar(enabled=True) as progress:
        assert isinstance(progress, TerminalProgress)
        progress.begin("reading pictures", 3)
        progress.advance(2)
        progress.begin("second phase", None)  # ends the first
        progress.advance()
        progress.end()
        progress.end()  # twice is harmless
    assert capsys.readouterr().out == ""  # the bar never touches stdout
