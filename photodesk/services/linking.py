"""``link``: give each caption on the desk its picture, and the editor the rest to choose from.

The desk is read in one read unit, linked by the pure ``core.linking`` outside any transaction
(seconds on a big desk: no lock is held meanwhile), and written in one write unit: the new
automatic links (only where they changed) and the proposals, which replace every older proposal.

Manual links are the editor's word. A caption with ``link_manual`` set is never relinked, and
the picture it holds is reserved within its article; the write is conditional on the flag, so a
caption linked by hand while the linker ran keeps that link. ``link_by_hand`` and ``unlink``
(``services.linking_manual``) set the flag; ``unlink`` keeps it set, so that the next ``link`` does
not simply put the link back: a caption is handed back to the linker with ``unlink(automatic=
True)``. Automatic links are not revisions (the linker can redo them at any time) and do not
change a caption's ``version``, so a linking run never makes an editor's save conflict; a link
made or removed by hand is recorded as a revision of the field ``picture``.
"""

from __future__ import annotations

from typing import Any

from photodesk.core.linking import (
    CaptionCandidate,
    LinkResult,
    LinkSettings,
    Match,
    PictureCandidate,
    link,
)
from photodesk.services.desk import Desk
from photodesk.services.editing import utc_now
from photodesk.services.findings import refresh_findings
from photodesk.services.linking_manual import PictureNotFound, link_by_hand, unlink
from photodesk.services.linking_views import CaptionOutcome, LinkReport, ProposalView
from photodesk.services.progress import SILENT, Progress
from photodesk.services.views import credit_from_record
from photodesk.store import link_queries
from photodesk.store.link_queries import CaptionRow

__all__ = [
    "CaptionOutcome",
    "LinkReport",
    "PictureNotFound",
    "ProposalView",
    "link_by_hand",
    "link_desk",
    "unlink",
]


def link_desk(
    desk: Desk, progress: Progress = SILENT, settings: LinkSettings | None = None
) -> LinkReport:
    """Link every caption not linked by hand; store links and proposals; report every outcome."""
    progress.begin("reading the desk", None)
    try:
        with desk.read() as session:
            rows = link_queries.caption_rows(session)
            pictures = link_queries.picture_rows(session)
    finally:
        progress.end()
    paths = {pid: path for pid, path, _ in pictures}
    progress.begin("linking captions", None)
    try:
        result = link(
            [_candidate(row) for row in rows if not row.link_manual],
            [
                PictureCandidate.from_values(pid, path, values or {})
                for pid, path, values in pictures
            ],
            {
                (row.article_id, row.picture_id)
                for row in rows
                if row.link_manual and row.picture_id
            },
            settings,
        )
    finally:
        progress.end()
    progress.begin("saving links", None)
    try:
        changed = _save(desk, rows, result)
    finally:
        progress.end()
    links = {m.caption_id: m for m in result.links}
    return LinkReport(tuple(_outcome(row, links, result, paths) for row in rows), changed)


def _candidate(row: CaptionRow) -> CaptionCandidate:
    credit = credit_from_record(row.parsed_credit)
    return CaptionCandidate(
        row.id, row.article_id, row.caption, credit, row.image_ref, row.article_date
    )


def _save(desk: Desk, rows: list[CaptionRow], result: LinkResult) -> int:
    """Write what changed; return how many captions' pictures changed.

    What was read may be stale by now: captions linked by hand meanwhile are left alone and
    captions deleted meanwhile (an article re-ingested) get no proposals.
    """
    links = {m.caption_id: m for m in result.links}
    updates = [_update(row, links.get(row.id)) for row in rows if not row.link_manual]
    house = desk.house
    with desk.write() as session:
        states = link_queries.link_states(session)
        automatic = {cid for cid, manual in states.items() if not manual}
        saved = [u for u in updates if u is not None and u["b_id"] in automatic]
        proposals = [
            {"caption_id": cid, "picture_id": m.picture_id, "score": m.score, "reasons": m.reason}
            for cid, found in result.proposals.items()
            if cid in automatic
            for m in found
        ]
        link_queries.save_links(session, saved)
        link_queries.replace_proposals(session, [row.id for row in rows], proposals)
        refresh_findings(session, house, utc_now(), caption_ids=[u["b_id"] for u in saved])
    before = {row.id: row.picture_id for row in rows}
    return sum(1 for u in saved if u["b_picture"] != before[u["b_id"]])


def _update(row: CaptionRow, match: Match | None) -> dict[str, Any] | None:
    """The row's new link values, or None when they are what the desk already has."""
    new = (match.picture_id, match.score, match.reason) if match else (None, None, None)
    if new == (row.picture_id, row.link_score, row.link_reason):
        return None
    return {"b_id": row.id, "b_picture": new[0], "b_score": new[1], "b_reason": new[2]}


def _outcome(
    row: CaptionRow, links: dict[int, Match], result: LinkResult, paths: dict[int, str]
) -> CaptionOutcome:
    base: dict[str, Any] = {"caption_id": row.id, "article": row.article, "position": row.position}
    if row.link_manual:
        picture = row.picture_id
        return CaptionOutcome(
            **base, outcome="manual", picture_id=picture,
            picture=paths.get(picture) if picture else None, reason=row.link_reason,
        )  # fmt: skip
    match = links.get(row.id)
    if match is not None:
        return CaptionOutcome(
            **base, outcome="linked", picture_id=match.picture_id,
            picture=paths[match.picture_id], score=match.score, reason=match.reason,
        )  # fmt: skip
    proposals = tuple(
        ProposalView(m.picture_id, paths[m.picture_id], m.score, m.reason)
        for m in result.proposals.get(row.id, ())
    )
    return CaptionOutcome(
        **base,
        outcome="proposed" if proposals else "unlinked",
        reason=result.notes.get(row.id),
        proposals=proposals,
    )
