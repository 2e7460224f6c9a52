"""``photodesk history`` and ``photodesk revert``: output, the desk options, and exit status 2.

The desk tests run on SQLite and PostgreSQL (``desk`` and its ``desk_url``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from photodesk.cli.main import cli
from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from tests.desk_fixtures import seed_captions

T0 = datetime(2025, 1, 13, 10, 0, tzinfo=UTC)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _edited(desk: Desk) -> int:
    [cid] = seed_captions(desk, 1)
    edit_caption(desk, cid, 1, {"credit": "AFP"}, editor="alice", clock=lambda: T0)
    edit_caption(desk, cid, 2, {"caption": 'Kim "waves"'}, editor="bo", clock=lambda: T0)
    return cid


def test_history_lists_every_change_oldest_first(desk: Desk, desk_url: str) -> None:
    cid = _edited(desk)
    result = run("--db", desk_url, "history", str(cid))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert re.fullmatch(
        r'#\d+  2025-01-13 10:00:00Z  alice  credit: "REUTERS/Photographer 1" → "AFP"', lines[0]
    )
    assert re.fullmatch(
        r'#\d+  2025-01-13 10:00:00Z  bo     caption: "Caption 1" → "Kim \\"waves\\""', lines[1]
    )


def test_history_json(desk: Desk, desk_url: str) -> None:
    cid = _edited(desk)
    records = json.loads(run("--db", desk_url, "history", "--json", str(cid)).stdout)
    assert [list(r) for r in records] == [
        ["id", "caption", "field", "old", "new", "editor", "at", "reverts"]
    ] * 2
    assert records[0]["at"] == "2025-01-13T10:00:00+00:00"
    assert (records[0]["caption"], records[0]["new"], records[0]["reverts"]) == (cid, "AFP", None)


def test_revert_undoes_as_a_new_revision_by_the_given_editor(desk: Desk, desk_url: str) -> None:
    cid = _edited(desk)
    first = json.loads(run("--db", desk_url, "history", "--json", str(cid)).stdout)[0]["id"]
    result = run("--db", desk_url, "--editor", "carol", "revert", str(first))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"reverted #{first}: #")
    assert f'carol  credit: "AFP" → "REUTERS/Photographer 1"  (reverts #{first})' in (result.stdout)
    assert get_caption(desk, cid).credit == "REUTERS/Photographer 1"
    assert len(run("--db", desk_url, "history", str(cid)).stdout.splitlines()) == 3


def test_a_revert_that_conflicts_is_status_2_with_one_line(desk: Desk, desk_url: str) -> None:
    cid = _edited(desk)
    first = json.loads(run("--db", desk_url, "history", "--json", str(cid)).stdout)[0]["id"]
    edit_caption(desk, cid, 3, {"credit": "AFP/Jung"}, editor="dave", clock=lambda: T0)
    result = run("--db", desk_url, "revert", str(first))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"photodesk: revision {first}: the credit of caption {cid}")
    assert "dave at 2025-01-13 10:00:00Z" in result.stderr
    assert get_caption(desk, cid).credit == "AFP/Jung"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("history", "photodesk: caption 999: no such caption on this desk\n"),
        ("revert", "photodesk: revision 999: no such revision on this desk\n"),
    ],
)
def test_a_missing_caption_or_revision_is_status_2_with_one_line(
    desk: Desk, desk_url: str, command: str, message: str
) -> None:
    result = run("--db", desk_url, command, "999")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_an_unreachable_database_is_status_2_and_hides_the_password() -> None:
    result = run("--db", "postgresql://ed:s3cret@127.0.0.1:1/desk", "history", "1")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("photodesk: postgresql+psycopg://ed:***@127.0.0.1:1/desk: ")
    assert "s3cret" not in result.stderr


def test_the_default_desk_is_photodesk_db_here_and_photodesk_db_overrides_it(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PHOTODESK_DB"}

    def photodesk(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "photodesk", *args],
            cwd=tmp_path,
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=False,
        )

    assert photodesk("history", "1").returncode == 2
    assert (tmp_path / "photodesk.db").is_file()
    team = tmp_path / "team.db"
    result = photodesk("history", "1", PHOTODESK_DB=f"sqlite:///{team}")
    assert (result.returncode, result.stderr) == (
        2,
        "photodesk: caption 1: no such caption on this desk\n",
    )
    assert team.is_file()
