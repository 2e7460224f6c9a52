"""The walk: every candidate picture once, in a stable order, whatever the folder holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from photodesk.metadata.scan import is_candidate_name, walk


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\xff\xd8\xff")


def names(root: Path, paths: list[Path]) -> list[str]:
    return [path.relative_to(root).as_posix() for path in paths]


def test_recursive_sorted_files_before_subfolders(tmp_path):
    touch(tmp_path, "b.jpg", "a.JPG", "z/c.jpg", "m/d.jpg", "m/a/e.tif", "m/b.png")
    assert names(tmp_path, list(walk([tmp_path]))) == [
        "a.JPG", "b.jpg", "m/b.png", "m/d.jpg", "m/a/e.tif", "z/c.jpg",
    ]  # fmt: skip


def test_order_is_deterministic(tmp_path):
    touch(tmp_path, *(f"{n % 7}/{n}.jpg" for n in range(40)))
    assert list(walk([tmp_path])) == list(walk([tmp_path]))


def test_hidden_sidecar_and_junk_files_are_skipped(tmp_path):
    touch(
        tmp_path,
        "keep.jpg", ".hidden.jpg", "._keep.jpg", ".DS_Store", "Thumbs.db", "thumbs.db",
        "keep.xmp", "KEEP.XMP", "keep.thm", "keep.AAE", ".git/objects/x.jpg",
        ".Trashes/old.jpg", "sub/.thumbnails/t.jpg", "sub/real.jpg",
    )  # fmt: skip
    assert names(tmp_path, list(walk([tmp_path]))) == ["keep.jpg", "sub/real.jpg"]


def test_no_extension_filter_beyond_sidecars(tmp_path):
    """What a file is gets decided by its signature later, not by its name."""
    touch(tmp_path, "IMG_0001", "scan.tiff", "photo.heic", "notes.txt", "xmp", "a.xmp.jpg")
    found = names(tmp_path, list(walk([tmp_path])))
    assert found == ["IMG_0001", "a.xmp.jpg", "notes.txt", "photo.heic", "scan.tiff", "xmp"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.jpg", True), ("a.xmp", False), ("A.THM", False), (".x", False), ("._a.jpg", False),
     ("Thumbs.db", False), ("desktop.ini", False), ("xmp", True), ("photo.aae.jpg", True)],
)  # fmt: skip
def test_candidate_names(name, expected):
    assert is_candidate_name(name) is expected


def test_symlink_loop_terminates_and_yields_each_file_once(tmp_path):
    touch(tmp_path, "a/one.jpg", "a/b/two.jpg")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(".", target_is_directory=True)
    assert names(tmp_path, list(walk([tmp_path]))) == ["a/one.jpg", "a/b/two.jpg"]


def test_directory_symlink_is_followed_once(tmp_path):
    outside = tmp_path / "outside"
    touch(outside, "x.jpg")
    desk = tmp_path / "desk"
    touch(desk, "own.jpg")
    (desk / "link1").symlink_to(outside, target_is_directory=True)
    (desk / "link2").symlink_to(outside, target_is_directory=True)
    assert names(desk, list(walk([desk]))) == ["own.jpg", "link1/x.jpg"]


def test_file_symlinks_are_files_and_broken_ones_are_skipped(tmp_path):
    touch(tmp_path, "real.jpg")
    (tmp_path / "alias.jpg").symlink_to(tmp_path / "real.jpg")
    (tmp_path / "dangling.jpg").symlink_to(tmp_path / "gone.jpg")
    assert names(tmp_path, list(walk([tmp_path]))) == ["alias.jpg", "real.jpg"]


def test_overlapping_roots_do_not_repeat_files(tmp_path):
    touch(tmp_path, "a.jpg", "sub/b.jpg")
    found = list(walk([tmp_path, tmp_path / "sub", tmp_path]))
    assert names(tmp_path, found) == ["a.jpg", "sub/b.jpg"]


def test_a_file_root_is_yielded_as_given_even_if_hidden(tmp_path):
    touch(tmp_path, ".named.jpg", "other.jpg")
    assert list(walk([tmp_path / ".named.jpg"])) == [tmp_path / ".named.jpg"]


def test_missing_root_is_reported_not_raised(tmp_path):
    errors: list[tuple[Path, OSError]] = []
    touch(tmp_path, "a.jpg")
    roots = [tmp_path / "missing", tmp_path]
    found = list(walk(roots, on_error=lambda path, error: errors.append((path, error))))
    assert names(tmp_path, found) == ["a.jpg"]
    assert [path for path, _ in errors] == [tmp_path / "missing"]
    assert isinstance(errors[0][1], FileNotFoundError)


def test_unlistable_folder_is_reported_and_skipped(tmp_path, monkeypatch):
    touch(tmp_path, "a.jpg", "locked/b.jpg", "z/c.jpg")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[Path] = []
    found = list(walk([tmp_path], on_error=lambda p, e: errors.append(p)))
    assert names(tmp_path, found) == ["a.jpg", "z/c.jpg"]
    assert errors == [tmp_path / "locked"]


def test_deep_tree_does_not_recurse(tmp_path):
    deep = tmp_path
    for level in range(300):
        deep = deep / f"d{level}"
    touch(deep, "bottom.jpg")
    assert list(walk([tmp_path])) == [deep / "bottom.jpg"]


def test_backups_and_temporary_files_are_never_pictures_even_when_named(tmp_path):
    """``photodesk scan .x.jpg.orig`` must not put the agency's backup on the desk as a second
    copy of the picture it backs up; the root is reported with the reason instead."""
    ours = [".x.jpg.orig", ".x.jpg.orig.2", ".x.jpg.photodesk-123-abcd.tmp"]
    touch(tmp_path, "x.jpg", ".hidden.jpg", *ours)
    reported: list[tuple[str, str]] = []
    roots = [tmp_path / name for name in ["x.jpg", ".hidden.jpg", *ours]]
    found = list(walk(roots, lambda path, error: reported.append((path.name, error.strerror))))
    assert names(tmp_path, found) == ["x.jpg", ".hidden.jpg"]  # a hidden name of the user's
    assert [name for name, _ in reported] == ours
    assert all("backup or temporary file of photodesk write" in why for _, why in reported)
