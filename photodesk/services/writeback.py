"""``write``: the desk's captions and credits into the picture files, as copies or in place.

Per linked picture (``handover``: the values the file should carry), in path order, one bad file
never stopping the others:

- a picture the handover cannot write (captions that disagree, a missing or unreadable file) is
  held back with its reason;
- so is one whose caption the check judges ``error``, unless ``force``: a wrong credit must not
  go into a file that leaves the desk (the dry run shows it too);
- with ``out`` each file is written as a copy into that folder (the originals are never opened
  for writing), never over a picture the desk holds (``--out`` may be another desk folder with
  a namesake, which has no backup) nor over a file that is not an earlier copy of the same
  picture (``DeskFiles.refusal``); without it the file itself is rewritten, its original
  first kept beside it as a hidden ``.NAME.orig`` (never replaced: the first backup is the
  agency original; a new picture under the same name gets ``.NAME.orig.2``), and a file that
  already says everything is left alone (``unchanged``, whatever its caption's verdict: nothing
  would go into it);
- the write itself (``metadata.write``) is verified and atomic, and refuses a file that changed
  since the desk last scanned it.

After an in-place write the desk records each written file's hash (``written_sha256``: the
next in-place write lets the existing backup stand for that file only while it is still this
output, so that a re-delivery under the same name gets a backup of its own) and re-scans the
written files, so that its stored embedded values and fingerprints are the new files' and the
next check compares with what the files now say.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from photodesk.core.handover import FieldChange, changes
from photodesk.metadata.fingerprint import fingerprint
from photodesk.metadata.write import WriteError, preview_write, write_picture
from photodesk.metadata.write_plan import UnwritableValue, plan_write
from photodesk.services.checking import current_verdicts
from photodesk.services.desk import Desk
from photodesk.services.findings import Verdict
from photodesk.services.handover import PictureHandover, handover, held_by_check
from photodesk.services.progress import SILENT, Progress
from photodesk.services.remedies import Hold, Remedy
from photodesk.services.scan_report import ScanReport
from photodesk.services.scanning import scan_folders
from photodesk.store import queries_export, queries_scan

Status = Literal["written", "would write", "unchanged", "held back", "failed"]
NOT_WRITTEN: frozenset[Status] = frozenset({"held back", "failed"})


class WriteUsageError(ValueError):
    """The command cannot start (an output folder that cannot be used); nothing was written."""

    def __init__(self, subject: str, reason: str) -> None:
        super().__init__(f"{subject}: {reason}")
        self.subject = subject
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PictureWrite:
    """What happened to one picture: ``reason`` says why it was held back or failed, and
    ``remedy`` which switch of the front end would let it through (``services.remedies``)."""

    path: str
    target: str | None
    status: Status
    changes: tuple[FieldChange, ...] = ()
    warnings: tuple[str, ...] = ()
    reason: str | None = None
    backup: str | None = None
    remedy: Remedy | None = None
    sha256: str | None = None  # the file as written in place, which the desk records


@dataclass(slots=True)
class WriteReport:
    """Every picture of the selection, in path order; ``rescan`` after an in-place write."""

    pictures: list[PictureWrite] = field(default_factory=list)
    rescan: ScanReport | None = None

    def count(self, status: Status) -> int:
        return sum(1 for picture in self.pictures if picture.status == status)

    @property
    def incomplete(self) -> bool:
        """True when some picture was held back or failed (the command's exit status 1)."""
        return any(picture.status in NOT_WRITTEN for picture in self.pictures)


def write_back(
    desk: Desk,
    articles: Sequence[str | Path] = (),
    *,
    out: Path | None,
    dry_run: bool = False,
    force: bool = False,
    caption_ids: Collection[int] | None = None,
    progress: Progress = SILENT,
) -> WriteReport:
    """Write (or with ``dry_run`` preview) the selection; ``out`` None means in place.

    ``caption_ids`` narrows the selection to the pictures of those captions (as ``handover``;
    None: no restriction). ``progress`` hears one phase per picture file, then the re-scan's
    phases after an in-place write: the UI shows a bar, the command line passes nothing.
    Raises ArticleNotOnDesk for an unknown article and WriteUsageError for an unusable ``out``.
    """
    entries = handover(desk, articles, caption_ids=caption_ids)
    if out is not None:
        _prepare(out, dry_run)
    verdicts = {verdict.caption_id: verdict for verdict in current_verdicts(desk)}
    with desk.read() as session:
        stored = queries_export.pictures_for_export(session)
        scanned = {p.id: Hashes(p.sha256, p.written_sha256) for p in stored}
        desk_files = DeskFiles(
            frozenset(resolved_path(Path(p.path)) for p in stored),
            {p.id: p.image_sha256 for p in stored},
        )
    report = WriteReport()
    taken: set[Path] = set()
    progress.begin("checking pictures" if dry_run else "writing pictures", len(entries))
    try:
        for entry in entries:
            report.pictures.append(
                _one(entry, out, verdicts, taken, force, dry_run, scanned, desk_files)
            )
            progress.advance()
    finally:
        progress.end()
    written = [p.path for p in report.pictures if p.status == "written"]
    if out is None and written:
        _record_written(desk, entries, report.pictures)
        report.rescan = scan_folders(desk, written, progress)
    return report


@dataclass(frozen=True, slots=True)
class Hashes:
    """A picture file's sha256 as the desk last scanned it, and as photodesk last wrote it in
    place (None: never, or not since the desk recorded it)."""

    scanned: str | None
    written: str | None


def _record_written(
    desk: Desk, entries: Sequence[PictureHandover], done: Sequence[PictureWrite]
) -> None:
    """Remember each file written in place as photodesk's own output (see ``keep_backup``).

    Recorded after the files are in place: a run killed in between leaves a file the desk does
    not know for its own, whose next write then keeps one backup too many, never one too few.
    """
    rows = [
        {"id": entry.picture_id, "written_sha256": picture.sha256}
        for entry, picture in zip(entries, done, strict=True)
        if picture.status == "written" and entry.picture_id is not None and picture.sha256
    ]
    if rows:
        with desk.write() as session:
            queries_scan.update_pictures(session, rows)


def _one(
    entry: PictureHandover,
    out: Path | None,
    verdicts: Mapping[int, Verdict],
    taken: set[Path],
    force: bool,
    dry_run: bool,
    scanned: Mapping[int | None, Hashes],
    desk_files: DeskFiles,
) -> PictureWrite:
    """One picture of the selection: left alone, held back, or written (previewed)."""
    target = Path(entry.path) if out is None else out / Path(entry.path).name
    found = changes(entry.embedded, entry.values) if not entry.problem else ()
    mended = _mended_conflicts(entry) if not entry.problem else ()
    held = _held_back(entry, target, out, verdicts, taken, force, desk_files)
    if out is None and not found and not mended and not entry.problem:
        return PictureWrite(entry.path, None, "unchanged")
    if held is not None:
        return PictureWrite(
            entry.path, None, "held back", found, mended, reason=held.reason, remedy=held.remedy
        )
    taken.add(target)
    hashes = scanned.get(entry.picture_id, Hashes(None, None))
    return _write(entry, target, found, out is None, dry_run, hashes, mended)


def _mended_conflicts(entry: PictureHandover) -> tuple[str, ...]:
    """A line per field whose blocks disagree in the file and agree once it is written.

    "Unchanged" compares reconciled values, which hide an old IIM copy contradicting XMP; such a
    file is written, so that every block says the same. Only conflicts the write resolves
    count (every disagreeing block is one the plan writes the field into): EXIF
    DateTimeOriginal, say, is never rewritten, and must not make a file be written forever.
    """
    if not entry.conflicts:
        return ()
    try:
        expected = plan_write(entry.values, iim=True).expected
    except UnwritableValue:
        return ()  # the write refuses the file anyway, with the reason
    return tuple(
        f"{conflict.field}: the file's blocks disagree ({', '.join(conflict.values)}); "
        "written so that they agree"
        for conflict in entry.conflicts
        if conflict.field in entry.values
        and all(conflict.field in expected.get(block, {}) for block in conflict.values)
    )


def _prepare(out: Path, dry_run: bool) -> None:
    if out.exists() and not out.is_dir():
        raise WriteUsageError(str(out), "not a folder (the copies need a folder to go into)")
    if dry_run:
        return
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteUsageError(str(out), error.strerror or type(error).__name__) from error


def _held_back(
    entry: PictureHandover,
    target: Path,
    out: Path | None,
    verdicts: Mapping[int, Verdict],
    taken: set[Path],
    force: bool,
    desk_files: DeskFiles,
) -> Hold | None:
    """Why this picture must not be written now, or None."""
    if entry.problem:
        return Hold(entry.problem)
    if not force and (held := held_by_check(entry.caption_ids, verdicts)) is not None:
        return held
    if out is not None:
        if target in taken:
            return Hold(f"another picture of this selection is also called {target.name}")
        return desk_files.refusal(entry, target)
    return None


@dataclass(frozen=True, slots=True)
class DeskFiles:
    """The desk's pictures, for keeping ``--out`` off them: their resolved paths, and each
    one's image digest as last scanned (by picture id)."""

    paths: frozenset[Path]
    images: Mapping[int | None, str | None]

    def refusal(self, entry: PictureHandover, target: Path) -> Hold | None:
        """Why ``target`` in ``--out`` must not be (re)placed by ``entry``'s copy, or None.

        A copy never replaces a picture the desk holds (two desk pictures may share a name, and
        ``--out`` is no backup), and replaces another existing file only when that is an earlier
        copy of the same picture (the same image digest, which a metadata write keeps).
        """
        resolved = resolved_path(target)
        if resolved == resolved_path(Path(entry.path)):
            return Hold("the folder for the copies is this picture's own folder", Remedy.IN_PLACE)
        if resolved in self.paths:
            return Hold(f"{target} is another picture of the desk; a copy never replaces one")
        if not (target.exists() or target.is_symlink()):
            return None
        wanted = self.images.get(entry.picture_id)
        if wanted is not None and target.is_file() and _image_of(target) == wanted:
            return None
        return Hold(
            f"{target} exists and is no earlier photodesk copy of this picture; not replaced"
        )


def resolved_path(path: Path) -> Path:
    """``path`` with its links followed, or made absolute when it cannot be resolved: the one
    way photodesk tells whether two paths name the same file before writing onto one."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _image_of(path: Path) -> str | None:
    try:
        return fingerprint(path).image_sha256
    except OSError:
        return None


def _write(
    entry: PictureHandover,
    target: Path,
    found: tuple[FieldChange, ...],
    in_place: bool,
    dry_run: bool,
    hashes: Hashes,
    mended: tuple[str, ...] = (),
) -> PictureWrite:
    source = Path(entry.path)
    sha256 = hashes.scanned
    try:
        if dry_run:
            done = preview_write(source, entry.values, expected_sha256=sha256, target=target)
        else:
            done = write_picture(
                source,
                entry.values,
                target,
                backup=in_place,
                expected_sha256=sha256,
                written_sha256=hashes.written if in_place else None,
            )
    except WriteError as error:
        return PictureWrite(entry.path, str(target), "failed", found, reason=str(error))
    status: Status = "would write" if dry_run else "written"
    warnings = (*mended, *done.warnings)
    written = done.sha256 if in_place else None
    return PictureWrite(
        entry.path, str(target), status, found, warnings, backup=done.backup, sha256=written
    )
