"""Read models of captions and revisions: what the CLI and the TUI get instead of table rows.

Plain frozen dataclasses, detached from any Session, with times in UTC (SQLite hands datetimes
back without a zone; they were stored as UTC, so that is what they are).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, overload

from photodesk.core.rules import Finding, Fix, Severity
from photodesk.core.types import Credit
from photodesk.store.models import Caption, Revision


@dataclass(frozen=True, slots=True)
class CaptionView:
    """A caption as the desk holds it; ``version`` is what a save must pass back."""

    id: int
    article_id: int
    position: int
    caption: str
    credit: str | None
    parsed_credit: Credit | None
    picture_id: int | None
    status: str
    version: int
    edited_by: str | None
    edited_at: datetime | None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class RevisionView:
    """One saved change of one field; ``reverts`` is the revision it undid, if it was a revert."""

    id: int
    caption_id: int
    field: str
    old: str | None
    new: str | None
    editor: str
    at: datetime
    reverts: int | None


@overload
def utc(moment: datetime) -> datetime: ...
@overload
def utc(moment: None) -> None: ...
def utc(moment: datetime | None) -> datetime | None:
    """``moment`` in UTC; a zoneless time from the database is UTC already."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def credit_from_record(record: Mapping[str, Any] | None) -> Credit | None:
    """The stored parse (``Credit.as_dict()``, as JSON) back as the core value type."""
    if not record:
        return None
    return Credit(
        text=str(record.get("credit") or ""),
        creators=tuple(record.get("creators") or ()),
        organizations=tuple(record.get("organizations") or ()),
        agency=record.get("agency"),
        handout=bool(record.get("handout")),
        pool=bool(record.get("pool")),
        via=bool(record.get("via")),
    )


def caption_view(row: Caption) -> CaptionView:
    """Detach a caption row into its read model."""
    assert row.id is not None, "a caption read from the desk has an id"
    return CaptionView(
        id=row.id,
        article_id=row.article_id,
        position=row.position,
        caption=row.caption,
        credit=row.credit,
        parsed_credit=credit_from_record(row.parsed_credit),
        picture_id=row.picture_id,
        status=row.status,
        version=row.version,
        edited_by=row.edited_by,
        edited_at=utc(row.edited_at),
        findings=findings_from_records(row.findings, row.id),
    )


def findings_from_records(
    records: Iterable[Mapping[str, Any]] | None,
    caption_id: int | None = None,
    picture: str | None = None,
    article: str | None = None,
) -> tuple[Finding, ...]:
    """Stored findings back as core values (the UI shows them without re-running the rules)."""
    return tuple(
        Finding(
            code=r["code"],
            rule=r["rule"],
            severity=Severity(r["severity"]),
            message=r["message"],
            fix=None if not r.get("fix") else Fix(**r["fix"]),
            caption_id=caption_id,
            picture=picture,
            article=article,
        )
        for r in records or ()
    )


def fix_record(fix: Fix) -> dict[str, Any]:
    """A fix as the desk stores it (JSON)."""
    return {"field": fix.field, "value": fix.value, "safe": fix.safe}


def revision_view(row: Revision) -> RevisionView:
    """Detach a revision row into its read model."""
    assert row.id is not None, "a revision read from the desk has an id"
    return RevisionView(
        id=row.id,
        caption_id=row.caption_id,
        field=row.field,
        old=row.old,
        new=row.new,
        editor=row.editor,
        at=utc(row.at),
        reverts=row.reverts,
    )
