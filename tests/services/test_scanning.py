"""``scan``: incremental (size + mtime, then content), nothing removed silently, errors kept.

Real JPEG files (the demo desk's agency pictures, small ones made here) and a real SQLite desk.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlmodel import col, select

from photodesk.core.metadata import Metadata
from photodesk.metadata.read import read_file
from photodesk.metadata.scan import ScanResult
from photodesk.services.desk import Desk
from photodesk.services.picture_metadata import MISSING, stored_metadata
from photodesk.services.scanning import scan_folders
from photodesk.store.models import Picture
from tests.metadata.test_iim import block
from tests.metadata.test_read import jpeg

DEMO = Path(__file__).resolve().parents[2] / "media" / "pictures"
N = sum(1 for p in DEMO.iterdir() if p.is_file() and not p.name.startswith("."))  # demo pictures


def picture(path: Path, caption: str, credit: str = "REUTERS") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(jpeg(exif={0x010E: caption}, iim=block((110, credit.encode()))))
    return path


def rows(desk: Desk) -> dict[str, Picture]:
    with desk.read() as session:
        found = {p.path: p for p in session.exec(select(Picture).order_by(col(Picture.path)))}
        session.expunge_all()
    return found


def set_values(desk: Desk, path: Path, values: dict[str, str]) -> None:
    """Mark a row so that a test can tell whether the scan rewrote it."""
    with desk.write() as session:
        row = session.exec(select(Picture).where(col(Picture.path) == str(path))).one()
        row.values = values


def test_first_scan_stores_metadata_and_fingerprints(desk):
    report = scan_folders(desk, [DEMO])
    assert (
        report.summary() == f"scanned {N}: {N} new, 0 changed, 0 unchanged, 0 missing, 0 unreadable"
    )
    found = rows(desk)
    assert len(found) == N
    for path, row in found.items():
        read = read_file(path)
        assert stored_metadata(row) == read
        assert row.blocks and [b["block"] for b in row.blocks] == [b.block for b in read.blocks]
        assert len(row.sha256 or "") == len(row.image_sha256 or "") == 64
        assert (row.size, row.mtime_ns) == (
            Path(path).stat().st_size,
            Path(path).stat().st_mtime_ns,
        )
        assert row.error is None and not row.missing


def _fields(metadata):
    return {name: getattr(metadata, name) for name in metadata.__slots__}


def test_a_rescan_with_nothing_changed_opens_no_file(desk, monkeypatch):
    scan_folders(desk, [DEMO])
    before = rows(desk)
    monkeypatch.setattr("photodesk.services.scanning.scan_files", _no_reading)
    report = scan_folders(desk, [DEMO])
    assert (
        report.summary() == f"scanned {N}: 0 new, 0 changed, {N} unchanged, 0 missing, 0 unreadable"
    )
    assert {p: r.scanned_at for p, r in rows(desk).items()} == {
        p: r.scanned_at for p, r in before.items()
    }


def _no_reading(paths, workers=None, options=None):
    paths = list(paths)
    assert paths == [], f"opened {paths}"
    return iter(())


def test_touched_file_with_the_same_bytes_updates_only_its_mtime(desk, tmp_path):
    path = picture(tmp_path / "pics" / "a.jpg", "A caption.")
    scan_folders(desk, [tmp_path / "pics"])
    set_values(desk, path, {"description": "marker"})
    os.utime(path, ns=(1_000_000_000, 2_000_000_000))
    report = scan_folders(desk, [tmp_path / "pics"])
    assert (report.changed, report.unchanged) == (1, 0)
    row = rows(desk)[str(path)]
    assert row.mtime_ns == 2_000_000_000
    assert row.values == {"description": "marker"}  # not re-written: the bytes are the same


def test_changed_metadata_is_read_again(desk, tmp_path):
    path = picture(tmp_path / "pics" / "a.jpg", "Old caption.")
    scan_folders(desk, [tmp_path / "pics"])
    old = rows(desk)[str(path)]
    picture(path, "New caption, longer than the old one.", "AFP")
    os.utime(path, ns=(old.mtime_ns + 10**9, old.mtime_ns + 10**9))
    report = scan_folders(desk, [tmp_path / "pics"])
    assert report.summary() == "scanned 1: 0 new, 1 changed, 0 unchanged, 0 missing, 0 unreadable"
    row = rows(desk)[str(path)]
    assert row.values == {"description": "New caption, longer than the old one.", "credit": "AFP"}
    assert row.sha256 != old.sha256
    assert row.image_sha256 == old.image_sha256  # same picture, new caption


def test_a_vanished_file_is_marked_missing_and_cleared_when_back(desk, tmp_path):
    folder = tmp_path / "pics"
    keep, gone = picture(folder / "a.jpg", "Kept."), picture(folder / "b.jpg", "Goes away.")
    scan_folders(desk, [folder])
    shutil.move(gone, tmp_path / "b.jpg")
    report = scan_folders(desk, [folder])
    assert report.summary() == "scanned 1: 0 new, 0 changed, 1 unchanged, 1 missing, 0 unreadable"
    assert rows(desk)[str(gone)].missing is True
    assert stored_metadata(rows(desk)[str(gone)]).error == MISSING
    again = scan_folders(desk, [folder])
    assert (again.missing, again.changed) == (1, 0)  # still missing: a state, said every time
    shutil.move(tmp_path / "b.jpg", gone)
    back = scan_folders(desk, [folder])
    assert back.summary() == "scanned 2: 0 new, 1 changed, 1 unchanged, 0 missing, 0 unreadable"
    assert back.reappeared == 1
    assert [r.missing for r in rows(desk).values()] == [False, False]
    assert keep.exists()


def test_unreadable_files_keep_their_error_and_the_scan_goes_on(desk, tmp_path):
    folder = tmp_path / "pics"
    good = picture(folder / "a.jpg", "Fine.")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (folder / "notes.txt").write_text("not a picture", encoding="utf-8")
    report = scan_folders(desk, [folder])
    assert report.summary() == "scanned 3: 3 new, 0 changed, 0 unchanged, 0 missing, 2 unreadable"
    assert sorted(Path(p.path).name for p in report.problems) == ["broken.jpg", "notes.txt"]
    found = rows(desk)
    assert found[str(good)].error is None
    assert found[str(folder / "notes.txt")].error == "not an image file (looks like text)"
    rescan = scan_folders(desk, [folder])
    assert (rescan.unreadable, rescan.problems) == (2, [])  # still unreadable, not re-reported


def test_a_missing_root_is_reported_and_marks_nothing_missing(desk, tmp_path):
    folder = tmp_path / "pics"
    picture(folder / "a.jpg", "Fine.")
    scan_folders(desk, [folder])
    shutil.rmtree(folder)
    report = scan_folders(desk, [folder])
    assert [(Path(p.path).name, p.reason) for p in report.bad_roots] == [
        ("pics", "No such file or directory")
    ]
    assert report.missing == 0
    assert [r.missing for r in rows(desk).values()] == [False]


def test_scanning_a_subfolder_leaves_the_rest_alone(desk, tmp_path):
    picture(tmp_path / "pics" / "a.jpg", "A.")
    inner = picture(tmp_path / "pics" / "day2" / "b.jpg", "B.")
    scan_folders(desk, [tmp_path / "pics"])
    inner.unlink()
    report = scan_folders(desk, [tmp_path / "pics" / "day2"])
    assert (report.scanned, report.missing) == (0, 1)
    assert [r.missing for r in rows(desk).values()] == [False, True]


def test_a_file_that_cannot_be_opened_keeps_its_metadata_and_is_retried(
    desk, tmp_path, monkeypatch
):
    path = picture(tmp_path / "pics" / "a.jpg", "Locked later.")
    scan_folders(desk, [tmp_path / "pics"])
    os.utime(path, ns=(10**9, 10**9))

    def locked(paths, workers=None, options=None):
        for item in paths:  # what scan_one reports when the open fails (EACCES, a dead worker)
            yield ScanResult(
                item, Metadata(str(item), error="permission denied"), error="Permission denied"
            )

    monkeypatch.setattr("photodesk.services.scanning.scan_files", locked)
    report = scan_folders(desk, [tmp_path / "pics"])
    assert (report.unreadable, [p.reason for p in report.problems]) == (1, ["Permission denied"])
    row = rows(desk)[str(path)]
    assert (row.error, row.values) == (
        "Permission denied",
        {"description": "Locked later.", "credit": "REUTERS"},
    )
    monkeypatch.undo()
    report = scan_folders(desk, [tmp_path / "pics"])  # not skipped although size and mtime agree
    assert (report.changed, report.unreadable) == (1, 0)
    row = rows(desk)[str(path)]
    assert (row.error, row.mtime_ns) == (None, 10**9)


def test_a_file_named_twice_is_scanned_once(desk, tmp_path):
    path = picture(tmp_path / "pics" / "a.jpg", "Twice.")
    report = scan_folders(desk, [path, tmp_path / "pics", tmp_path / "pics"])
    assert (report.scanned, report.new) == (1, 1)
    assert list(rows(desk)) == [str(path)]
