"""The detail panel's facts: the caption, its article, its picture's metadata beside ours.

The comparison is there to catch the eye, not to judge (the rules judge): a row ``differs`` when
the two sides plainly say different things, read the way the credit rules read them, so that
``YULIA ZORINA`` against ``Yulia Zorina`` and ``AFP`` against ``Photo by X / AFP`` are agreement,
while AP against AFP, or a caption that is no longer the agency's, stand out.
"""

from __future__ import annotations

from photodesk.core.agencies import fold
from photodesk.core.captions import caption_from_text
from photodesk.core.rules import HouseStyle, PictureFacts
from photodesk.core.rules.credit_compare import (
    canonical,
    is_name,
    mentions_agency,
    names_agree,
    same_agency,
)
from photodesk.core.rules.credit_embedded import Embedded, embedded
from photodesk.core.rules.restrictions import Restriction, find_restrictions
from photodesk.core.types import Credit
from photodesk.services.drafts import Draft
from photodesk.services.inspecting import metadata_record
from photodesk.services.linking_views import ProposalView
from photodesk.services.picture_metadata import stored_metadata
from photodesk.services.views import CaptionView, caption_view
from photodesk.services.workbench_facts import CaptionContext, embedded_credit
from photodesk.services.workbench_views import CaptionDetail, ComparisonRow
from photodesk.store import link_queries, queries
from photodesk.store.models import Article, Picture
from photodesk.store.session import Session


def build_detail(
    session: Session,
    context: CaptionContext,
    house: HouseStyle,
    draft: Draft | None,
) -> CaptionDetail:
    """The panel for the caption ``context`` was read for, in the caller's read unit."""
    row = queries.caption_by_id(session, context.caption_id)
    assert row is not None, "the context was read in this unit"
    view = caption_view(row)
    article = session.get(Article, row.article_id)
    picture = session.get(Picture, row.picture_id) if row.picture_id else None
    facts = context.picture
    instructions = facts.text("instructions") if facts else ""
    usage = facts.text("usage_terms") if facts else ""
    return CaptionDetail(
        caption=view,
        article_path=article.source_path if article else context.article,
        article_title=article.title if article else None,
        picture_path=picture.path if picture else None,
        embedded=None if picture is None else metadata_record(stored_metadata(picture)),
        ours_vs_theirs=() if facts is None else compare(view, facts),
        instructions=instructions,
        restrictions=restrictions_in(instructions, usage),
        proposals=proposals(session, context.caption_id),
        draft=draft,
        usage_terms=usage,
        embedded_credit=embedded_credit(facts, house),
    )


def proposals(session: Session, caption_id: int) -> tuple[ProposalView, ...]:
    """The linker's stored candidates for the caption, best first, with their reasons."""
    found = link_queries.proposals_of(session, caption_id)
    paths = {p.id: p.path for p in (session.get(Picture, m.picture_id) for m in found) if p}
    return tuple(
        ProposalView(m.picture_id, paths[m.picture_id], m.score, m.reasons)
        for m in found
        if m.picture_id in paths
    )


def restrictions_in(*texts: str) -> tuple[Restriction, ...]:
    """Every restriction the agency's texts state (spans are within each text)."""
    return tuple(found for text in texts if text for found in find_restrictions(text))


def compare(caption: CaptionView, picture: PictureFacts) -> tuple[ComparisonRow, ...]:
    """Our caption and credit beside the picture's description, credit, by-line and source."""
    found = embedded(picture)
    credit = caption.parsed_credit
    description = picture.text("description")
    return (
        ComparisonRow(
            "description", caption.caption, description, _text_differs(caption.caption, description)
        ),
        ComparisonRow(
            "credit", caption.credit or "", picture.text("credit"), _agency_differs(credit, found)
        ),
        ComparisonRow(
            "creators",
            "; ".join(credit.creators) if credit else "",
            picture.text("creators"),
            _names_differ(credit, found),
        ),
        ComparisonRow(
            "source",
            "; ".join(credit.organizations) if credit else "",
            picture.text("source"),
            _source_differs(caption.credit, found),
        ),
    )


def _text_differs(ours: str, description: str) -> bool:
    """The agency's description without its credit, against our caption (case and spacing
    aside)."""
    if not description.strip():
        return False
    theirs = caption_from_text(description).caption
    return fold(ours).rstrip(" .") != fold(theirs).rstrip(" .")


def _agency_differs(credit: Credit | None, found: Embedded) -> bool:
    """Another distributor than the file's, or none where the file names one."""
    if found.agency is None:
        return False
    ours = canonical(credit.agency) if credit else None
    if ours is None:
        return True
    return not (same_agency(ours, found.agency) or mentions_agency(found.mentions, ours))


def _names_differ(credit: Credit | None, found: Embedded) -> bool:
    """Other photographers than the by-line's, or none where the by-line names someone."""
    people = tuple(name for name in (credit.creators if credit else ()) if is_name(name))
    if not people:
        return bool(found.names)
    return not names_agree(people, found.names)


def _source_differs(line: str | None, found: Embedded) -> bool:
    """A body the file credits (its Source, when that is not the agency) that our credit does
    not name; abbreviations (``KCNA``) count as different, as the editor should look."""
    bodies = found.credit.organizations if found.credit else ()
    text = fold(line or "")
    return any(fold(body) not in text for body in bodies)
