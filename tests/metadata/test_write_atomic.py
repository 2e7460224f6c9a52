"""Atomic writes: a process killed mid-write leaves the old file or the new one, never half.

The kill test runs a child process that rewrites a copy of a real agency JPEG in place, in a
loop, alternating two credits, and SIGKILLs it at several random moments (seeded, so a failure
can be replayed). Whatever the moment, the file must then read as one of the two credits with
the original image data, and the only other files beside it are hidden (the backup, at most a
temporary file), which the next write cleans up. Each write says the file in place is its
own output, as the desk does with the hash it records, so no second backup is made. No
assertion depends on how long anything takes.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from photodesk.metadata.fingerprint import fingerprint
from photodesk.metadata.read import read_file
from photodesk.metadata.scan import walk
from photodesk.metadata.write import write_picture
from photodesk.metadata.write_atomic import (
    backup_path,
    clean_stale,
    keep_backup,
    stage,
    write_atomically,
)

REPO = Path(__file__).resolve().parents[2]
AGENCY = REPO / "media" / "pictures" / "GettyImages-2176543210.jpg"
CREDITS = ("Léa Fournier/Getty Images", "Ри Сон Чол/KCNA via REUTERS")
CHILD = textwrap.dedent(
    """
    import hashlib
    import sys
    from pathlib import Path
    from photodesk.metadata.write import write_picture

    path, credits = Path(sys.argv[1]), sys.argv[2:]
    n = 0
    while True:
        ours = hashlib.sha256(path.read_bytes()).hexdigest()  # as the desk records its output
        write_picture(path, {"credit": credits[n % 2]}, path, backup=True, written_sha256=ours)
        n += 1
        print(n, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_killed_in_place_write_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    picture = tmp_path / AGENCY.name
    shutil.copyfile(AGENCY, picture)
    image = fingerprint(picture).image_sha256
    rng = random.Random(7)
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(picture), *CREDITS],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip(), child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0, 0.25))  # a random moment, not a measurement
        child.send_signal(signal.SIGKILL)
        child.wait()
        metadata = read_file(picture)
        assert metadata.error is None
        assert metadata.values["credit"] in CREDITS
        assert fingerprint(picture).image_sha256 == image
        assert [p.name for p in walk([tmp_path])] == [picture.name]  # the scanner sees one
        assert all(p.name.startswith(".") for p in tmp_path.iterdir() if p != picture)
    assert backup_path(picture).read_bytes() == AGENCY.read_bytes()  # the agency original
    ours = hashlib.sha256(picture.read_bytes()).hexdigest()
    write_picture(picture, {"credit": CREDITS[0]}, picture, backup=True, written_sha256=ours)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([picture.name, backup_path(picture).name])  # leftovers cleaned


def test_a_staged_file_gets_the_targets_mode_and_a_hidden_name(tmp_path: Path) -> None:
    target = tmp_path / "sheet.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    staged = stage(b"new", target)
    assert staged.name.startswith(".sheet.json.photodesk-") and staged.parent == tmp_path
    assert (staged.stat().st_mode & 0o777, target.read_bytes()) == (0o640, b"old")
    write_atomically(b"newer", target)
    assert target.read_bytes() == b"newer"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, staged.name])


def test_only_the_temporary_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "a.jpg"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".a.jpg.photodesk-{dead.pid}-xyz.tmp"
    live = tmp_path / f".a.jpg.photodesk-{os.getpid()}-abc.tmp"
    other = tmp_path / f".b.jpg.photodesk-{dead.pid}-xyz.tmp"
    for path in (stale, live, other):
        path.write_bytes(b"partial")
    clean_stale(target)
    assert not stale.exists() and live.exists() and other.exists()


def test_a_backup_is_made_once_and_never_replaced(tmp_path: Path) -> None:
    original = tmp_path / "a.jpg"
    agency = AGENCY.read_bytes()
    original.write_bytes(agency)
    backup = keep_backup(original)
    assert backup == tmp_path / ".a.jpg.orig" and backup.read_bytes() == agency
    ours = agency + b"\0"  # other bytes, the same picture (as a metadata write leaves it)
    write_atomically(ours, original)  # the rename leaves the backup's inode alone
    written = hashlib.sha256(ours).hexdigest()
    assert keep_backup(original, written) == backup and backup.read_bytes() == agency


def test_a_new_delivery_under_the_same_name_gets_its_own_backup(tmp_path: Path) -> None:
    """The agency sends another picture under a name written before: ``.NAME.orig`` backs up
    the first picture, so the new one must get a backup of its own, and be told which."""
    first, second = REPO / "media/pictures/AFP_33VU6HT.jpg", REPO / "media/pictures/AFP_33VY7UN.jpg"
    picture = tmp_path / "delivery.jpg"
    shutil.copyfile(first, picture)
    done = write_picture(picture, {"credit": CREDITS[0]}, picture, backup=True)
    assert done.backup == str(backup_path(picture))
    shutil.copyfile(second, picture)  # the new delivery, a different picture
    done = write_picture(picture, {"credit": CREDITS[1]}, picture, backup=True)
    assert done.backup == str(tmp_path / ".delivery.jpg.orig.2")
    assert backup_path(picture).read_bytes() == first.read_bytes()  # never replaced
    assert backup_path(picture, 2).read_bytes() == second.read_bytes()
    again = write_picture(
        picture, {"credit": CREDITS[0]}, picture, backup=True, written_sha256=done.sha256
    )
    assert again.backup == done.backup  # our own output is not backed up again
    assert backup_path(picture, 2).read_bytes() == second.read_bytes()
    assert [p.name for p in walk([tmp_path])] == [picture.name]  # backups stay hidden


@pytest.mark.usefixtures("exiftool_installed")
def test_a_redelivery_of_the_same_picture_gets_its_own_backup(tmp_path: Path) -> None:
    """The agency re-sends the picture written before (same image data, a corrected caption)
    under the same name: the first backup holds the first delivery, so the re-delivered file
    must get a backup of its own, or the rename loses it. Only photodesk's own output (the hash
    the desk recorded) or a byte-identical file lets an existing backup stand in."""
    picture = tmp_path / AGENCY.name
    shutil.copyfile(AGENCY, picture)
    first = write_picture(picture, {"credit": CREDITS[0]}, picture, backup=True)
    redelivery = tmp_path / "redelivery.jpg"
    correct = ["exiftool", "-q", "-SpecialInstructions=CORRECTS NAME", "-o", str(redelivery)]
    subprocess.run([*correct, str(AGENCY)], check=True)
    assert fingerprint(redelivery).image_sha256 == fingerprint(AGENCY).image_sha256
    shutil.copyfile(redelivery, picture)
    second = write_picture(
        picture, {"credit": CREDITS[1]}, picture, backup=True, written_sha256=first.sha256
    )
    assert second.backup == str(backup_path(picture, 2))
    assert backup_path(picture).read_bytes() == AGENCY.read_bytes()
    assert backup_path(picture, 2).read_bytes() == redelivery.read_bytes()
    third = write_picture(
        picture, {"credit": CREDITS[0]}, picture, backup=True, written_sha256=second.sha256
    )
    assert third.backup == second.backup  # our output of the re-delivery: its backup stands
    assert not backup_path(picture, 3).exists()
    shutil.copyfile(backup_path(picture, 2), picture)  # put back by hand: byte-identical
    assert keep_backup(picture) == backup_path(picture, 2)
    assert not backup_path(picture, 3).exists()
