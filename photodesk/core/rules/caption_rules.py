"""PD2xx: the caption text itself: does it say when and where, is it the right length, and does
it carry its credit a second time.

These rules run on every caption of a desk each time the check runs, and in the UI as the
editor types, so each one does the cheapest test first (a length, a cached pattern search) and
only builds a message when it fires. Restriction boilerplate in the caption (PD206) is its own
module's business.
"""

from __future__ import annotations

from functools import lru_cache

from photodesk.core.rules.caption_credit import credit_inside, same_credit
from photodesk.core.rules.caption_dates import has_date
from photodesk.core.rules.caption_places import has_place
from photodesk.core.rules.caption_words import is_latin_script
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.model import CaptionFacts, Fix, Hit, PictureFacts, Rule
from photodesk.core.rules.severity import Severity

_NONE: tuple[Hit, ...] = ()
_PLACE_FIELDS = ("sublocation", "city", "state", "country")


def _blank(text: str) -> bool:
    """Empty or white space only (``not text.strip()`` without copying the text)."""
    return not text or text.isspace()


_NO_DATE = "the caption does not say when the picture was taken: add the date"
_NO_PLACE = "the caption does not say where the picture was taken: add the place"
_DATE_FIELDS = ("date_created",)


def _no_date(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD201. The file's date is offered in the message, never written in: a sentence of the
    caption has to be rewritten by the editor, not patched by a rule."""
    text = facts.caption
    if not house.require_date or _blank(text) or has_date(text) or not is_latin_script(text):
        return _NONE
    return _missing_hit(_NO_DATE, _file_values(facts.picture, _DATE_FIELDS))


def _no_place(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD202. A caption in a script we cannot read (Hebrew, Arabic, Chinese) is left alone."""
    text = facts.caption
    if not house.require_place or _blank(text) or has_place(text) or not is_latin_script(text):
        return _NONE
    return _missing_hit(_NO_PLACE, _file_values(facts.picture, _PLACE_FIELDS))


def _file_values(picture: PictureFacts | None, names: tuple[str, ...]) -> tuple[str, ...]:
    """What the linked picture's metadata says in these fields (the empty ones left out)."""
    if picture is None:
        return ()
    return tuple(value for value in map(picture.text, names) if value)


@lru_cache(maxsize=4096)
def _missing_hit(message: str, values: tuple[str, ...]) -> tuple[Hit, ...]:
    """The hit, with `` (the file says …)`` when the file knows the answer; cached on the
    file's values, which an agency's set shares."""
    said = f" (the file says {', '.join(values)})" if values else ""
    return (Hit(message + said),)


def caption_length(text: str) -> int:
    """Characters as printed: ends trimmed and a run of white space counted once.

    The collapse costs a split and a join, so it is done only when the text has such a run.
    """
    text = text.strip()
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return len(" ".join(text.split()))
    return len(text)


def _too_short(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD203. The caption field holds the text without its credit, so its length is the one."""
    minimum = house.caption_min_chars
    length = caption_length(facts.caption)
    if length >= minimum:
        return _NONE
    if length == 0:
        return (Hit(f"the caption is empty: write one of at least {minimum} characters"),)
    message = f"the caption is {length} characters, under the house minimum of {minimum}"
    return (Hit(f"{message}: say who, what, where and when"),)


def _too_long(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD204. Counted as printed, so stray spaces and line breaks do not push a caption over."""
    maximum = house.caption_max_chars
    if len(facts.caption) <= maximum:
        return _NONE
    length = caption_length(facts.caption)
    if length <= maximum:
        return _NONE
    message = f"the caption is {length} characters, over the house maximum of {maximum}"
    return (Hit(f"{message}: cut {length - maximum}"),)


def _credit_in_caption(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD205. Removing the copy is safe only when it names the same credit as the credit field:
    a different one may be the truth the credit field contradicts, so the editor decides."""
    inside = credit_inside(facts.caption, facts.credit, facts.parsed)
    if inside is None:
        return _NONE
    own = facts.credit_structure()
    if own is None:
        message = f'the caption holds a credit, "{inside.text}", and the credit is empty'
        return (Hit(f"{message}: move it to the credit", Fix("credit", inside.text)),)
    same = same_credit(inside.credit, own)
    if same:
        message = f'the caption repeats its credit ("{inside.text}"): remove it from the caption'
    else:
        message = (
            f'the caption holds a credit, "{inside.text}", that differs from the credit '
            f'"{own.text}": settle the credit, then remove it from the caption'
        )
    return (Hit(message, Fix("caption", inside.caption, safe=same)),)


RULES: tuple[Rule, ...] = (
    Rule("PD201", "no-date", Severity.WARNING, "the caption does not say when", _no_date),
    Rule("PD202", "no-place", Severity.WARNING, "the caption does not say where", _no_place),
    Rule(
        "PD203",
        "caption-too-short",
        Severity.WARNING,
        "the caption is shorter than the house minimum ([caption] min_chars)",
        _too_short,
    ),
    Rule(
        "PD204",
        "caption-too-long",
        Severity.WARNING,
        "the caption is longer than the house maximum ([caption] max_chars)",
        _too_long,
    ),
    Rule(
        "PD205",
        "credit-in-caption",
        Severity.WARNING,
        "the caption's text carries a credit again; the credit belongs in the credit field",
        _credit_in_caption,
    ),
)
