"""``write_back`` on the demo desk (copies of media/): copies, in place, the gate, the re-scan."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from photodesk.metadata.fingerprint import fingerprint
from photodesk.metadata.read import read_file
from photodesk.services.checking import ArticleNotOnDesk
from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.handover import handover
from photodesk.services.remedies import Remedy
from photodesk.services.scanning import scan_folders
from photodesk.services.writeback import WriteUsageError, write_back


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_copies_carry_the_desk_values_and_the_originals_stay(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, root = demo_copy
    before = snapshot(root / "pictures")
    out = tmp_path / "out"
    report = write_back(desk, out=out)
    assert snapshot(root / "pictures") == before
    written = [p for p in report.pictures if p.status == "written"]
    held = [p for p in report.pictures if p.status == "held back"]
    assert written and held and report.incomplete
    assert all("fails the check" in (p.reason or "") and p.remedy is Remedy.FORCE for p in held)
    values = {Path(e.path).name: e.values for e in handover(desk)}
    for picture in written:
        target = Path(picture.target or "")
        assert target.parent == out
        metadata = read_file(target)
        assert {k: metadata.values.get(k) for k in values[target.name]} == values[target.name]
        original = root / "pictures" / target.name
        assert fingerprint(target).image_sha256 == fingerprint(original).image_sha256
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p.path).name for p in written)
    assert report.rescan is None


def test_force_writes_what_the_check_holds_back(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    report = write_back(desk, out=tmp_path / "out", force=True)
    assert not report.incomplete
    assert report.count("written") == len(report.pictures)


def test_the_dry_run_shows_changes_and_writes_nothing(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, root = demo_copy
    before = snapshot(root / "pictures")
    report = write_back(desk, out=tmp_path / "out", dry_run=True)
    assert not (tmp_path / "out").exists()
    assert snapshot(root / "pictures") == before
    previews = [p for p in report.pictures if p.status == "would write"]
    assert previews and all(p.changes for p in previews)
    assert any(c.field == "credit" for p in previews for c in p.changes)
    assert any("credit cut at 32 bytes in IIM" in w for p in previews for w in p.warnings)
    held = [p for p in report.pictures if p.status == "held back"]
    assert held and all(p.changes for p in held)  # the dry run shows what it would have written


def test_in_place_keeps_backups_and_the_desk_rescans(demo_copy: tuple[Desk, Path]) -> None:
    desk, root = demo_copy
    pictures = root / "pictures"
    originals = snapshot(pictures)
    report = write_back(desk, out=None)
    written = [p for p in report.pictures if p.status == "written"]
    assert written and report.rescan is not None and report.rescan.changed == len(written)
    for picture in written:
        path = Path(picture.path)
        assert picture.backup == str(pictures / f".{path.name}.orig")
        assert Path(picture.backup).read_bytes() == originals[path.name]
        assert path.read_bytes() != originals[path.name]
    stored = {e.path: e for e in handover(desk)}
    for picture in written:
        entry = stored[picture.path]
        assert {k: entry.embedded.get(k) for k in entry.values} == dict(entry.values)
    again = write_back(desk, out=None)
    assert {p.path for p in again.pictures if p.status == "unchanged"} == {p.path for p in written}
    assert (
        snapshot(pictures)[f".{Path(written[0].path).name}.orig"]
        == originals[Path(written[0].path).name]
    )


def test_a_file_changed_after_the_scan_fails_alone(demo_copy: tuple[Desk, Path]) -> None:
    desk, _ = demo_copy
    entries = [e for e in handover(desk) if e.problem is None]
    victim = Path(entries[0].path)
    with victim.open("ab") as handle:
        handle.write(b"\0")  # trailing bytes: still a JPEG, but not the one the desk scanned
    changed = victim.read_bytes()
    report = write_back(desk, out=None, force=True)
    failed = {p.path: p for p in report.pictures if p.status == "failed"}
    assert list(failed) == [str(victim)]
    assert "changed since the desk last scanned" in (failed[str(victim)].reason or "")
    assert victim.read_bytes() == changed
    assert report.count("written") == len(report.pictures) - 1


def test_bad_selection_and_bad_out_folder_are_usage_errors(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, root = demo_copy
    with pytest.raises(ArticleNotOnDesk):
        write_back(desk, [root / "articles" / "nowhere.md"], out=tmp_path / "out")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(WriteUsageError):
        write_back(desk, out=blocker)
    report = write_back(desk, out=root / "pictures", force=True)
    assert all(
        p.reason == "the folder for the copies is this picture's own folder"
        and p.remedy is Remedy.IN_PLACE
        for p in report.pictures
    )


class Recorded:
    """A Progress that remembers what it was told (the protocol's calls, in order)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None]] = []

    def begin(self, label: str, total: int | None) -> None:
        self.calls.append((label, total))

    def advance(self, step: int = 1) -> None:
        self.calls.append(("advance", step))

    def end(self) -> None:
        self.calls.append(("end", None))


def test_the_selection_by_caption_writes_only_its_pictures_and_reports_progress(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, root = demo_copy
    entry = next(e for e in handover(desk) if e.embedded.get("credit") == "REUTERS")
    progress = Recorded()
    out = tmp_path / "out"
    report = write_back(desk, out=out, caption_ids=entry.caption_ids, progress=progress)
    assert [(Path(p.path).name, p.status) for p in report.pictures] == [
        (Path(entry.path).name, "written")
    ]
    assert [p.name for p in out.iterdir()] == [Path(entry.path).name]
    assert progress.calls == [("writing pictures", 1), ("advance", 1), ("end", None)]
    in_place = Recorded()
    again = write_back(desk, out=None, caption_ids=entry.caption_ids, progress=in_place)
    assert again.rescan is not None and again.rescan.changed == 1
    labels = [label for label, _ in in_place.calls if label not in ("advance", "end")]
    assert labels == ["writing pictures", "looking for pictures", "reading pictures"]
    assert (root / "pictures" / f".{Path(entry.path).name}.orig").exists()


def test_out_never_replaces_a_desk_picture_or_a_file_that_is_not_our_copy(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    """Two desk pictures may share a name (A/x.jpg, B/x.jpg): ``--out B`` must not overwrite
    B's picture, which has no backup; nor may a copy replace a stranger's file in --out."""
    desk, root = demo_copy
    entry = next(e for e in handover(desk) if e.path.endswith("AFP_36HK2QW.jpg"))
    other = root / "other"
    other.mkdir()
    namesake = other / "AFP_36HK2QW.jpg"  # a second desk picture of the same name
    shutil.copyfile(root / "pictures" / "GettyImages-2176543210.jpg", namesake)
    scan_folders(desk, [other])
    kept = namesake.read_bytes()
    for dry_run in (True, False):
        report = write_back(desk, out=other, force=True, dry_run=dry_run)
        [held] = [p for p in report.pictures if p.path == entry.path]
        assert held.status == "held back" and held.target is None
        assert (
            held.reason == f"{namesake} is another picture of the desk; a copy never replaces one"
        )
        assert namesake.read_bytes() == kept
    out = tmp_path / "out"
    out.mkdir()
    stranger = out / "AFP_36HK2QW.jpg"  # not on the desk, and another picture
    shutil.copyfile(root / "pictures" / "AP24283537214406.jpg", stranger)
    before = stranger.read_bytes()
    report = write_back(desk, out=out, force=True)
    [refused] = [p for p in report.pictures if p.path == entry.path]
    assert refused.status == "held back"
    assert (
        refused.reason
        == f"{stranger} exists and is no earlier photodesk copy of this picture; not replaced"
    )
    assert stranger.read_bytes() == before
    stranger.unlink()
    first = write_back(desk, out=out, force=True, caption_ids=entry.caption_ids)
    again = write_back(desk, out=out, force=True, caption_ids=entry.caption_ids)
    assert [p.status for p in first.pictures + again.pictures] == ["written", "written"]


def test_a_file_whose_blocks_disagree_is_written_not_unchanged(
    demo_copy: tuple[Desk, Path], exiftool_installed: str
) -> None:
    """The reconciled values can match the desk while an old IIM credit contradicts XMP: such
    a file is written so that its blocks agree, not reported unchanged."""
    desk, _ = demo_copy
    write_back(desk, out=None, force=True)  # every file now says what the desk says
    entry = next(e for e in handover(desk) if e.path.endswith("AFP_36HK2QW.jpg"))
    path = Path(entry.path)
    subprocess.run(
        [exiftool_installed, "-q", "-overwrite_original", "-IPTC:Credit=REUTERS", str(path)],
        check=True,
    )
    scan_folders(desk, [path])
    assert read_file(path).conflicts  # IIM says REUTERS, XMP the desk's credit
    report = write_back(desk, out=None, force=True)
    [again] = [p for p in report.pictures if p.path == entry.path]
    assert again.status == "written" and again.changes == ()
    assert any("credit: the file's blocks disagree (xmp, iim)" in w for w in again.warnings)
    assert read_file(path).conflicts == ()
    assert {p.status for p in report.pictures if p.path != entry.path} == {"unchanged"}


def test_a_redelivery_after_an_in_place_write_gets_its_own_backup(
    demo_copy: tuple[Desk, Path], exiftool_installed: str, tmp_path: Path
) -> None:
    """The agency re-sends a picture written before (the same image, SpecialInstructions
    'CORRECTS NAME') under its name: after scan and write the re-delivered file must be kept
    as ``.NAME.orig.2``, not "kept" as the first delivery's ``.NAME.orig`` and lost; a later
    write of the desk's own output then backs nothing up again."""
    desk, _ = demo_copy
    entry = next(e for e in handover(desk) if e.path.endswith("AFP_36HK2QW.jpg"))
    path = Path(entry.path)
    first_delivery = path.read_bytes()
    write_back(desk, out=None, force=True, caption_ids=entry.caption_ids)
    redelivery = tmp_path / path.name
    shutil.copyfile(path.with_name(f".{path.name}.orig"), redelivery)
    subprocess.run(
        [
            exiftool_installed,
            "-q",
            "-overwrite_original",
            "-SpecialInstructions=CORRECTS NAME",
            "-XMP-photoshop:Instructions=CORRECTS NAME",
            str(redelivery),
        ],
        check=True,
    )
    shutil.copyfile(redelivery, path)
    scan_folders(desk, [path])
    report = write_back(desk, out=None, force=True, caption_ids=entry.caption_ids)
    [second] = report.pictures
    assert second.status == "written"
    assert second.backup == str(path.with_name(f".{path.name}.orig.2"))
    assert Path(second.backup).read_bytes() == redelivery.read_bytes()
    assert path.with_name(f".{path.name}.orig").read_bytes() == first_delivery
    assert read_file(path).values["instructions"] == "CORRECTS NAME"
    caption = get_caption(desk, entry.caption_ids[0])
    edit_caption(desk, caption.id, caption.version, {"caption": caption.caption + " Corrected."})
    [third] = write_back(desk, out=None, force=True, caption_ids=entry.caption_ids).pictures
    assert (third.status, third.backup) == ("written", second.backup)
    assert not path.with_name(f".{path.name}.orig.3").exists()
