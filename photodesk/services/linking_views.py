"""What linking reports: plain read models for the command line and the UI.

Every caption gets one outcome: ``linked`` by the linker (with its score and reasons), ``manual``
(linked, or deliberately left unlinked, by an editor; the linker never touches it), ``proposed``
(no link, but candidates an editor can pick from, each with its reasons), or ``unlinked`` (no
candidate at all). ``note`` says in words why a caption has no link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["linked", "manual", "proposed", "unlinked"]


@dataclass(frozen=True, slots=True)
class ProposalView:
    """A candidate picture for a caption, with the score and the reasons it got."""

    picture_id: int
    picture: str  # the file's path
    score: float
    reasons: str


@dataclass(frozen=True, slots=True)
class CaptionOutcome:
    """Where one caption stands after linking."""

    caption_id: int
    article: str
    position: int
    outcome: Outcome
    picture_id: int | None = None
    picture: str | None = None
    score: float | None = None
    reason: str | None = None  # why it is linked (reasons), or why it is not (the note)
    proposals: tuple[ProposalView, ...] = ()
    released: tuple[int, ...] = ()  # captions a link by hand took this picture from


@dataclass(frozen=True, slots=True)
class LinkReport:
    """One linking run: counts by outcome, how many links changed, and every caption's outcome."""

    captions: tuple[CaptionOutcome, ...]
    changed: int

    def count(self, outcome: Outcome) -> int:
        """How many captions ended with ``outcome``."""
        return sum(1 for c in self.captions if c.outcome == outcome)

    @property
    def linked(self) -> int:
        return self.count("linked")

    @property
    def proposed(self) -> int:
        return self.count("proposed")

    @property
    def unlinked(self) -> int:
        return self.count("unlinked")

    @property
    def manual(self) -> int:
        return self.count("manual")

    def summary(self) -> str:
        """``linked 9 of 12 captions: 2 proposed, 1 without a candidate, 0 by hand; 9 changed``."""
        return (
            f"linked {self.linked} of {len(self.captions)} captions: {self.proposed} proposed, "
            f"{self.unlinked} without a candidate, {self.manual} by hand; "
            f"{self.changed} link{'' if self.changed == 1 else 's'} changed"
        )
