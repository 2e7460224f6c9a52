"""Which captions the table shows: problems only, unlinked only, one article, free text.

Pure functions over the rows the workbench gave, so a filter on 20,000 captions is a list
comprehension, not a query, and the tests can check it without an app.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from photodesk.core.linking_text import fold

PROBLEM_STATUSES = frozenset({"warning", "error"})


class Filterable(Protocol):
    """What a filter looks at in a desk row."""

    @property
    def status(self) -> str: ...
    @property
    def picture(self) -> str | None: ...
    @property
    def article(self) -> str: ...
    @property
    def caption(self) -> str: ...
    @property
    def credit(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class DeskFilter:
    """The filters in force; the default shows every caption."""

    problems: bool = False
    unlinked: bool = False
    article: str | None = None
    search: str = ""

    def matches(self, row: Filterable) -> bool:
        """Whether ``row`` passes every filter (the search is a substring match blind to case and
        accents: a desk types "lea fournier" for a credit that reads "Léa Fournier")."""
        if self.problems and row.status not in PROBLEM_STATUSES:
            return False
        if self.unlinked and row.picture is not None:
            return False
        if self.article is not None and row.article != self.article:
            return False
        return not self.search or self._needle in _haystack(row)

    @property
    def _needle(self) -> str:
        return fold(self.search).strip()

    def toggle(self, name: str) -> DeskFilter:
        """The same filters with the boolean filter ``name`` flipped."""
        if name == "problems":
            return replace(self, problems=not self.problems)
        if name == "unlinked":
            return replace(self, unlinked=not self.unlinked)
        raise ValueError(f"no boolean filter {name!r}")

    def with_article(self, article: str | None) -> DeskFilter:
        """The same filters limited to ``article`` (None: every article)."""
        return replace(self, article=article)

    def with_search(self, search: str) -> DeskFilter:
        """The same filters with another search text."""
        return replace(self, search=search)

    def describe(self) -> str:
        """The filters in words for the filter bar ('all captions' when none)."""
        parts = [
            *(["problems"] if self.problems else []),
            *(["unlinked"] if self.unlinked else []),
            *([f"article {self.article}"] if self.article else []),
            *([f'"{self.search.strip()}"'] if self.search.strip() else []),
        ]
        return "showing: " + (" + ".join(parts) if parts else "all captions")


def _haystack(row: Filterable) -> str:
    """The row's searchable text folded as the needle is (``linking_text.fold``: the linker's
    own fold, so search and linking agree on what counts as the same name)."""
    return fold(" ".join((row.caption, row.credit or "", row.picture or "", row.article)))


def visible(rows: Iterable[Filterable], desk_filter: DeskFilter) -> list[int]:
    """Indexes of the rows that pass ``desk_filter``, in order."""
    return [i for i, row in enumerate(rows) if desk_filter.matches(row)]


def next_problem(statuses: Sequence[str], start: int, step: int) -> int | None:
    """The index of the next problem row from ``start`` in direction ``step`` (±1), wrapping.

    ``start`` itself is checked last, so pressing ``n`` on the only problem stays there.
    """
    count = len(statuses)
    for offset in range(1, count + 1):
        index = (start + step * offset) % count
        if statuses[index] in PROBLEM_STATUSES:
            return index
    return None
