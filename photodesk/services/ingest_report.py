"""What an ingest did, as plain values: the command line prints it, the TUI shows it.

Kept apart from ``importing`` so that the rules there read without the bookkeeping, and so that
the summary wording (a contract of sorts: people grep it) lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["new", "updated", "unchanged"]
Action = Literal["added", "updated", "removed", "kept desk edit", "kept, gone from the article"]
# How the summary names each action's count.
_LABELS: tuple[tuple[Action, str], ...] = (
    ("added", "added"),
    ("updated", "changed"),
    ("removed", "removed"),
    ("kept desk edit", "desk edits kept"),
    ("kept, gone from the article", "kept though gone from the article"),
)


@dataclass(frozen=True, slots=True)
class CaptionChange:
    """One caption that a re-ingest touched (or deliberately did not), with the fields concerned."""

    position: int
    caption_id: int | None
    action: Action
    fields: tuple[str, ...] = ()

    def describe(self) -> str:
        """``#3 updated: caption, credit`` — the position is the caption's place in the article."""
        named = f": {', '.join(self.fields)}" if self.fields else ""
        return f"#{self.position} {self.action}{named}"


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article: new, updated or unchanged, how many captions it holds, what changed."""

    path: str
    outcome: Outcome
    captions: int
    changes: tuple[CaptionChange, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An article that could not be read; the others are ingested regardless."""

    path: str
    reason: str


@dataclass(slots=True)
class IngestReport:
    """Everything one ``ingest_articles`` call did, in the order the articles were given."""

    articles: list[ArticleResult] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        """How many articles had ``outcome``."""
        return sum(1 for result in self.articles if result.outcome == outcome)

    def count_changes(self, action: Action) -> int:
        """How many captions, over every article, saw ``action``."""
        return sum(1 for r in self.articles for change in r.changes if change.action == action)

    def summary(self) -> str:
        """One line: ``ingested 3 articles: 1 new, 1 updated, 1 unchanged; 9 captions, …``."""
        captions = sum(result.captions for result in self.articles)
        line = (
            f"ingested {len(self.articles)} article{'s' * (len(self.articles) != 1)}: "
            f"{self.count('new')} new, {self.count('updated')} updated, "
            f"{self.count('unchanged')} unchanged; {captions} captions"
        )
        details = [
            f"{self.count_changes(action)} {label}"
            for action, label in _LABELS
            if self.count_changes(action)
        ]
        line += f" ({', '.join(details)})" if details else ""
        if self.failures:
            line += f"; {len(self.failures)} unreadable"
        return line
