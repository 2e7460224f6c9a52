"""Whether a credit is printed in the house style (PD106), and the house-style text when not.

A credit is compared with its own structure printed in the house style, not with a string: two
printings that say the same thing the same way are both right. In "agency" style the comparison
ignores the label (unless the house has one: then it must be there), the spacing around
separators, which of ``/``, `` / `` and ``, `` joins the parts, the letter case of the agency
(``Reuters/Name`` is ``REUTERS/Name`` in lower case, not another credit), the order of the
sources (``Handout / Body`` or ``Body / Handout``), and words that mean nothing (``Stringer``,
``File``). What it does judge is what the house style exists for: the distributor named by its
printed form (``AP``/``AP Photo``, not ``The Associated Press``; ``Getty Images``, not
``Getty``), and standing where its agency prints it (first for ``REUTERS/Name`` and ``AP
Photo/Name``, last for ``Name / AFP``, after ``via`` for another body's picture). The place is
left free where no agency rule fixes it: for agencies not in the table (printed as they come)
and for credits naming no photographer (``KCNA/KNS``). In "slash" style the order is the
house's own, ``Name / Body / AGENCY``, so every part is compared in order (markers anywhere).

The house text is proposed only when it parses back to the same credit (no name dropped, no
flag lost); a credit the formatter cannot print faithfully (``X for The New York Times``,
``Express photo by X``) is not judged at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from photodesk.core.agencies import find_agency, label_agency
from photodesk.core.credit_lexicon import POOL_LABEL_RE
from photodesk.core.credit_parse import parse_credit
from photodesk.core.rules.credit_house import (
    CREDITS,
    house_label_end,
    labelled,
    neutral_label,
    parsed_text,
    printed,
    stored_parse_of,
    styled,
    unwrap,
)
from photodesk.core.rules.credit_layout import layout, slash_sequence
from photodesk.core.rules.memo import remember
from photodesk.core.types import Credit

_FOR_RE = re.compile(r"\s+for\s+", re.IGNORECASE)
# What the quick comparison ignores: spacing around separators, and which of ``/``, ``, ``
# and ``:`` joins two parts (agency style only).
_JOINS_RE = re.compile(r"\s*(?:/|,\s|:)\s*")
_POSITIONS = {
    "prefix": "puts its name first",
    "suffix": "puts its name last",
    "alone": "is printed alone",
    "via": "is printed after 'via'",
    "inside": "is printed among the sources",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a credit is not in house style, the house-style text, and whether to apply it
    unasked (not when the rewrite would drop a word such as ``File``)."""

    reason: str
    text: str
    safe: bool


def _structure(credit: Credit, style: str) -> tuple[object, ...]:
    via = credit.via if style == "agency" else None  # slash style prints no ``via``
    return (credit.creators, credit.organizations, credit.agency, credit.handout, credit.pool, via)


@dataclass(frozen=True, slots=True)
class _Difference:
    """Why two printings differ, and whether the rewrite may be applied unasked."""

    reason: str
    safe: bool


def _agency_difference(body: str, house: str, credit: Credit) -> _Difference | None:
    """Agency style: distributor spelling, then its place, then the parts.

    A rewrite is not safe when it drops a word the layout ignores (``File``), nor when it moves
    the distributor of another agency's picture (``Name/dpa/AP Images``): whether AP prints that
    as its own (``AP Photo/…``) or as ``… via AP`` is the editor's call.
    """
    agency = credit.agency or ""
    ours, theirs = layout(body, agency), layout(house, agency)
    if ours == theirs:
        return None
    partner = not credit.via and any(find_agency(o) for o in credit.organizations)
    safe = not ours.noise and not (partner and ours.position != theirs.position)
    if ours.distributor != theirs.distributor:
        return _Difference(f"{agency} is printed {theirs.spelling!r}, not {ours.spelling!r}", safe)
    if ours.position != theirs.position:
        return _Difference(f"{agency} {_POSITIONS.get(theirs.position, theirs.position)}", safe)
    if ours.others != theirs.others:
        return _Difference(f"{agency} prints the same name once", safe)
    return None  # only the order of the sources or meaningless words differ


def _slash_difference(body: str, house: str, credit: Credit) -> _Difference | None:
    if slash_sequence(body) == slash_sequence(house):
        return None
    safe = not layout(body, credit.agency or "").noise
    return _Difference("parts are printed Name / Body / AGENCY", safe)


def _same_text(body: str, house: str, style: str, credit: Credit) -> bool:
    """The quick answer for most credits: the same text but for case and joins (or, for a
    credit naming no photographer, whose order agency style leaves free, the same parts)."""
    if body == house:
        return True
    if style == "slash":
        return " ".join(body.casefold().split()) == " ".join(house.casefold().split())
    ours, theirs = _JOINS_RE.split(body.casefold()), _JOINS_RE.split(house.casefold())
    return ours == theirs or (not credit.creators and sorted(ours) == sorted(theirs))


def _difference(body: str, house: str, credit: Credit, style: str) -> _Difference | None:
    """How the printed body differs from the house text; None if not at all or not ours to say."""
    if not house or _same_text(body, house, style, credit) or _FOR_RE.search(body):
        return None
    found = (
        _slash_difference(body, house, credit)
        if style == "slash"
        else _agency_difference(body, house, credit)
    )
    if found and _structure(parse_credit(house), style) != _structure(credit, style):
        return None  # the house text would say something else: not ours to propose
    return found


_VERDICTS: dict[tuple[str, str, str], Verdict | None] = {}
_UNJUDGED = Verdict("", "", safe=False)


def judge(text: str, style: str, label: str, parsed: Credit | None = None) -> Verdict | None:
    """The verdict on one credit as typed; None when it is in house style or cannot be judged.

    Cached on the text and the house's style and label. ``parsed`` may be the caption's stored
    parse: it spares the parse when it is the parse of the text judged, and changes nothing.
    """
    key = (text, style, label)
    verdict = _VERDICTS.get(key, _UNJUDGED)
    if verdict is _UNJUDGED:
        verdict = remember(_VERDICTS, key, _judged(text, style, label, parsed), CREDITS)
    return verdict


def _judged(text: str, style: str, label: str, parsed: Credit | None) -> Verdict | None:
    cut = printed(text, label)
    inner = unwrap(text)[1]
    if not cut.body or label_agency(inner) is not None:
        return None
    missing_label = bool(label.strip()) and not house_label_end(inner, label)
    # The caption's own parse (stored, or cached) unless the house label is one the parser may
    # not know.
    if label.strip():
        credit = parse_credit(cut.body)
    else:
        credit = stored_parse_of(parsed, inner) or parsed_text(text)
    house = styled(credit, style)
    found = None
    if not POOL_LABEL_RE.match(cut.label):  # ``Pool photo by``: the label is the marker
        found = _difference(cut.body, house, credit, style)
    if found is None and not missing_label:
        return None
    keep = label if label.strip() else neutral_label(cut.label)
    fixed = cut.wrap(labelled(house if found else cut.body, keep))
    reasons = [found.reason] if found else []
    reasons += [f"no {label.strip()!r} label"] if missing_label else []
    return Verdict("; ".join(reasons), fixed, found is None or found.safe)
