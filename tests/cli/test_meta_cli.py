"""``photodesk meta FILE... [--json]`` through the real command line.

The JSON shape and the exit codes are a contract (DESIGN.md): every key present and in order,
lists as arrays, unreadable files listed with their ``error`` and exit status 2 with one line on
stderr per such file.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from photodesk.cli.main import cli
from tests.metadata.test_iim import block
from tests.metadata.test_read import jpeg
from tests.metadata.test_xmp import packet

KEYS = [
    "file", "format", "width", "height", "description", "creators", "credit", "source",
    "copyright", "instructions", "headline", "title", "date_created", "city", "sublocation",
    "state", "country", "country_code", "keywords", "job_id", "caption_writer", "usage_terms",
    "charset", "conflicts", "error",
]  # fmt: skip

PICTURE = jpeg(
    exif={0x010E: "A caption [in brackets]", 0x013B: "Jane Doe"},
    xmp=packet(
        "<dc:subject><rdf:Bag><rdf:li>summit</rdf:li><rdf:li>Paris</rdf:li></rdf:Bag></dc:subject>",
        attrs='photoshop:Credit="REUTERS"',
    ),
    iim=block((110, b"AFP"), (120, b"A caption [in brackets]"), (55, b"20241010")),
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["meta", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_shape_is_the_contract(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(PICTURE)
    code, out, err = run(str(path), "--json")
    assert (code, err) == (0, "")
    [record] = json.loads(out)
    assert list(record) == KEYS
    assert record["file"] == str(path)
    assert (record["format"], record["width"], record["height"]) == ("jpeg", 40, 30)
    assert record["description"] == "A caption [in brackets]"
    assert record["creators"] == ["Jane Doe"]
    assert record["keywords"] == ["summit", "Paris"]
    assert record["credit"] == "REUTERS"
    assert record["date_created"] == "2024-10-10"
    assert record["headline"] is None and record["error"] is None
    assert record["charset"] == "cp1252"
    assert record["conflicts"] == [
        {"field": "credit", "values": {"xmp": "REUTERS", "iim": "AFP", "exif": None}}
    ]


def test_unreadable_files_are_listed_and_exit_2_with_one_stderr_line_each(tmp_path):
    good = tmp_path / "good.jpg"
    good.write_bytes(PICTURE)
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.jpg"
    code, out, err = run(str(good), str(empty), str(missing), "--json")
    assert code == 2
    records = json.loads(out)
    assert [r["file"] for r in records] == [str(good), str(empty), str(missing)]
    assert [r["error"] for r in records] == [None, "empty file", "no such file"]
    assert all(list(r) == KEYS for r in records)
    assert records[1]["creators"] == [] and records[1]["conflicts"] == []
    assert err.splitlines() == [
        f"photodesk: {empty}: empty file",
        f"photodesk: {missing}: no such file",
    ]


def test_readable_listing(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(PICTURE)
    code, out, err = run(str(path))
    assert (code, err) == (0, "")
    assert "a.jpg" in out and "jpeg" in out and "40×30" in out
    assert "A caption [in brackets]" in out  # brackets are data, not markup
    assert "summit; Paris" in out
    assert "credit ≠" in out and "AFP" in out  # the conflict and each block's value


def test_readable_listing_of_an_unreadable_file(tmp_path):
    code, out, err = run(str(tmp_path / "missing.jpg"))
    assert code == 2
    assert "no such file" in out
    assert err.strip() == f"photodesk: {tmp_path / 'missing.jpg'}: no such file"


def test_no_file_is_a_usage_error():
    code, _, err = run()
    assert code == 2
    assert "Missing argument" in err
