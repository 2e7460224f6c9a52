"""``export --format json``: DESIGN.md's shape, every key present, ``null``/``[]`` when empty."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlmodel import col, select

from photodesk.export.json_sheet import render_json
from photodesk.export.sheet import Sheet
from photodesk.metadata.read import read_file
from photodesk.services.checking import check_desk
from photodesk.services.desk import Desk
from photodesk.services.editing import get_caption
from photodesk.services.exporting import ExportFormatError, export_bytes, write_export
from photodesk.services.importing import ingest_articles
from photodesk.services.inspecting import metadata_record
from photodesk.services.picture_metadata import MISSING
from photodesk.services.scanning import scan_folders
from photodesk.store.models import Caption, Picture

DEMO = Path(__file__).resolve().parents[2] / "media" / "pictures"
N = sum(1 for p in DEMO.iterdir() if p.is_file() and not p.name.startswith("."))  # demo pictures
CAPTION_KEYS = [
    "id",
    "article",
    "position",
    "caption",
    "credit",
    "parsed",
    "picture",
    "status",
    "findings",
]
PARSED_KEYS = ["credit", "creators", "organizations", "agency", "handout", "pool", "via"]


def article(path: Path) -> Path:
    path.write_text(
        "# Port\n\nText.\n\n"
        '![a](pics/a.jpg "A crane lifts a container in Khabarovsk. REUTERS/Pavel Surikov")\n\n'
        "More text.\n\n"
        '![b](pics/b.jpg "Trucks queue at a checkpoint outside Khabarovsk.")\n',
        encoding="utf-8",
    )
    return path


def link(desk: Desk, position: int, name: str) -> None:
    with desk.write() as session:
        picture = session.exec(select(Picture).where(col(Picture.path).endswith(name))).one()
        caption = session.exec(select(Caption).where(col(Caption.position) == position)).one()
        caption.picture_id = picture.id


def exported(desk: Desk) -> dict:
    return json.loads(export_bytes(desk, "json"))


def test_an_empty_desk():
    assert json.loads(render_json(Sheet())) == {"captions": [], "pictures": []}


def test_the_shape_and_the_checked_status(desk, tmp_path):
    ingest_articles(desk, [article(tmp_path / "a.md")])
    scan_folders(desk, [DEMO])
    document = exported(desk)
    assert list(document) == ["captions", "pictures"]
    first, second = document["captions"]
    assert [list(c) for c in (first, second)] == [CAPTION_KEYS, CAPTION_KEYS]
    assert (first["article"], first["position"], second["position"]) == (
        str((tmp_path / "a.md").resolve()), 1, 2,
    )  # fmt: skip
    assert list(first["parsed"]) == PARSED_KEYS and first["parsed"]["agency"] == "Reuters"
    assert (first["picture"], first["status"]) == (None, "warning")
    assert "PD401" in first["findings"] and "PD101" not in first["findings"]
    assert (second["credit"], second["parsed"]) == (None, None)
    assert second["status"] == "error" and {"PD101", "PD401"} <= set(second["findings"])
    assert len(document["pictures"]) == N
    for item in document["pictures"]:
        assert list(item) == ["path", "metadata", "captions"]
        assert item["metadata"] == metadata_record(read_file(item["path"]))
        assert item["captions"] == []


def test_linked_captions_name_their_picture_and_are_judged_against_it(desk, tmp_path):
    ingest_articles(desk, [article(tmp_path / "a.md")])
    scan_folders(desk, [DEMO])
    link(desk, 1, "LYNXMPEK9A0C4_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG")
    link(desk, 2, "AFP_36HJ7ZM.jpg")
    first, second = exported(desk)["captions"]
    assert first["picture"].endswith("LYNXMPEK9A0C4_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG")
    assert not {"PD401", "PD102"} & set(first["findings"])
    assert "PD101" in second["findings"]  # no credit; the picture offers one (check --fix)
    pictures = {Path(p["path"]).name: p["captions"] for p in exported(desk)["pictures"]}
    assert pictures["AFP_36HJ7ZM.jpg"] == [second["id"]]


def test_the_sheet_and_check_agree_on_every_caption(desk, tmp_path):
    ingest_articles(desk, [article(tmp_path / "a.md")])
    scan_folders(desk, [DEMO])
    link(desk, 2, "AFP_36HJ7ZM.jpg")
    report = check_desk(desk)
    by_caption: dict[int, list[str]] = {}
    for finding in report.findings:
        by_caption.setdefault(finding.caption_id, []).append(finding.code)
    for caption in exported(desk)["captions"]:
        assert caption["findings"] == by_caption.get(caption["id"], [])
        assert caption["status"] == get_caption(desk, caption["id"]).status


def test_a_missing_picture_says_so(desk, tmp_path):
    folder = tmp_path / "pics"
    folder.mkdir()
    copy = folder / "AFP_36HJ7ZM.jpg"
    copy.write_bytes((DEMO / copy.name).read_bytes())
    scan_folders(desk, [folder])
    copy.unlink()
    scan_folders(desk, [folder])
    [item] = exported(desk)["pictures"]
    assert item["metadata"]["error"] == MISSING
    assert item["metadata"]["credit"] == "AFP"  # what was read before it vanished


@pytest.mark.parametrize("fmt", ["xml", "csv", ""])
def test_unknown_formats_are_refused(desk, fmt):
    with pytest.raises(ExportFormatError, match="unknown format"):
        export_bytes(desk, fmt)


def test_write_export_is_atomic_and_keeps_a_normal_mode(tmp_path):
    target = tmp_path / "sheet.json"
    write_export(b"first\n", target)
    assert target.read_bytes() == b"first\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write_export(b"second\n", target)
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"second\n", 0o640)
    (tmp_path / "folder").mkdir()
    with pytest.raises(IsADirectoryError):
        write_export(b"x", tmp_path / "folder")  # a folder cannot be replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "sheet.json"]  # no temporary
