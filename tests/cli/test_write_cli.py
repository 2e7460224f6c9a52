"""``photodesk write`` through the real command line: lines, stderr, exit codes 0 / 1 / 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli
from photodesk.services.demo import build_demo_desk, default_media_root
from photodesk.services.desk import open_desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.handover import handover

MEDIA = default_media_root()


@pytest.fixture
def demo(desk_url: str, tmp_path: Path) -> tuple[str, Path]:
    root = tmp_path / "media"
    shutil.copytree(MEDIA, root)
    with open_desk(desk_url) as desk:
        build_demo_desk(desk, root)
    return desk_url, root


def run(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", url, "write", *args])
    return result.exit_code, result.stdout, result.stderr


def test_where_to_write_must_be_said_exactly_once(demo: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = demo
    code, out, err = run(url)
    assert (code, out) == (2, "")
    assert err.startswith("photodesk: write: say where: --out DIR") and err.count("\n") == 1
    code, out, err = run(url, "--in-place", "--out", str(tmp_path / "out"))
    assert (code, out) == (2, "")
    assert err == (
        "photodesk: write: --out and --in-place cannot be given together; give one of the two\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_unknown_article_is_exit_2_naming_it(demo: tuple[str, Path], tmp_path: Path) -> None:
    url, root = demo
    code, _, err = run(url, "--out", str(tmp_path / "out"), str(root / "nowhere.md"))
    assert code == 2 and "nowhere.md: not on this desk" in err


def test_dry_run_prints_each_change_and_writes_nothing(
    demo: tuple[str, Path], tmp_path: Path
) -> None:
    url, root = demo
    before = {p.name: p.read_bytes() for p in (root / "pictures").iterdir()}
    code, out, err = run(url, "--dry-run", "--in-place")
    assert code == 1  # two pictures are held back by the check
    assert "AFP_36HK2QW.jpg: would write 2 changed fields" in out
    assert "  credit: 'AFP' → 'Photo by Handout / Government of Khabarovsk Territory / AFP'" in out
    assert (
        '  warning: credit cut at 32 bytes in IIM: "…overnment of| Khabarovsk Territory / AFP" '
        "(XMP has it whole)\n" in out
    )
    assert out.splitlines()[-1].startswith("would write 5 of 7 pictures (0 unchanged, 2 held")
    lines = err.splitlines()
    assert len(lines) == 2 and all(" held back: caption " in line for line in lines)
    assert all(line.startswith(f"photodesk: {root / 'pictures'}/") for line in lines)
    assert {p.name: p.read_bytes() for p in (root / "pictures").iterdir()} == before


def test_exit_0_when_every_picture_is_written(demo: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = demo
    out_dir = tmp_path / "out"
    code, out, err = run(url, "--out", str(out_dir), "--force")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "wrote 7 of 7 pictures (0 unchanged, 0 held back, 0 failed)"
    assert len(list(out_dir.iterdir())) == 7
    code, out, _ = run(url, "--in-place", "--force")
    assert code == 0 and "(original kept as ." in out
    code, out, _ = run(url, "--in-place")
    assert code == 0 and out.splitlines()[-1].startswith("wrote 0 of 7 pictures (7 unchanged")


def test_the_dry_run_shows_an_edit_made_past_the_shown_width(demo: tuple[str, Path]) -> None:
    """A caption corrected in its last sentence: both sides cut at 70 characters would print
    the same text twice; the dry run shows them from just before the first difference."""
    url, _ = demo
    assert run(url, "--in-place", "--force")[0] == 0  # the files now say what the desk says
    with open_desk(url) as desk:
        entry = next(e for e in handover(desk) if len(str(e.values["description"])) > 120)
        old = str(entry.values["description"])
        new = old[:100] + "X" + old[101:]
        view = get_caption(desk, entry.caption_ids[0])
        edit_caption(desk, view.id, view.version, {"caption": new}, editor="ann")
    code, out, _ = run(url, "--dry-run", "--in-place", "--force")
    assert code == 0
    [line] = [line for line in out.splitlines() if line.startswith("  description: ")]
    shown_old, shown_new = line.removeprefix("  description: ").split(" → ")
    assert shown_old != shown_new
    assert shown_old == repr("…" + old[80:100] + "|" + old[100:147] + "…")
    assert shown_new == repr("…" + old[80:100] + "|X" + old[101:147] + "…")
