"""Put bytes in place so that a reader (or a crash) sees the old file or the new one, never half.

Every file photodesk writes (a picture written back, an exported sheet) goes the same way: the
bytes are written to a temporary file in the target's own folder (a rename is only atomic within
one file system), flushed and fsynced, given the mode a plain write would have given the target,
then renamed over it, and the folder is fsynced so that the rename itself survives a power cut.
The write-back verifies the staged file between ``stage`` and ``commit``; an export commits at
once (``write_atomically``).

Temporary files are named ``.NAME.photodesk-PID-XXXX.tmp``: the leading dot keeps the desk's
scanner away from them (``metadata.scan`` skips hidden names), and the PID lets a later write
remove what a killed process left behind without touching a live writer's file.

A backup (``keep_backup``) is a hard link to the original taken before the rename: the agency's
bytes stay exactly as they were, under a second name, at no copying cost. It is never replaced:
the first backup is the agency original, and a second write must not back up our own output.
An existing backup stands for the file being replaced only when that file is byte-identical to
it, or is photodesk's own earlier output (the caller says so with the hash it recorded when it
wrote the file in place; this layer keeps no record). The image digest alone cannot decide: an
agency re-delivery of the same picture with corrected metadata has the same image data, and
taking the old backup for it would lose the re-delivered file at the rename. Anything else gets
its own backup under the next free name (``.NAME.orig.2``, ``.3``, ...).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from photodesk.metadata.fingerprint import image_digest

TEMP_SUFFIX = ".tmp"
TEMP_TAG = ".photodesk-"
BACKUP_SUFFIX = ".orig"


def mode_for(target: Path) -> int:
    """The mode a plain write would give ``target``: its own if it exists, else 0666 less the
    umask (not the private 0600 a temporary file is created with)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)  # the only way to read the umask is to set it
        os.umask(mask)
        return 0o666 & ~mask


def stage(data: bytes, target: Path, mode: int | None = None) -> Path:
    """``data`` in a fsynced temporary file beside ``target``, with ``target``'s mode; its path.

    Leftovers of killed writers for the same name are removed first.
    """
    clean_stale(target)
    wanted = mode_for(target) if mode is None else mode
    prefix = f".{target.name}{TEMP_TAG}{os.getpid()}-"
    descriptor, name = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), wanted)
            os.fsync(handle.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def commit(temporary: Path, target: Path) -> None:
    """Rename the staged file over ``target`` and make the rename durable."""
    temporary.replace(target)
    sync_folder(target.parent)


def discard(temporary: Path) -> None:
    """Remove a staged file that will not be committed."""
    temporary.unlink(missing_ok=True)


def write_atomically(data: bytes, target: Path) -> None:
    """Stage and commit at once: ``target`` holds all of ``data`` or what it held before."""
    temporary = stage(data, target)
    try:
        commit(temporary, target)
    except BaseException:
        discard(temporary)
        raise


def sync_folder(folder: Path) -> None:
    """fsync a folder so that a rename in it survives a crash (a no-op where folders cannot be
    opened, as on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def clean_stale(target: Path) -> None:
    """Remove temporary files for ``target`` whose writing process no longer exists."""
    prefix = f".{target.name}{TEMP_TAG}"
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        pid = entry.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def backup_path(original: Path, number: int = 1) -> Path:
    """``.NAME.orig`` beside the original (``.NAME.orig.N`` for the Nth picture delivered under
    that name): hidden, so a scan of the folder never takes the agency's copy for a second
    picture."""
    suffix = BACKUP_SUFFIX if number == 1 else f"{BACKUP_SUFFIX}.{number}"
    return original.with_name(f".{original.name}{suffix}")


def is_backup_name(name: str) -> bool:
    """True for a name ``backup_path`` gives: ``.NAME.orig`` or ``.NAME.orig.N``."""
    if not name.startswith("."):
        return False
    stem, _, number = name.rpartition(".")
    if number.isdigit() and stem.endswith(BACKUP_SUFFIX):
        return len(stem) > len(BACKUP_SUFFIX) + 1
    return name.endswith(BACKUP_SUFFIX) and len(name) > len(BACKUP_SUFFIX) + 1


def is_temporary_name(name: str) -> bool:
    """True for a name ``stage`` gives: ``.NAME.photodesk-PID-XXXX.tmp``."""
    return name.startswith(".") and TEMP_TAG in name and name.endswith(TEMP_SUFFIX)


def keep_backup(original: Path, written_sha256: str | None = None) -> Path:
    """The backup of ``original``: an existing one that already holds it, else one made now.

    An existing backup holds ``original`` when its bytes are the same, or when ``original`` is
    photodesk's own output (its sha256 is ``written_sha256``, the hash recorded when photodesk
    last wrote it in place): then the latest backup of the same picture (same image digest) is
    the one that output was made from. Otherwise, a re-delivery say, ``original`` gets a backup
    of its own under the next free name. No backup is ever replaced. A hard link where the file
    system allows one (atomic, no copy); otherwise a fsynced copy staged and renamed into place,
    so a crash never leaves half a backup to be kept forever.
    """
    current = original.read_bytes()
    ours = written_sha256 is not None and hashlib.sha256(current).hexdigest() == written_sha256
    image = image_digest(current) if ours else None
    standing: Path | None = None
    number = 1
    while True:
        backup = backup_path(original, number)
        if backup.exists() or backup.is_symlink():
            held = _bytes_of(backup)
            if held == current:
                return backup
            if image is not None and held is not None and image_digest(held) == image:
                standing = backup  # the latest one wins: the delivery our output was made from
            number += 1
            continue
        if standing is not None:
            return standing
        if _link_or_copy(original, backup):
            return backup
        # something appeared under that name meanwhile: look at it again


def _bytes_of(backup: Path) -> bytes | None:
    try:
        return backup.read_bytes()
    except OSError:
        return None


def _link_or_copy(original: Path, backup: Path) -> bool:
    """Put ``original`` at ``backup`` unless something is there already (then False)."""
    try:
        os.link(original, backup)
    except FileExistsError:
        return False
    except OSError:
        temporary = stage(original.read_bytes(), backup, mode_for(original))
        shutil.copystat(original, temporary)
        try:
            os.link(temporary, backup)  # never renames over a backup that appeared meanwhile
        except FileExistsError:
            return False
        except OSError:
            if backup.exists():
                return False
            commit(temporary, backup)
            return True
        finally:
            discard(temporary)
    sync_folder(original.parent)
    return True
