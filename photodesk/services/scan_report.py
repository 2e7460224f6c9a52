"""What a scan found, as plain values; the summary line is the one the command line prints."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ScanProblem:
    """A file or folder that could not be read, and why (one stderr line on the command line)."""

    path: str
    reason: str


@dataclass(slots=True)
class ScanReport:
    """Counts of one scan, plus the problems met on the way.

    ``new``, ``changed`` and ``unchanged`` split the ``scanned`` files by what this scan did with
    them (a reappearing file counts as changed: its row changed). ``missing`` and ``unreadable``
    are the state of the desk under the scanned folders afterwards: every known file not found,
    every found file that carries a read error (also when it was not re-read this time).
    ``problems`` lists only what this scan met: files it failed to read; ``unlisted`` the folders
    below the roots it could not list, ``bad_roots`` the named folders it could not scan at all
    (missing, no permission). Known files under an unlisted folder or bad root are left as they
    were, not marked missing: an unmounted drive is not ten thousand deleted pictures.
    """

    scanned: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    missing: int = 0
    unreadable: int = 0
    reappeared: int = 0
    problems: list[ScanProblem] = field(default_factory=list)
    unlisted: list[ScanProblem] = field(default_factory=list)
    bad_roots: list[ScanProblem] = field(default_factory=list)

    def summary(self) -> str:
        """``scanned N: X new, Y changed, Z unchanged, M missing, E unreadable``."""
        return (
            f"scanned {self.scanned}: {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.missing} missing, {self.unreadable} unreadable"
        )
