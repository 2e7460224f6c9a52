"""The workbench's read models: what the terminal UI shows, as frozen values with no Session.

``DeskRow`` is one line of the desk table and is built for 20,000 captions at once, so building
it is a few attribute reads and string cuts, no parsing: the status and finding codes are the
ones the desk stored at the last change (every edit, link, scan and ingest re-checks), the short
credit comes from the stored parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from photodesk.core.rules import Finding
from photodesk.core.rules.restrictions import Restriction
from photodesk.core.types import Credit
from photodesk.services.drafts import Draft
from photodesk.services.linking_views import ProposalView
from photodesk.services.views import CaptionView
from photodesk.store.queries_drafts import DeskRowRecord

SHORT_CREDIT = 24
MISSING_CREDIT = "PD101"

__all__ = [
    "CaptionDetail",
    "ComparisonRow",
    "DeskCounts",
    "DeskRow",
    "Draft",
    "LiveCheck",
    "count_rows",
    "desk_row",
    "short_credit",
]


@dataclass(frozen=True, slots=True)
class DeskRow:
    """One caption in the desk table. ``status``: ok | warning | error | unchecked."""

    caption_id: int
    article: str  # the article's file name
    article_path: str
    position: int
    caption: str
    credit: str | None
    short_credit: str  # the agency, else the credit cut short, '' when there is none
    picture: str | None  # the linked picture's file name
    status: str
    codes: tuple[str, ...]  # the stored findings' rule codes, worst first
    linked: bool
    has_draft: bool
    picture_path: str | None = None


@dataclass(frozen=True, slots=True)
class DeskCounts:
    """The header's figures. ``missing_credits`` counts captions with PD101; ``errors`` and
    ``warnings`` count captions by status; ``drafts`` this editor's unsaved edits."""

    pictures: int
    captions: int
    missing_credits: int
    errors: int
    warnings: int
    drafts: int
    unlinked: int = 0
    unchecked: int = 0


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """Our value beside the picture's embedded one. ``field`` names the embedded field
    (description, credit, creators, source); ``differs`` asks the editor to look."""

    field: str
    ours: str
    embedded: str
    differs: bool


@dataclass(frozen=True, slots=True)
class CaptionDetail:
    """Everything the detail panel shows for one caption.

    ``embedded`` is the picture's metadata as ``photodesk meta --json`` prints it (None without
    a picture); ``instructions``/``usage_terms`` are the agency's text and ``restrictions`` what
    was recognised in them, for the panel to show prominently; ``draft`` is this editor's
    unsaved edit, to restore into the editors.
    """

    caption: CaptionView
    article_path: str
    article_title: str | None
    picture_path: str | None
    embedded: dict[str, object] | None
    ours_vs_theirs: tuple[ComparisonRow, ...]
    instructions: str
    restrictions: tuple[Restriction, ...]
    proposals: tuple[ProposalView, ...]
    draft: Draft | None
    usage_terms: str = ""
    embedded_credit: str | None = None  # PD101's fix: the picture's credit in house style


@dataclass(frozen=True, slots=True)
class LiveCheck:
    """The credit being typed, parsed, and the findings the caption would have if saved now."""

    parsed: Credit | None
    findings: tuple[Finding, ...]
    status: str
    checked_at: datetime | None = None


def short_credit(credit: str | None, agency: str | None) -> str:
    """The agency of the stored parse, else the credit cut to SHORT_CREDIT characters."""
    if agency:
        return agency
    text = " ".join((credit or "").split())
    return text if len(text) <= SHORT_CREDIT else text[: SHORT_CREDIT - 1].rstrip() + "…"


def _name(path: str) -> str:
    return path.replace("\\", "/").rpartition("/")[2]


def desk_row(record: DeskRowRecord) -> DeskRow:
    """A desk-table line from the stored caption."""
    picture = record.picture
    return DeskRow(
        caption_id=record.id,
        article=_name(record.article),
        article_path=record.article,
        position=record.position,
        caption=record.caption,
        credit=record.credit,
        short_credit=short_credit(record.credit, record.agency),
        picture=None if picture is None else _name(picture),
        status=record.status,
        codes=record.codes,
        linked=picture is not None,
        has_draft=record.has_draft,
        picture_path=picture,
    )


def count_rows(rows: Iterable[DeskRow], pictures: int) -> DeskCounts:
    """The header's figures over the desk's rows (and its picture count)."""
    captions = missing = errors = warnings = drafts = unlinked = unchecked = 0
    for row in rows:
        captions += 1
        missing += MISSING_CREDIT in row.codes
        errors += row.status == "error"
        warnings += row.status == "warning"
        unchecked += row.status == "unchecked"
        drafts += row.has_draft
        unlinked += not row.linked
    return DeskCounts(pictures, captions, missing, errors, warnings, drafts, unlinked, unchecked)
