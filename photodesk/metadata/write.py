"""Write a picture's values into a file: losslessly, verified, atomically, or not at all.

``write_picture`` is the only way photodesk changes a picture file. In order:

1. read the original's bytes once; refuse if they are not what the desk last scanned
   (``expected_sha256``: values computed from a stale reading must not go into a newer file),
   or if photodesk cannot find their compressed image data (then it could not prove it intact);
2. ``write_exiv2.rewrite``: the plan applied by libexiv2 in memory;
3. ``write_atomic.stage``: the result in a hidden temporary file beside the target, fsynced;
4. ``write_verify.verify``: on that file, image data byte-identical, no other copy of a block
   (a trailer, a second XMP or IPTC record) still saying something else, values read back
   exactly;
5. the backup (``--in-place``: a hard link to the original, never replacing any backup; an
   existing one stands in only when the original is byte-identical to it or is photodesk's own
   earlier output, ``written_sha256``; see ``write_atomic``);
6. ``write_atomic.commit``: rename over the target and fsync the folder.

Any failure raises ``WriteError`` with a one-line reason and leaves the target as it was (the
staged file is removed); a process killed at any point leaves the old file or the new one, plus
at most a hidden temporary file that the next write to that name removes.
``preview_write`` runs steps 1 and 2 and checks the bytes in memory (``check_bytes``: image
data and other copies), for ``--dry-run``;
given the target, it also checks that the folder would let step 3 create the staged file (and
that the target is no folder), so that a dry run says "cannot write beside X" where the real run
would, instead of "would write".
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from photodesk.core.metadata import Value
from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.fingerprint import image_digest
from photodesk.metadata.write_atomic import commit, discard, keep_backup, mode_for, stage
from photodesk.metadata.write_exiv2 import WriteError, check_writable, rewrite
from photodesk.metadata.write_verify import check_bytes, verify

__all__ = ["WriteError", "Written", "preview_write", "write_picture"]


@dataclass(frozen=True, slots=True)
class Written:
    """A write that happened (or, from ``preview_write``, would happen: ``target`` is None).

    ``warnings`` are worth an editor's eye (an IIM copy cut at its limit, a date IIM cannot
    hold); ``notes`` are the details (libexiv2's messages, IIM text converted to UTF-8).
    ``sha256`` is the hash of the file as written: after an in-place write the caller records
    it, so that the next write knows that file for its own output (``keep_backup``).
    """

    source: str
    target: str | None
    backup: str | None
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class _Original:
    data: bytes
    format: str
    image_sha256: str
    size: int
    mtime_ns: int


def preview_write(
    source: Path,
    values: Mapping[str, Value],
    *,
    expected_sha256: str | None = None,
    target: Path | None = None,
) -> Written:
    """What writing ``values`` into ``source`` (at ``target``, when given) would do, without
    writing anything.

    Raises WriteError when the real write would be refused before verification, with the real
    write's reason.
    """
    original = _load(source, expected_sha256)
    rewritten = rewrite(original.data, original.format, values)
    problem = check_bytes(rewritten.data, original.image_sha256, rewritten.plan)
    if problem is not None:
        raise WriteError(problem)
    if target is not None:
        try:
            _can_stage_beside(target)
        except OSError as error:
            raise WriteError(f"cannot write beside {target.name}: {_reason(error)}") from error
        if target.is_dir():
            raise WriteError(f"not written: {_reason(_error(errno.EISDIR))}")
    return Written(str(source), None, None, rewritten.plan.warnings, rewritten.notes)


def _can_stage_beside(target: Path) -> None:
    """Raise the OSError that creating a file in ``target``'s folder would raise.

    A folder that does not exist yet (an ``--out`` a dry run does not create) is judged by the
    nearest one that does, in which it would be made. ``os.access`` answers for the real user,
    as the write would be checked; as root it says yes, as the write would succeed.
    """
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise _error(errno.ENOTDIR)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _error(errno.EACCES)


def _error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def write_picture(
    source: Path,
    values: Mapping[str, Value],
    target: Path,
    *,
    backup: bool = False,
    expected_sha256: str | None = None,
    written_sha256: str | None = None,
) -> Written:
    """Write ``values`` into a copy of ``source`` at ``target`` (``source`` itself in place).

    With ``backup`` the original is kept beside ``source`` first (``.NAME.orig``, or the backup
    already there when ``source`` is byte-identical to it or is photodesk's own earlier output,
    whose hash the caller recorded as ``written_sha256``; else ``.NAME.orig.N``; none is ever
    replaced). Raises WriteError, with ``target`` untouched, when anything is not right.
    """
    original = _load(source, expected_sha256)
    rewritten = rewrite(original.data, original.format, values)
    try:
        mode = mode_for(target if target.exists() else source)
        staged = stage(rewritten.data, target, mode)
    except OSError as error:
        raise WriteError(f"cannot write beside {target.name}: {_reason(error)}") from error
    try:
        problem = verify(staged, original.format, original.image_sha256, rewritten.plan)
        if problem is not None:
            raise WriteError(f"not written: {problem}")
        _unchanged_since(source, original)
        kept = keep_backup(source, written_sha256) if backup else None
        commit(staged, target)
    except OSError as error:
        discard(staged)
        raise WriteError(f"not written: {_reason(error)}") from error
    except BaseException:
        discard(staged)
        raise
    plan = rewritten.plan
    return Written(
        str(source),
        str(target),
        None if kept is None else str(kept),
        plan.warnings,
        rewritten.notes,
        hashlib.sha256(rewritten.data).hexdigest(),
    )


def _load(source: Path, expected_sha256: str | None) -> _Original:
    try:
        with source.open("rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read()
    except OSError as error:
        raise WriteError(_reason(error)) from error
    if expected_sha256 is not None and hashlib.sha256(data).hexdigest() != expected_sha256:
        raise WriteError("changed since the desk last scanned it (run photodesk scan first)")
    try:
        raw = parse_container(data)
    except UnreadableImage as error:
        raise WriteError(f"unreadable image ({error})") from error
    check_writable(raw.format)
    digest = image_digest(data, raw.image_data)
    if digest is None:
        raise WriteError(
            "photodesk cannot locate its image data, so it could not prove the picture unchanged"
        )
    return _Original(data, raw.format, digest, info.st_size, info.st_mtime_ns)


def _unchanged_since(source: Path, original: _Original) -> None:
    """Refuse to replace a file that someone changed while we were writing its new version."""
    info = source.stat()
    if (info.st_size, info.st_mtime_ns) != (original.size, original.mtime_ns):
        raise WriteError("changed while it was being written; nothing was replaced")


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return error.strerror or type(error).__name__
