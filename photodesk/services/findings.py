"""Keeping every caption's findings current: the rules run wherever a caption or picture changes.

``refresh_findings`` is called inside the write unit of every service that changes what a rule
looks at (an edit, a revert, a link, a scan that re-read a picture, an ingest), for the articles
concerned, so the status and findings the desk stores are never older than the data. A whole
article is re-checked, not one caption, because PD402 (one picture placed twice) depends on the
caption's neighbours. ``desk_verdicts`` computes without writing, for ``check`` and exports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from photodesk.core.rules import (
    CaptionFacts,
    Finding,
    HouseStyle,
    PictureFacts,
    check_caption,
    picture_facts,
    status_of,
)
from photodesk.services.picture_metadata import stored_metadata
from photodesk.services.views import credit_from_record, fix_record
from photodesk.store import queries_check
from photodesk.store.models import Picture
from photodesk.store.session import Session


@dataclass(frozen=True, slots=True)
class Verdict:
    """One caption checked: its facts (for ``--fix``), findings, and the status they give."""

    caption_id: int
    version: int
    facts: CaptionFacts
    findings: tuple[Finding, ...]
    status: str
    stored: bool  # the desk already holds exactly this verdict


def desk_verdicts(
    session: Session,
    house: HouseStyle,
    now: datetime,
    article_paths: Collection[str] | None = None,
    article_ids: Collection[int] | None = None,
) -> list[Verdict]:
    """Every caption of the desk (or of these articles) checked, in article and position order."""
    rows = queries_check.caption_rows_for_check(session, article_paths, article_ids)
    pictures = queries_check.pictures_by_id(
        session, (row["picture_id"] for row in rows if row["picture_id"] is not None)
    )
    placements = Counter(
        (row["article_id"], row["picture_id"]) for row in rows if row["picture_id"] is not None
    )
    facts_of_picture = {pid: _picture(picture) for pid, picture in pictures.items()}
    verdicts = []
    for row in rows:
        facts = CaptionFacts(
            caption=row["caption"],
            credit=row["credit"],
            parsed=credit_from_record(row["parsed_credit"]),
            picture=facts_of_picture.get(row["picture_id"]),
            caption_id=row["id"],
            article=row["article"],
            placements=placements.get((row["article_id"], row["picture_id"]), 1),
            now=now,
        )
        findings = check_caption(facts, house)
        status = status_of(findings)
        stored = row["status"] == status and (row["findings"] or []) == finding_records(findings)
        verdicts.append(Verdict(row["id"], row["version"], facts, findings, status, stored))
    return verdicts


def refresh_findings(
    session: Session,
    house: HouseStyle,
    now: datetime,
    caption_ids: Iterable[int] = (),
    picture_ids: Iterable[int] = (),
    article_ids: Iterable[int] = (),
    only: Collection[int] | None = None,
) -> list[Verdict]:
    """Re-check these articles, and those holding these captions or linked to these pictures.

    Only verdicts that changed are written, and with ``only`` just those captions' verdicts: an
    edit of one caption's text changes no other caption's facts, and writing a neighbour's row
    too would take a second row lock inside an editor's save (two editors saving neighbours
    would deadlock on PostgreSQL). Returns the verdicts of the re-checked captions.
    """
    article_ids = set(article_ids) | queries_check.article_ids_of(session, caption_ids, picture_ids)
    if not article_ids:
        return []
    verdicts = desk_verdicts(session, house, now, article_ids=article_ids)
    if only is not None:
        verdicts = [verdict for verdict in verdicts if verdict.caption_id in only]
    save_verdicts(session, verdicts)
    return verdicts


def save_verdicts(session: Session, verdicts: Sequence[Verdict]) -> int:
    """Store the verdicts that differ from what the desk holds; how many were written."""
    changed = [
        {"caption_id": v.caption_id, "status": v.status, "findings": finding_records(v.findings)}
        for v in verdicts
        if not v.stored
    ]
    queries_check.save_verdicts(session, changed)
    return len(changed)


def finding_records(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Findings as the desk stores them (JSON): code, rule, severity, message, fix."""
    return [
        {
            "code": f.code,
            "rule": f.rule,
            "severity": f.severity.value,
            "message": f.message,
            "fix": None if f.fix is None else fix_record(f.fix),
        }
        for f in findings
    ]


def _picture(picture: Picture) -> PictureFacts:
    """A vanished file is PD301's finding alone, not also an unreadable one (PD302)."""
    facts = picture_facts(stored_metadata(picture), missing=picture.missing)
    return replace(facts, error=picture.error)
