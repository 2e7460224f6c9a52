"""The scan's side of the ``picture`` table: one query in, batched executemany writes out.

A rescan of ten thousand unchanged files has a one-second budget, so known files are loaded as
plain tuples (no ORM objects) and changes are written with one executemany per batch rather than
row by row. Each write names only the columns it changes: a file whose bytes are the same after
a ``touch`` gets its new mtime and nothing else, and a file that could not be opened keeps the
metadata it had, gains the error, and is tried again by the next scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from photodesk.metadata.scan import ScanResult
from photodesk.services.desk import Desk
from photodesk.services.findings import refresh_findings
from photodesk.services.picture_metadata import metadata_columns
from photodesk.store import queries_scan
from photodesk.store.queries_scan import Known, load_known
from photodesk.store.session import IntegrityError

__all__ = ["RETRY_MTIME", "Known", "Seen", "Writer", "load_known", "read_columns", "update_columns"]

RETRY_MTIME = -1  # no file has it: the next scan re-reads a file that could not be opened


@dataclass(frozen=True, slots=True)
class Seen:
    """A file found by this scan, with what ``stat`` said about it."""

    path: Path
    size: int
    mtime_ns: int


def read_columns(result: ScanResult, seen: Seen) -> dict[str, Any]:
    """A scanned file's full row (no ``id``); ``error`` is set when it could not be read."""
    columns = metadata_columns(result.metadata)
    columns.update(path=str(result.path), missing=False)
    prints = result.fingerprint
    if prints is None or result.error is not None:
        columns.update(size=seen.size, mtime_ns=RETRY_MTIME, sha256=None, image_sha256=None)
    else:
        columns.update(
            size=prints.size,
            mtime_ns=prints.mtime_ns,
            sha256=prints.sha256,
            image_sha256=prints.image_sha256,
        )
    columns["error"] = result.error or result.metadata.error
    return columns


def update_columns(row: Known, columns: dict[str, Any]) -> dict[str, Any]:
    """The least that must change in ``row`` for a re-read file with ``columns``."""
    if columns["mtime_ns"] == RETRY_MTIME:
        return {"error": columns["error"], "mtime_ns": RETRY_MTIME, "missing": False}
    if row.sha256 is not None and row.sha256 == columns["sha256"] and not row.has_error:
        return {"size": columns["size"], "mtime_ns": columns["mtime_ns"], "missing": False}
    return {name: value for name, value in columns.items() if name != "path"}


class Writer:
    """Collects inserts and updates and writes each batch in one short transaction."""

    def __init__(self, desk: Desk, now: datetime) -> None:
        self.desk = desk
        self.now = now
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []

    @property
    def pending(self) -> int:
        """Rows waiting for ``flush``."""
        return len(self.inserts) + len(self.updates)

    def insert(self, columns: dict[str, Any]) -> None:
        """A file the desk has never seen."""
        self.inserts.append({**columns, "scanned_at": self.now})

    def update(self, row: Known, columns: dict[str, Any]) -> None:
        """A known file that was re-read."""
        self.updates.append({**update_columns(row, columns), "id": row.id, "scanned_at": self.now})

    def reappear(self, row: Known) -> None:
        """A file marked missing is back, unchanged."""
        self.updates.append({"id": row.id, "missing": False, "scanned_at": self.now})

    def vanish(self, row: Known) -> None:
        """A known file is gone: mark it, never delete it (captions may still point at it)."""
        self.updates.append({"id": row.id, "missing": True})

    def flush(self) -> None:
        """Write the batch; a file another scan inserted meanwhile becomes an update of it."""
        if not self.pending:
            return
        try:
            self._write()
        except IntegrityError:
            self._inserts_to_updates()
            self._write()
        self.inserts.clear()
        self.updates.clear()

    def _write(self) -> None:
        house = self.desk.house
        with self.desk.write() as session:
            if self.inserts:
                queries_scan.insert_pictures(session, self.inserts)
            if self.updates:
                queries_scan.update_pictures(session, self.updates)
                # a re-read or vanished picture changes what its captions are checked against
                touched = [row["id"] for row in self.updates]
                refresh_findings(session, house, self.now, picture_ids=touched)

    def _inserts_to_updates(self) -> None:
        paths = [row["path"] for row in self.inserts]
        with self.desk.read() as session:
            ids = queries_scan.picture_ids_by_path(session, paths)
        for row in self.inserts:
            if row["path"] in ids:
                self.updates.append({**row, "id": ids[row["path"]]})
        self.inserts = [row for row in self.inserts if row["path"] not in ids]
