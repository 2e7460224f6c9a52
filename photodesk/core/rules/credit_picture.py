"""The caption's credit against its picture's embedded metadata (PD101, PD102, PD107).

Each verdict depends only on the caption's parsed credit, the picture's reading (credit_embedded,
one object per picture) and the house's credit style and label, so it is computed once per
combination: a desk repeats a few thousand credits over a few thousand pictures.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from photodesk.core.rules.credit_compare import (
    canonical,
    mentions_agency,
    names_agree,
    same_agency,
)
from photodesk.core.rules.credit_embedded import Embedded
from photodesk.core.rules.credit_house import CREDITS, labelled, reprint_styled, styled
from photodesk.core.rules.model import Fix, Hit
from photodesk.core.types import Credit


@lru_cache(maxsize=CREDITS)
def _house(credit: Credit | None, style: str, label: str) -> str:
    return "" if credit is None else labelled(styled(credit, style), label)


@lru_cache(maxsize=CREDITS)
def missing(found: Embedded, style: str, label: str) -> Hit:
    """PD101 for a caption without credit whose picture reads as ``found``."""
    text = _house(found.credit, style, label)
    if not text:
        return Hit("no credit, and the picture's embedded metadata names no one to credit")
    return Hit(
        f"no credit; the picture's embedded metadata gives {text!r} ({found.summary})",
        fix=Fix("credit", text, safe=True),
    )


@lru_cache(maxsize=CREDITS)
def _agency_clash(agency: str | None, sources: tuple[str, ...], found: Embedded) -> str | None:
    """The caption's agency against the file's, unless the file names the caption's agency
    anywhere (``AFP via Getty Images``) or the caption credits the file's agency as a source
    (``Name/AFP/Getty Images`` for an AFP file)."""
    ours, theirs = canonical(agency), found.agency
    if ours is None or theirs is None or same_agency(ours, theirs):
        return None
    if mentions_agency(found.mentions, ours):
        return None
    if any(same_agency(canonical(body) or "", theirs) for body in sources):
        return None
    return f"the credit says {ours}, the picture's embedded credit says {theirs}"


@lru_cache(maxsize=CREDITS)
def _names_clash(creators: tuple[str, ...], names: tuple[str, ...]) -> str | None:
    if names_agree(creators, names):
        return None
    return f"the credit names {', '.join(creators)}, the picture's by-line {', '.join(names)}"


def contradiction(credit: Credit, found: Embedded, style: str, label: str) -> Hit | None:
    """PD102: another agency or another photographer than the picture's metadata names.

    The embedded credit is offered, but not applied unasked: which side is wrong is for the
    editor to say (the caption may be right and the picture the wrong one). Each half is cached
    on its own small key: a desk pairs credits and pictures in too many ways to cache the pair.
    """
    agency = _agency_clash(credit.agency, credit.organizations, found)
    names = _names_clash(credit.creators, found.names)
    if agency is None and names is None:
        return None
    return _contradiction_hit(agency, names, found, style, label)


@lru_cache(maxsize=CREDITS)
def _contradiction_hit(
    agency: str | None, names: str | None, found: Embedded, style: str, label: str
) -> Hit:
    text = _house(found.credit, style, label)
    said = "; ".join(clash for clash in (agency, names) if clash)
    fix = Fix("credit", text, safe=False) if text else None
    return Hit(f"credit contradicts the picture's embedded metadata: {said}", fix)


@lru_cache(maxsize=CREDITS)
def unlabelled(
    credit: Credit, typed: str, marks: tuple[str | None, str | None], style: str, label: str
) -> Hit | None:
    """PD107: ``marks`` (the fields that say handout, pool) against the credit ``typed``.

    The fix is the credit reprinted with the flag; a human decides (the caption may follow the
    agency's own printed credit, which sometimes leaves the word out).
    """
    handout = marks[0] is not None and not credit.handout
    pool = marks[1] is not None and not credit.pool
    if not (handout or pool):
        return None
    fields = [(marks[0], "handout", handout), (marks[1], "pool", pool)]
    said = "; ".join(f"its {where} says {word}" for where, word, on in fields if on)
    words = " or ".join(w for w, on in (("Handout", handout), ("Pool", pool)) if on)
    flagged = replace(credit, handout=credit.handout or handout, pool=credit.pool or pool)
    text = reprint_styled(flagged, typed, style, label)
    return Hit(
        f"the credit does not say {words}, but the picture's metadata does ({said})",
        Fix("credit", text, safe=False) if text else None,
    )
