"""What the rules need to know about a caption besides its text, read once, checked many times.

The UI checks a caption at every keystroke. The text changes; the caption's picture, article and
neighbours do not, so they are read from the desk once (``load_context``) and every check after
that is the pure rules alone (``live_check``): the same facts, the same parse and the same house
style as the check that a save runs, so what the editor sees while typing is the verdict the
save will store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_split import strip_credit_brackets
from photodesk.core.rules import (
    CaptionFacts,
    HouseStyle,
    PictureFacts,
    check_caption,
    picture_facts,
    status_of,
)
from photodesk.core.rules.credit_embedded import embedded
from photodesk.core.rules.credit_picture import missing
from photodesk.core.types import Credit
from photodesk.services.desk import CaptionNotFound
from photodesk.services.picture_metadata import stored_metadata
from photodesk.services.workbench_views import LiveCheck
from photodesk.store import queries, queries_check
from photodesk.store.models import Picture
from photodesk.store.session import Session


@dataclass(frozen=True, slots=True)
class CaptionContext:
    """A caption's surroundings as the rules see them: its article, its picture (None when
    unlinked) and how many captions of the article place the same picture (PD402)."""

    caption_id: int
    article: str
    picture_id: int | None
    picture: PictureFacts | None
    placements: int


def load_context(session: Session, caption_id: int) -> CaptionContext:
    """Read the caption's surroundings (CaptionNotFound when it is not on the desk)."""
    row = queries.caption_by_id(session, caption_id)
    if row is None:
        raise CaptionNotFound(caption_id)
    article = queries_check.caption_rows_for_check(session, article_ids=[row.article_id])
    placed = Counter(r["picture_id"] for r in article if r["picture_id"] is not None)
    pictures = queries_check.pictures_by_id(session, [row.picture_id] if row.picture_id else [])
    picture = pictures.get(row.picture_id) if row.picture_id else None
    return CaptionContext(
        caption_id=caption_id,
        article=article[0]["article"] if article else "",
        picture_id=row.picture_id,
        picture=None if picture is None else facts_of_picture(picture),
        placements=placed.get(row.picture_id, 1),
    )


def facts_of_picture(picture: Picture) -> PictureFacts:
    """The picture as the check sees it: a vanished file is PD301 alone, not also PD302."""
    facts = picture_facts(stored_metadata(picture), missing=picture.missing)
    return replace(facts, error=picture.error)


def live_check(
    context: CaptionContext, caption: str, credit: str | None, house: HouseStyle, now: datetime
) -> LiveCheck:
    """The findings the caption would get if ``caption`` and ``credit`` were saved at ``now``.

    The text is cleaned as a save cleans it (trimmed; an empty credit is none) and the credit
    parsed as a save stores it, so the verdict is the one the save will store.
    """
    text = caption.strip()
    line = (credit or "").strip() or None
    parsed = None if line is None else parsed_credit(line)
    facts = CaptionFacts(
        caption=text,
        credit=line,
        parsed=parsed,
        picture=context.picture,
        caption_id=context.caption_id,
        article=context.article,
        placements=context.placements,
        now=now,
    )
    findings = check_caption(facts, house)
    return LiveCheck(parsed, findings, status_of(findings), now)


@lru_cache(maxsize=4096)
def parsed_credit(line: str) -> Credit:
    """A credit line parsed as the editing service stores it (brackets dropped)."""
    return parse_credit(strip_credit_brackets(line))


def embedded_credit(picture: PictureFacts | None, house: HouseStyle) -> str | None:
    """PD101's fix: the credit the picture's embedded metadata makes, in house style."""
    if picture is None:
        return None
    fix = missing(embedded(picture), house.credit_style, house.credit_label).fix
    return None if fix is None else fix.value
