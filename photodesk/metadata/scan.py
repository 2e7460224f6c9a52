"""Find the candidate picture files under some folders, and scan one file.

A desk folder is whatever a photographer's card, an agency feed or a colleague left there: hidden
folders, Finder and Windows junk, sidecars, symlinks (sometimes pointing back up the tree). The
walk yields every file that *might* be a picture; what it is gets decided later by the reader's
signature sniffing, so only names that are never pictures are skipped here. The order is sorted
and deterministic so that a scan, its report and its tests do not depend on the file system's
directory order.

photodesk's own files beside a picture are never pictures, even when named on the command
line: a write-back's backups (``.NAME.orig``, ``.NAME.orig.N``: the agency original, which would
otherwise come back as a duplicate of the picture it backs up) and its temporary files. A root
naming one is reported to ``on_error`` with that reason and skipped.

``scan_one`` is everything the desk learns about one file (metadata, fingerprint, thumbnail),
with every failure kept in the result; ``parallel.scan_files`` runs it over many files.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from photodesk.core.metadata import Metadata
from photodesk.metadata.fingerprint import Fingerprint, fingerprint
from photodesk.metadata.read import read_file
from photodesk.metadata.thumbnail import ThumbnailError, make_thumbnail
from photodesk.metadata.write_atomic import is_backup_name, is_temporary_name

# Sidecars and junk that sit beside pictures but never are one (compared lower-cased).
SKIP_SUFFIXES = frozenset({".xmp", ".thm", ".aae"})
SKIP_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})

OnError = Callable[[Path, OSError], None]
DirKey = tuple[int, int]


def is_photodesk_file(name: str) -> bool:
    """True for a write-back's backup or temporary file: never a picture of the desk."""
    return is_backup_name(name) or is_temporary_name(name)


def is_candidate_name(name: str) -> bool:
    """True unless the name is hidden (also ``._*`` AppleDouble, ``.DS_Store``) or a sidecar."""
    if name.startswith("."):
        return False
    lowered = name.lower()
    if lowered in SKIP_NAMES:
        return False
    _, dot, suffix = lowered.rpartition(".")
    return not dot or f".{suffix}" not in SKIP_SUFFIXES


def walk(roots: Iterable[Path], on_error: OnError | None = None) -> Iterator[Path]:
    """Yield the candidate picture files under ``roots``, depth first, names sorted.

    Directory symlinks are followed, but every directory is entered at most once (keyed by
    ``(st_dev, st_ino)``), which both breaks symlink loops and stops two roots that overlap from
    yielding a file twice. A root that is a file is yielded as given: the user named it, unless
    it is photodesk's own backup or temporary file. A root or folder that cannot be listed, and
    a root that is photodesk's own file, is reported to ``on_error`` (if given) and skipped.
    """
    seen: set[DirKey] = set()
    for root in roots:
        try:
            is_folder = stat.S_ISDIR(root.stat().st_mode)
        except OSError as error:  # missing, dangling symlink, no permission
            _report(on_error, root, error)
            continue
        if is_folder:
            yield from _walk_tree(root, seen, on_error)
        elif is_photodesk_file(root.name):
            reason = "a backup or temporary file of photodesk write, not a picture"
            _report(on_error, root, OSError(errno.EINVAL, reason))
        elif root.is_file():
            yield root


def _walk_tree(root: Path, seen: set[DirKey], on_error: OnError | None) -> Iterator[Path]:
    """Depth-first with an explicit stack: deep trees cannot hit the recursion limit."""
    stack: list[Path] = [root]
    while stack:
        folder = stack.pop()
        if not _first_visit(folder, seen, on_error):
            continue
        files, folders = _list(folder, on_error)
        # Files of a folder come before its subfolders, each group in name order.
        yield from files
        stack.extend(reversed(folders))


def _first_visit(folder: Path, seen: set[DirKey], on_error: OnError | None) -> bool:
    try:
        info = folder.stat()
    except OSError as error:
        _report(on_error, folder, error)
        return False
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _list(folder: Path, on_error: OnError | None) -> tuple[list[Path], list[Path]]:
    """The candidate files and the subfolders of one folder, each sorted by name."""
    files: list[str] = []
    folders: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not is_candidate_name(entry.name):
                    continue
                try:
                    if entry.is_dir():  # follows symlinks; _first_visit breaks loops
                        folders.append(entry.name)
                    elif entry.is_file():  # broken symlinks, fifos and sockets are neither
                        files.append(entry.name)
                except OSError as error:
                    _report(on_error, folder / entry.name, error)
    except OSError as error:
        _report(on_error, folder, error)
    return [folder / name for name in sorted(files)], [folder / name for name in sorted(folders)]


def _report(on_error: OnError | None, path: Path, error: OSError) -> None:
    if on_error is not None:
        on_error(path, error)


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What to do per file beyond reading its metadata; hashing and thumbnails cost the most."""

    fingerprints: bool = True
    thumbnails: bool = False
    max_side: int = 320


@dataclass(frozen=True, slots=True)
class ScanResult:
    """One file's scan. ``error`` is set when the file could not be read at all (it vanished,
    no permission, the worker died); ``metadata.error`` when it is no readable picture."""

    path: Path
    metadata: Metadata
    fingerprint: Fingerprint | None = None
    thumbnail: bytes | None = None
    thumbnail_error: str | None = None
    error: str | None = None


def scan_one(path: Path, options: ScanOptions) -> ScanResult:
    """Everything the desk wants to know about one file; every failure stays in the result."""
    metadata = read_file(path)
    try:
        prints = fingerprint(path) if options.fingerprints else None
    except OSError as error:
        return ScanResult(path, metadata, error=error.strerror or type(error).__name__)
    except Exception as error:  # a parser bug must cost this file, not the whole scan
        return ScanResult(path, metadata, error=f"internal error ({type(error).__name__})")
    thumb, thumb_error = None, None
    if options.thumbnails and metadata.error is None:
        try:
            thumb = make_thumbnail(path, options.max_side)
        except ThumbnailError as error:
            thumb_error = str(error)
    return ScanResult(path, metadata, prints, thumb, thumb_error)
