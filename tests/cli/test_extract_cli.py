"""``photodesk extract ARTICLE [--json]`` through the real command line.

The JSON shape and the exit codes are a contract (DESIGN.md): scripts depend on every key being
present and on bad input failing with status 2 and one line on stderr naming the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from photodesk.cli.main import cli
from tests.articles import wire

REPO = Path(__file__).resolve().parents[2]
SEED = "000_7100e35f6f55d0cb.txt"
SEED_CAPTIONS = [
    (
        "North Korea's leader Kim Jong Un waves before boarding a train during a farewell ceremony "
        "at the end of his visit to Russia at the Artyom railway station near Vladivostok, in the "
        "Primorsky region, on September 17, 2023.",
        "Photo by Handout / Government of Primorsky region / AFP",
        "AFP",
    ),
    (
        "In this video grab taken from a handout footage released on September 16, 2023 by "
        "Russian Defence Ministry, North Korea’s leader Kim Jong Un inspects a Russian warplane "
        "as he visits Knevichi aerodrome near Vladivostok, Primorsky region.",
        "Russian Defence Ministry / AFP",
        "AFP",
    ),
    (
        "Russian President Vladimir Putin, left, and North Korea’s leader Kim Jong Un examine a "
        "launch pad during their meeting at the Vostochny cosmodrome outside the city of "
        "Tsiolkovsky, about 200 kilometers (125 miles) from the city of Blagoveshchensk in the far "
        "eastern Amur region, Russia, September 13, 2023.",
        "Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP",
        "AP",
    ),
    (
        "North Korea leader Kim Jong Un, fourth right in front row, watches a walrus perform at "
        "Primorsky Aquarium in Vladivostok, Russian Far East September 17, 2023.",
        "Korean Central News Agency/Korea News Service via AP",
        "AP",
    ),
]
ARTICLE_KEYS = {"format", "title", "date", "byline", "captions"}
CAPTION_KEYS = {"caption", "credit", "image", "parsed"}
PARSED_KEYS = {"credit", "creators", "organizations", "agency", "handout", "pool", "via"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def extract_json(path: Path | str) -> dict:
    code, out, err = run("--json", str(path))
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture(scope="module")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / SEED


def test_seed_acceptance(seed_path):
    """The acceptance criterion of issue 2, run as the README shows it, from the repo root."""
    done = subprocess.run(
        [sys.executable, "-m", "photodesk", "extract", "--json", f"../shared/seeds/{SEED}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    article = json.loads(done.stdout)
    assert article["format"] == "text"
    got = [(c["caption"], c["credit"], c["parsed"]["agency"]) for c in article["captions"]]
    assert got == SEED_CAPTIONS  # exactly four, in reading order, no body paragraph
    parsed = [
        {k: v for k, v in c["parsed"].items() if k not in ("credit", "agency")}
        for c in article["captions"]
    ]
    assert parsed == SEED_PARSED


# What LABELING.md (../shared/credits) says each seed credit means.
SEED_PARSED = [
    {
        "creators": [],
        "organizations": ["Government of Primorsky region"],
        "handout": True,
        "pool": False,
        "via": False,
    },
    {
        "creators": [],
        "organizations": ["Russian Defence Ministry"],
        "handout": False,
        "pool": False,
        "via": False,
    },
    {
        "creators": ["Mikhail Metzel"],
        "organizations": ["Sputnik", "Kremlin Pool"],
        "handout": False,
        "pool": True,
        "via": True,
    },
    {
        "creators": [],
        "organizations": ["Korean Central News Agency", "Korea News Service"],
        "handout": False,
        "pool": False,
        "via": True,
    },
]


def test_seed_head(seed_path):
    article = extract_json(seed_path)
    assert article["title"] == (
        "North Korea’s Kim Jong Un ends Russia trip with ‘heartfelt thanks’ to Putin"
    )
    assert (article["byline"], article["date"]) == ("AFP", "2023-09-18T09:56:00")


@pytest.mark.parametrize(
    ("name", "fmt", "count"),
    [
        ("scraped_wire.txt", "text", 4),
        ("wire_page.html", "html", 7),
        ("wire_story.md", "markdown", 6),
        ("ninjs_v1.json", "ninjs", 3),
        ("ninjs_v2.json", "ninjs", 4),
        ("ninjs_v3.json", "ninjs", 1),
    ],
)
def test_json_shape_for_every_format(name, fmt, count):
    article = extract_json(wire.FIXTURES / name)
    assert set(article) == ARTICLE_KEYS
    assert (article["format"], len(article["captions"])) == (fmt, count)
    for caption in article["captions"]:
        assert set(caption) == CAPTION_KEYS
        if caption["credit"] is None:
            assert caption["parsed"] is None
        else:
            assert set(caption["parsed"]) == PARSED_KEYS
            assert caption["parsed"]["credit"] == caption["credit"]


def test_caption_without_credit_has_null_credit_and_parsed():
    article = extract_json(wire.FIXTURES / "wire_page.html")
    docks = next(c for c in article["captions"] if c["caption"] == wire.DOCKS)
    assert docks == {
        "caption": wire.DOCKS,
        "credit": None,
        "image": "/photos/chornomorsk.jpg",
        "parsed": None,
    }


def test_readable_listing():
    code, out, _ = run(str(wire.FIXTURES / "scraped_wire.txt"))
    assert code == 0
    assert "4 captions" in out
    assert f"  1. {wire.SHIP}" in out
    assert f"     credit: {wire.AP_VUCCI}" in out
    assert "     credit: (none)" in out
    assert "agency:" in out


def test_article_without_captions_is_not_an_error(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("A headline\n\nOne paragraph (5,000 miles)\n", encoding="utf-8")
    assert extract_json(path)["captions"] == []


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ("\ufeffA headline\n\nKim waves. (AP Photo/Evan Vucci)\n".encode(), "bom8.txt"),
        ("A headline\n\nKim waves. (AP Photo/Evan Vucci)\n".encode("utf-16"), "bom16.txt"),
    ],
)
def test_utf8_and_utf16_with_byte_order_mark(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    article = extract_json(path)
    assert article["title"] == "A headline"
    assert [c["credit"] for c in article["captions"]] == ["AP Photo/Evan Vucci"]


BAD_INPUT = [
    ("missing", None, "no such file"),
    ("folder", "dir", "is a directory"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary data (a JPEG image)"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary data (a PNG image)"),
    ("blob.txt", b"Kim waves\x00\x00\x01", "binary data (NUL bytes)"),
    ("latin1.txt", "Kim waves in Pyongyang (© AFP)".encode("latin-1"), "not UTF-8 text"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\t\r\n", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
    ("not_ninjs.json", (wire.FIXTURES / "not_ninjs.json").read_bytes(), "not an IPTC ninjs"),
    ("broken.json", b'{"uri": "urn:x", "headline": ', "not valid JSON"),
    ("prose.json", b"Kim waves. (AP Photo/Evan Vucci)\n", "not valid JSON"),
    ("deep.json", b"[" * 100_000, "JSON nested too deeply"),
    ("deep.txt", b"[" * 100_000, "JSON nested too deeply"),
    ("deep.html", b"<div>" * 100_000 + b"<p>x (AP Photo/A B)</p>", "HTML nested too deeply"),
    (
        "bomb.md",
        b"---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nauthor: *b\n---\n\nBody.\n",
        "front matter uses YAML aliases",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_fails_with_one_line_and_status_2(tmp_path, name, data, reason):
    path = tmp_path / name
    if data == "dir":
        path.mkdir()
    elif data is not None:
        path.write_bytes(data)
    for args in ([str(path)], ["--json", str(path)]):
        code, out, err = run(*args)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1
        assert err.startswith(f"photodesk: {path}: ")
        assert reason in err


def test_impossible_front_matter_date_is_not_an_error(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: T\ndate: 2024-02-30\n---\n\nBody.\n", encoding="utf-8")
    assert extract_json(path)["date"] == "2024-02-30"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_not_a_regular_file(device):
    code, out, err = run(device)
    assert (code, out) == (2, "")
    assert err == f"photodesk: {device}: not a regular file (a device, pipe or socket)\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "photodesk", "extract", str(fifo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"photodesk: {fifo}: not a regular file (a device, pipe or socket)\n"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_at_most_the_limit_is_read_whatever_size_the_file_claims(monkeypatch):
    """``/proc`` files are regular files that say they hold 0 bytes: only the read can tell."""
    monkeypatch.setattr("photodesk.services.extracting.MAX_ARTICLE_BYTES", 16)
    code, out, err = run("/proc/self/status")
    assert (code, out) == (2, "")
    assert err == "photodesk: /proc/self/status: too large for an article (over 16 bytes)\n"


def test_real_entry_point_exit_status_and_stderr(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xdb" + bytes(64))
    done = subprocess.run(
        [sys.executable, "-m", "photodesk", "extract", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"photodesk: {path}: binary data (a JPEG image), not article text\n"
