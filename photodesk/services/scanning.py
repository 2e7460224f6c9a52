"""``scan``: bring the desk's picture rows up to date with folders, cheaply and without loss.

A desk is rescanned all the time (the agency feed drops files every minute), so a rescan that
finds nothing new must cost no more than a walk and a stat per file: one query loads every known
file's (path, size, mtime_ns); a file whose size and mtime are unchanged is not opened at all.
Only new and changed files are read (metadata and fingerprint, in worker processes when that
pays); a file whose mtime moved but whose bytes did not (a copy, a ``touch``) only gets its new
mtime. Nothing is ever deleted: a vanished file is marked ``missing`` (its captions keep their
link) and a reappearing one is cleared. A file that cannot be read keeps its error in
``Picture.error`` and the scan goes on.

Files are read outside any transaction; what they yield is written in batches, each its own short
transaction, so that a first scan of ten thousand files never holds the desk's write lock for
long and an interrupted scan keeps what it finished.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from photodesk.metadata.parallel import scan_files
from photodesk.metadata.scan import walk
from photodesk.services.desk import Desk
from photodesk.services.editing import Clock, utc_now
from photodesk.services.progress import SILENT, Progress
from photodesk.services.scan_report import ScanProblem, ScanReport
from photodesk.services.scan_rows import Known, Seen, Writer, load_known, read_columns

BATCH = 500


def scan_folders(
    desk: Desk,
    roots: Iterable[str | Path],
    progress: Progress = SILENT,
    workers: int | None = None,
    clock: Clock = utc_now,
) -> ScanReport:
    """Scan ``roots`` (folders, or single files) into the desk and report what changed."""
    report = ScanReport()
    folders = [Path(root).resolve() for root in roots]
    with desk.read() as session:
        known = load_known(session)
    seen, todo = _walk(folders, known, report, progress)
    writer = Writer(desk, clock())
    _read(todo, known, seen, writer, report, progress, workers)
    _settle(folders, known, seen, writer, report)
    writer.flush()
    return report


def _walk(
    folders: list[Path], known: dict[str, Known], report: ScanReport, progress: Progress
) -> tuple[dict[str, Seen], list[Seen]]:
    """Stat every file under ``folders``: what is unchanged is settled here and never opened."""
    seen: dict[str, Seen] = {}
    todo: list[Seen] = []
    roots = set(folders)

    def unlisted(path: Path, error: OSError) -> None:
        problem = ScanProblem(str(path), error.strerror or str(error))
        (report.bad_roots if path in roots else report.unlisted).append(problem)

    progress.begin("looking for pictures", None)
    try:
        for path in walk(folders, unlisted):
            name = str(path)
            if name in seen:  # a file named as a root and found again in a folder root
                continue
            try:
                info = path.stat()
            except OSError:
                continue  # gone between the listing and now: it is missing, like any other
            item = Seen(path, info.st_size, info.st_mtime_ns)
            seen[name] = item
            row = known.get(name)
            if row is None or row.size != item.size or row.mtime_ns != item.mtime_ns:
                todo.append(item)
            progress.advance()
    finally:
        progress.end()
    return seen, todo


def _read(
    todo: list[Seen],
    known: dict[str, Known],
    seen: dict[str, Seen],
    writer: Writer,
    report: ScanReport,
    progress: Progress,
    workers: int | None,
) -> None:
    """Read the new and changed files; each result becomes an insert or an update."""
    progress.begin("reading pictures", len(todo))
    try:
        for result in scan_files([item.path for item in todo], workers):
            name = str(result.path)
            row = known.get(name)
            columns = read_columns(result, seen[name])
            if columns["error"] is not None:
                report.problems.append(ScanProblem(name, columns["error"]))
            if row is None:
                report.new += 1
                writer.insert(columns)
            else:
                report.changed += 1
                report.reappeared += row.missing
                writer.update(row, columns)
            if writer.pending >= BATCH:
                writer.flush()
            progress.advance()
    finally:
        progress.end()


def _settle(
    folders: list[Path],
    known: dict[str, Known],
    seen: dict[str, Seen],
    writer: Writer,
    report: ScanReport,
) -> None:
    """Unchanged files, reappearing files and vanished files; count the desk's state."""
    read = {problem.path for problem in report.problems}
    report.scanned = len(seen)
    report.unreadable = len(read)
    inside = _prefixes(str(folder) for folder in folders)
    skipped = _prefixes(problem.path for problem in (*report.unlisted, *report.bad_roots))
    for name, row in known.items():
        if name in seen:
            item = seen[name]
            if row.size == item.size and row.mtime_ns == item.mtime_ns:
                report.unchanged += not row.missing
                report.changed += row.missing
                report.reappeared += row.missing
                report.unreadable += row.has_error
                if row.missing:
                    writer.reappear(row)
        elif _under(name, inside) and not _under(name, skipped):
            report.missing += 1
            if not row.missing:
                writer.vanish(row)


def _prefixes(folders: Iterable[str]) -> list[tuple[str, str]]:
    return [(folder, folder.rstrip(os.sep) + os.sep) for folder in folders]


def _under(name: str, prefixes: list[tuple[str, str]]) -> bool:
    """True when the file ``name`` is one of the folders or lies below one of them."""
    return any(name == folder or name.startswith(below) for folder, below in prefixes)
