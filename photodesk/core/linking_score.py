"""How well one caption fits one picture: a score in [0, 1], and the reasons for it.

The score is a sum of evidence. The text carries most of it, because it is the only clue that
tells two frames of one event apart; the credit and the date agree for every frame of an event,
so they confirm a text match (or cast doubt on it) but cannot make one. The article naming the
file is decisive on its own. ``score_pair`` runs on every candidate pair and only computes;
``explain`` words the same evidence for the few pairs an editor will read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from photodesk.core.linking_features import Facts
from photodesk.core.linking_refs import reference_evidence

TEXT_WEIGHT = 0.8
CONTAINMENT_SHARE = 0.7  # the rest is Dice: the article caption is usually the shorter text
# The article naming the file (or its agency id) is enough on its own to pass the threshold.
REFERENCE_POINTS, REFERENCE_CONFLICT = 0.9, -0.3
# A credit that contradicts the file is a problem for the editor to fix (the check reports it),
# rarely a sign of the wrong picture: it costs little.
AGENCY_POINTS, AGENCY_CONFLICT = 0.06, -0.04
PEOPLE_POINTS, PEOPLE_CONFLICT = 0.08, -0.03
BODY_POINTS = 0.04


@dataclass(frozen=True, slots=True)
class Side:
    """Prepared facts of one caption or picture and the IDF weight of its tokens.

    ``named_file`` (a caption's only) is its reference's file name when a picture on this desk
    has exactly that name: only the desk knows, so the index sets it with the weight.
    """

    facts: Facts
    weight: float
    named_file: str | None = None


def text_similarity(caption: Side, picture: Side, idf: Mapping[str, float]) -> float:
    """IDF-weighted overlap: mostly how much of the caption the description holds."""
    if not caption.weight or not picture.weight:
        return 0.0
    shared = sum(idf[t] for t in caption.facts.tokens & picture.facts.tokens)
    containment = shared / caption.weight
    dice = 2 * shared / (caption.weight + picture.weight)
    return CONTAINMENT_SHARE * containment + (1 - CONTAINMENT_SHARE) * dice


def _agency(caption: Facts, picture: Facts) -> int:
    """1 when the credit names the file's agency, -1 another one, 0 when either is unknown."""
    if not caption.agency or not picture.agency:
        return 0
    return 1 if caption.agency == picture.agency else -1


def _people(caption: Facts, picture: Facts, agency: int) -> int:
    """1 same photographer, -1 another (not counted again when the agency already differs)."""
    if not caption.people or not picture.people:
        return 0
    if caption.people & picture.people or caption.surnames & picture.surnames:
        return 1
    return -1 if agency >= 0 else 0


def _bodies(caption: Facts, picture: Facts) -> bool:
    """A body the credit names (a government, Sputnik) is the file's source, or part of it."""
    return any(a == b or a in b or b in a for a in caption.bodies for b in picture.bodies)


def _day_points(caption: Facts, picture: Facts) -> float:
    """A caption's own date should be the picture's day; an article's follows it by a day or two."""
    if caption.day is None or picture.day is None:
        return 0.0
    gap = caption.day - picture.day
    if not caption.day_from_text:
        return 0.03 if 0 <= gap <= 2 else 0.0 if -1 <= gap <= 7 else -0.08
    gap = abs(gap)
    return 0.06 if gap == 0 else 0.03 if gap == 1 else 0.0 if gap <= 3 else -0.1


def score_pair(caption: Side, picture: Side, idf: Mapping[str, float]) -> tuple[float, bool]:
    """(score, whether the article's image reference names this file)."""
    c, p = caption.facts, picture.facts
    ref = _reference(caption, picture)
    agency = _agency(c, p)
    points = TEXT_WEIGHT * text_similarity(caption, picture, idf) + _day_points(c, p)
    points += AGENCY_POINTS if agency > 0 else AGENCY_CONFLICT if agency < 0 else 0.0
    people = _people(c, p, agency)
    points += PEOPLE_POINTS if people > 0 else PEOPLE_CONFLICT if people < 0 else 0.0
    if c.bodies and p.bodies and _bodies(c, p):
        points += BODY_POINTS
    points += REFERENCE_POINTS * ref if ref > 0 else REFERENCE_CONFLICT * -ref
    return round(min(1.0, max(0.0, points)), 4), ref > 0


def explain(caption: Side, picture: Side, idf: Mapping[str, float]) -> tuple[str, ...]:
    """The evidence of ``score_pair`` in words, strongest first."""
    c, p = caption.facts, picture.facts
    reasons = []
    ref = _reference(caption, picture)
    if ref == 1.0:
        reasons.append("file name matches the article's image reference")
    elif ref > 0:
        reasons.append(f"agency id {max(sorted(c.ids & p.ids), key=len)} in the image reference")
    elif ref < 0 and (c.names & p.names or c.ids & p.ids):
        reasons.append(f"the image reference names another file ({caption.named_file})")
    elif ref < 0:
        reasons.append("the image reference names another picture id")
    similarity = text_similarity(caption, picture, idf)
    if similarity:
        reasons.append(f"caption {similarity:.0%} like the embedded description")
    agency = _agency(c, p)
    if agency:
        agreed = f"credit agrees: {p.agency}"
        reasons.append(agreed if agency > 0 else f"credit says {c.agency}, the file {p.agency}")
    people = _people(c, p, agency)
    if people:
        reasons.append("photographer agrees" if people > 0 else "photographer differs")
    if c.bodies and p.bodies and _bodies(c, p):
        reasons.append("source agrees")
    reasons.extend(_day_reason(c, p))
    return tuple(reasons)


def _reference(caption: Side, picture: Side) -> float:
    c, p = caption.facts, picture.facts
    return reference_evidence(
        c.names, c.ids, c.id_shapes, p.names, p.ids, p.id_shapes, caption.named_file
    )


def _day_reason(caption: Facts, picture: Facts) -> list[str]:
    if caption.day is None or picture.day is None:
        return []
    gap, taken = caption.day - picture.day, date.fromordinal(picture.day).isoformat()
    if not caption.day_from_text:
        days = f"{abs(gap)} day{'' if abs(gap) == 1 else 's'}"
        return [f"taken {taken}, {days} {'before' if gap >= 0 else 'after'} the article"]
    if gap == 0:
        return [f"same day as the caption's date ({taken})"]
    return [f"dates {abs(gap)} day{'' if abs(gap) == 1 else 's'} apart"]
