"""Frozen value types shared by every layer.

They are plain dataclasses so that the store, the CLI and the UI can pass them around without
importing each other, and so that a parsed credit can be compared and hashed in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line understood: who made the picture and who distributes it.

    ``text`` is the credit as printed (labels such as ``Photo by`` kept, brackets dropped), so that
    a desk can always show the editor exactly what the source said.
    """

    text: str
    creators: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    agency: str | None = None
    handout: bool = False
    pool: bool = False
    via: bool = False

    def as_dict(self) -> dict[str, object]:
        """The credit object of the JSON contract (DESIGN.md), keys always present."""
        return {
            "credit": self.text,
            "creators": list(self.creators),
            "organizations": list(self.organizations),
            "agency": self.agency,
            "handout": self.handout,
            "pool": self.pool,
            "via": self.via,
        }


@dataclass(frozen=True, slots=True)
class CaptionSplit:
    """A caption separated from its credit; ``credit`` is None when the text carries none.

    ``pool_marker`` is set by a separate ``(Pool photo)`` marker beside the credit, which makes
    the picture a pool picture although the credit itself does not say so (LABELING.md).
    """

    caption: str
    credit: str | None
    pool_marker: bool = False


@dataclass(frozen=True, slots=True)
class CaptionDraft:
    """One picture's caption as an article presents it, before it is placed on a desk.

    ``image`` is whatever the article uses to point at the picture (an ``src``, a file name, a
    ninjs rendition href); the linker matches it against files later.
    """

    caption: str
    credit: Credit | None
    image: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article read from any supported format, captions in reading order."""

    format: str
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    captions: tuple[CaptionDraft, ...] = field(default_factory=tuple)
