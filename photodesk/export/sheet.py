"""The caption sheet: the rows every export format renders, built once by the export service.

Renderers take a ``Sheet`` and return bytes; they never see the desk, so each format can be
tested on hand-made rows and the service decides alone what goes on the sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from photodesk.core.metadata import Metadata
from photodesk.core.rules import Finding

Status = str  # "ok" | "warning" | "error"


@dataclass(frozen=True, slots=True)
class SheetCaption:
    """One caption as exported: where it sits, what it says, which file it is linked to.

    ``parsed`` is the credit object of the JSON contract (``Credit.as_dict()``) or None;
    ``picture`` the linked file's path or None; ``findings`` the rule codes behind ``status``
    and ``notes`` the same findings whole (with their messages) for the sheets a person reads.
    """

    id: int
    article: str
    position: int
    caption: str
    credit: str | None
    parsed: Mapping[str, object] | None
    picture: str | None
    status: Status
    findings: tuple[str, ...] = ()
    notes: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class SheetPicture:
    """One picture file: its embedded metadata and the captions linked to it.

    ``record`` is the metadata in the ``meta --json`` shape (the service shapes it, so that the
    two outputs cannot drift apart); ``metadata`` the same facts as values, for other formats.
    """

    path: str
    metadata: Metadata
    record: Mapping[str, object]
    captions: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Sheet:
    """Captions in article order, then pictures by path."""

    captions: tuple[SheetCaption, ...] = ()
    pictures: tuple[SheetPicture, ...] = ()


@dataclass(frozen=True, slots=True)
class Preview:
    """A picture's thumbnail for the contact sheets: JPEG bytes, or why there is none.

    The service makes them (only it may open picture files); a file that cannot be thumbnailed
    is a ``problem`` shown in its cell, never a failed export.
    """

    jpeg: bytes | None = None
    problem: str | None = None
