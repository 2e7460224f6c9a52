"""Each caption and picture reduced once to what scoring compares.

Scoring runs on every candidate pair, so everything that depends on one side only (token sets,
ids, the day, the credit's agency and people, all folded) is computed here, once per item, and
the pair score is then set operations and arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from photodesk.core.credit_parse import parse_credit
from photodesk.core.linking_refs import basename, id_shapes, name_keys, picture_ids
from photodesk.core.linking_text import agency_parts, day_number, fold, tokens
from photodesk.core.linking_types import CaptionCandidate, PictureCandidate

# By-lines that name nobody: they must neither agree nor disagree with a photographer.
_NOBODY = frozenset(
    {"handout", "uncredited", "stringer", "staff", "pool", "str", "ho", "-", "anonymous"}
)
_NAME_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Facts:
    """One side's clues: tokens, file name, reference keys and ids, day, agency, people, bodies.

    ``file_name`` is the picture's file name, or the one the caption's image reference gives
    (None without one), folded, extension included.
    """

    tokens: frozenset[str]
    file_name: str | None
    names: frozenset[str]
    ids: frozenset[str]
    id_shapes: frozenset[tuple[bool, int]]
    day: int | None
    day_from_text: bool
    agency: str | None
    people: frozenset[str]
    surnames: frozenset[str]
    bodies: frozenset[str]


def person_key(name: str) -> str:
    """A name folded for comparison: ``Léa FOURNIER`` and ``Lea Fournier`` meet."""
    return " ".join(_NAME_RE.findall(fold(name)))


def _people(names: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    keys = {person_key(n) for n in names} - _NOBODY - {""}
    return frozenset(keys), frozenset(k.split()[-1] for k in keys if len(k.split()[-1]) > 2)


def _bodies(names: tuple[str | None, ...]) -> frozenset[str]:
    keys = {person_key(n) for n in names if n}
    return frozenset(k for k in keys if k and k not in _NOBODY)


def caption_facts(caption: CaptionCandidate) -> Facts:
    """The caption's clues; its day is the first date in its text, else the article's."""
    credit = caption.credit
    text_day = day_number(caption.text)
    people, surnames = _people(credit.creators if credit else ())
    ref = caption.image_ref or ""
    ids = picture_ids(ref)
    return Facts(
        tokens=tokens(caption.text),
        file_name=basename(ref) or None,
        names=name_keys(ref),
        ids=ids,
        id_shapes=id_shapes(ids),
        day=text_day if text_day is not None else day_number(caption.date),
        day_from_text=text_day is not None,
        agency=credit.agency if credit else None,
        people=people,
        surnames=surnames,
        bodies=_bodies(credit.organizations if credit else ()),
    )


def picture_facts(picture: PictureCandidate) -> tuple[Facts, frozenset[str]]:
    """The picture's clues, and its blocking tokens (description, headline and keywords).

    The embedded credit fields win; the credit printed in the description fills what they lack
    (an AFP handout's by-line is ``HANDOUT``, its caption says which government sent it).
    """
    caption, printed = agency_parts(picture.description) if picture.description else ("", None)
    inline = parse_credit(printed) if printed else None
    declared = parse_credit(picture.credit) if picture.credit else None
    people, surnames = _people((*picture.creators, *(inline.creators if inline else ())))
    text_tokens = tokens(caption)
    extra = tokens(" ".join((picture.headline or "", *picture.keywords)))
    ids = picture_ids(picture.path, picture.job_id)
    facts = Facts(
        tokens=text_tokens,
        file_name=basename(picture.path) or None,
        names=name_keys(picture.path),
        ids=ids,
        id_shapes=id_shapes(ids),
        day=day_number(picture.date_created),
        day_from_text=True,
        agency=(declared and declared.agency) or (inline and inline.agency) or None,
        people=people,
        surnames=surnames,
        bodies=_bodies((picture.source, *(inline.organizations if inline else ()))),
    )
    return facts, text_tokens | extra
