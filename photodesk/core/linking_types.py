"""The linker's inputs and outputs: plain values, so that the core never sees a database row.

The service turns stored captions and pictures into these candidates and turns the result back
into rows; tests and benchmarks build them directly, which is what lets the linker be measured on
10,000 × 10,000 generated values without writing a single file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from photodesk.core.metadata import Value
from photodesk.core.types import Credit


@dataclass(frozen=True, slots=True)
class CaptionCandidate:
    """A caption that may need a picture: its text (credit already split off) and its clues.

    ``image_ref`` is what the article pointed at (src, file name, rendition href) and ``date`` the
    article's date (ISO); either may be missing, as in a scraped page.
    """

    caption_id: int
    article_id: int
    text: str
    credit: Credit | None = None
    image_ref: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class PictureCandidate:
    """A picture file as the linker sees it: its name and the embedded values that identify it."""

    picture_id: int
    path: str
    description: str | None = None
    creators: tuple[str, ...] = ()
    credit: str | None = None
    source: str | None = None
    date_created: str | None = None
    headline: str | None = None
    keywords: tuple[str, ...] = ()
    job_id: str | None = None

    @classmethod
    def from_values(
        cls, picture_id: int, path: str, values: Mapping[str, Value | None]
    ) -> PictureCandidate:
        """Build one from reconciled neutral fields (``Metadata.values`` or a stored row)."""

        def text(name: str) -> str | None:
            value = values.get(name)
            return "; ".join(value) if isinstance(value, tuple | list) else value or None

        def items(name: str) -> tuple[str, ...]:
            value = values.get(name)
            if value is None:
                return ()
            return (value,) if isinstance(value, str) else tuple(value)

        return cls(
            picture_id=picture_id,
            path=path,
            description=text("description"),
            creators=items("creators"),
            credit=text("credit"),
            source=text("source"),
            date_created=text("date_created"),
            headline=text("headline"),
            keywords=items("keywords"),
            job_id=text("job_id"),
        )


@dataclass(frozen=True, slots=True)
class Match:
    """One caption–picture pair as scored, with the reasons an editor reads."""

    caption_id: int
    picture_id: int
    score: float
    reasons: tuple[str, ...]
    by_reference: bool = False  # the article's image reference names this file

    @property
    def reason(self) -> str:
        """The reasons as one line, as stored in ``Caption.link_reason``."""
        return "; ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class LinkResult:
    """Accepted links; for every caption left without one, its best proposals and why.

    ``notes`` says, per caption left unlinked, in one line, why it was not linked (no candidate,
    the best is below the threshold, two pictures fit almost equally, its picture is taken).
    """

    links: tuple[Match, ...] = ()
    proposals: Mapping[int, tuple[Match, ...]] = field(default_factory=dict)
    notes: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """The decision rule; see ``docs/accuracy.md`` for how these values were measured.

    A pair is accepted when its score reaches ``accept`` and beats the caption's next available
    candidate by ``margin`` (a reference match needs no margin: the article named the file).
    Pairs from ``propose`` up are kept as proposals, at most ``max_proposals`` per caption.
    """

    accept: float = 0.8
    margin: float = 0.06
    propose: float = 0.25
    max_proposals: int = 3
    max_candidates: int = 12
