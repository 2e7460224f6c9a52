"""Embedded picture metadata as the desk sees it: neutral fields, per-block readings, conflicts.

Agency pictures carry their caption, creator and credit up to three times (XMP, IPTC-IIM, EXIF),
and the copies often disagree. These types keep every block's reading next to the reconciled
value so that an editor can always see *why* photodesk believes what it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Block = Literal["xmp", "iim", "exif"]
Value = str | tuple[str, ...]

# The neutral field names, in the order `photodesk meta --json` prints them (DESIGN.md).
FIELDS: tuple[str, ...] = (
    "description",
    "creators",
    "credit",
    "source",
    "copyright",
    "instructions",
    "headline",
    "title",
    "date_created",
    "city",
    "sublocation",
    "state",
    "country",
    "country_code",
    "keywords",
    "job_id",
    "caption_writer",
    "usage_terms",
)
LIST_FIELDS = frozenset({"creators", "keywords"})
# Reconciliation order (DESIGN.md): XMP, then IIM, then EXIF.
BLOCK_PRIORITY: tuple[Block, ...] = ("xmp", "iim", "exif")
# The reader's warning for IIM text in an 8-bit code page with no 1:90 declaration; the check's
# PD305 looks for it, so the wording lives in one place.
LEGACY_IIM_CHARSET = "IIM: legacy 8-bit IPTC text, no character set declared (1:90)"


@dataclass(frozen=True, slots=True)
class BlockReading:
    """What one metadata block says, in neutral field names.

    ``charset`` is how IIM text was decoded (``utf-8`` when 1:90 declares it, else ``cp1252``);
    ``warnings`` are problems with this block that did not stop it being read.
    """

    block: Block
    values: Mapping[str, Value]
    charset: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field whose blocks disagree beyond an IIM truncation; every block's value is kept."""

    field: str
    values: Mapping[Block, Value]


@dataclass(frozen=True, slots=True)
class Metadata:
    """A file's reconciled metadata; for an unreadable file, ``error`` says why.

    ``color_mode`` is what the image header declares: ``rgb``, ``cmyk``, ``gray`` (None when the
    header does not say, or the format is not one whose header photodesk reads for it).
    """

    path: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    color_mode: str | None = None
    values: Mapping[str, Value] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()
    charset: str | None = None
    blocks: tuple[BlockReading, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
