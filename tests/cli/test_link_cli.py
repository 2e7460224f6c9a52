"""``photodesk link`` and ``photodesk unlink`` through the real command line.

The demo desk (media/) is ingested and scanned, then linked: one summary line on stdout, ``-v``
for every caption and its proposals, links by hand, and status 2 with one stderr line for
captions and pictures the desk does not have.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli

MEDIA = Path(__file__).resolve().parents[2] / "media"
ARTICLES = sorted(str(p) for p in (MEDIA / "articles").iterdir())
HANDOUT = "AFP_36HK2QW.jpg"  # the farewell handout the text article's lead caption shows
DECOY = "AFP_36HK2QX.jpg"  # the next frame of that farewell, which no article prints


@pytest.fixture
def run(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, ["--db", url, "--editor", "tester", *args])
        return result.exit_code, result.stdout, result.stderr

    assert invoke("ingest", *ARTICLES)[0] == 0
    assert invoke("scan", str(MEDIA / "pictures"))[0] == 0
    return invoke


def test_link_prints_one_summary_line(run):
    code, out, err = run("link")
    assert (code, err) == (0, "")
    assert (
        out
        == "linked 7 of 7 captions: 0 proposed, 0 without a candidate, 0 by hand; 7 links changed\n"
    )
    assert run("link")[1].endswith("0 links changed\n")


def test_verbose_shows_every_caption_with_its_picture_and_reasons(run):
    code, out, _ = run("link", "-v")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 8
    lead = lines[1]
    assert lead.startswith("caption 1 (") and "amur-forum-ends.txt #1) → " in lead
    assert (
        HANDOUT in lead and "like the embedded description" in lead and "credit agrees: AFP" in lead
    )


def test_link_by_hand_overrides_and_unlink_keeps_it_out(run):
    run("link")
    code, out, err = run("link", "1", DECOY)
    assert (code, err) == (0, "")
    assert out.startswith("caption 1 (") and out.rstrip().endswith(f"{DECOY}: linked by hand")
    assert "1 by hand" in run("link")[1]
    _, verbose, _ = run("link", "-v")
    assert f"{DECOY}: linked by hand" in verbose.splitlines()[1]
    assert run("unlink", "1")[1].endswith("#1): unlinked by hand\n")
    assert "no picture (unlinked by hand)" in run("link", "-v")[1].splitlines()[1]
    assert run("unlink", "--auto", "1")[1].endswith("#1): back to automatic linking\n")
    assert HANDOUT in run("link", "-v")[1].splitlines()[1]
    _, history, _ = run("history", "1")
    first, second = history.splitlines()
    assert "  tester  picture: " in first and first.endswith(f'{DECOY}"')
    assert "  tester  picture: " in second and second.endswith("→ (none)")


def test_a_proposal_is_printed_with_its_reasons(run, tmp_path):
    article = tmp_path / "vague.md"
    article.write_text(
        "# Farewell\n\nText.\n\n![a](https://cdn.example/img/9f86d081884c7d65.jpg "
        '"A train at Khabarovsk-1 railway station after the Amur Trade Forum. AFP")\n',
        encoding="utf-8",
    )
    assert run("ingest", str(article))[0] == 0
    _, out, _ = run("link", "-v")
    caption = next(line for line in out.splitlines() if "vague.md #1" in line)
    assert "no picture (" in caption
    proposals = out.splitlines()[out.splitlines().index(caption) + 1 :]
    assert (
        proposals[0].startswith("    proposal 0.")
        and "like the embedded description" in proposals[0]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("link", "99", "1"), "photodesk: caption 99: no such caption on this desk"),
        (("link", "1", "4242"), "photodesk: picture 4242: no such picture on this desk"),
        (
            ("link", "1", "missing.jpg"),
            "photodesk: picture missing.jpg: no such picture on this desk",
        ),
        (("unlink", "99"), "photodesk: caption 99: no such caption on this desk"),
        (("link", "1"), "photodesk: caption 1: give the PICTURE to link it to (an id or a path)"),
    ],
)
def test_unknown_ids_exit_2_with_one_line(run, args, message):
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines() == [message]
