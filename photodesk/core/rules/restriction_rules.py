"""PD103 and PD110-PD112, PD206: what the agency's instructions demand of a picture's use.

The rules read restrictions (restrictions.py) from the picture's embedded instructions and
usage terms and from the caption text itself, and report them: a mandatory credit the caption
does not honour is an error with the credit as the fix; editorial-only, no-sales and the like
are information for the editor; a territory exclusion or an embargo becomes an error when the
house style or the clock says this site may not publish; boilerplate pasted into the caption
is a warning with the caption cut clean as the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from photodesk.core.credit_parse import parse_credit
from photodesk.core.metadata import Value
from photodesk.core.rules.credit_house import CREDITS
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.memo import per_caption
from photodesk.core.rules.model import NO_HITS, CaptionFacts, Fix, Hit, Rule
from photodesk.core.rules.restriction_boilerplate import without_boilerplate
from photodesk.core.rules.restriction_credit import (
    RequiredCredit,
    fold_name,
    honours,
    required_credit,
    suggested_credit,
)
from photodesk.core.rules.restrictions import Restriction, find_restrictions, restrictions_in
from photodesk.core.rules.severity import Severity
from photodesk.core.types import Credit

_FIELDS = ("the picture's instructions", "the picture's usage terms")
_USAGE = {
    "editorial-only": "editorial use only",
    "no-sales": "no sales",
    "no-marketing": "no marketing or advertising",
    "no-archives": "no archiving",
    "media-out": "not for some media",
    "no-alteration": "no cropping or alteration",
    "handout-use": "a handout, distributed as received",
}
_Found = tuple[str, Restriction]
_CAPTION = "the caption"


@dataclass(frozen=True, slots=True, eq=False)
class _Reading:
    """The restrictions of one caption's picture and text, each as (where, restriction), in the
    order found (instructions, usage terms, caption), grouped by the rule that reads them, with
    PD110's hit (it depends on nothing else). ``in_caption``: the caption's text holds some.

    Compared by identity: a picture's reading is cached on its fields' values, one object for
    the same values, so the rules can cache on it cheaply."""

    found: tuple[_Found, ...] = ()
    mandatory: tuple[_Found, ...] = ()
    usage: tuple[Hit, ...] = ()
    territory: tuple[_Found, ...] = ()
    embargo: tuple[_Found, ...] = ()
    in_caption: bool = False


_NOTHING = _Reading()


def _grouped(found: tuple[_Found, ...]) -> _Reading:
    if not found:
        return _NOTHING
    usage = tuple(item for item in found if item[1].kind in _USAGE)
    return _Reading(
        found,
        tuple(item for item in found if item[1].kind == "mandatory-credit"),
        _usage_hits(usage) if usage else NO_HITS,
        tuple(item for item in found if item[1].kind == "territory-out"),
        tuple(item for item in found if item[1].kind == "embargo"),
        found[-1][0] == _CAPTION,
    )


@lru_cache(maxsize=32768)
def _picture_reading(instructions: Value | None, usage_terms: Value | None) -> _Reading:
    """Cached on the fields' values: an agency repeats its instructions on every picture of a
    set, and a desk's pictures are its own objects, so their text is the key, not the object."""
    texts = ((_FIELDS[0], _text(instructions)), (_FIELDS[1], _text(usage_terms)))
    return _grouped(tuple((where, r) for where, text in texts for r in find_restrictions(text)))


def _text(value: Value | None) -> str:
    """``PictureFacts.text`` for one value: '' when absent, a list joined with '; '."""
    if value is None:
        return ""
    return value if isinstance(value, str) else "; ".join(value)


@per_caption
def _restrictions(facts: CaptionFacts) -> _Reading:
    """(where, restriction) from the picture's instructions and usage terms, then the caption.

    The five rules of this module read the same answer for one caption (a per-caption memo);
    a caption with no restriction in its text, nearly every one, shares its picture's reading.
    """
    picture = facts.picture
    if picture is None:
        base = _NOTHING
    else:
        values = picture.values
        base = _picture_reading(values.get("instructions"), values.get("usage_terms"))
    own = restrictions_in(facts.caption)
    if not own:
        return base
    return _grouped(base.found + tuple((_CAPTION, r) for r in own))


def _quoted(found: tuple[_Found, ...]) -> str:
    phrases = dict.fromkeys(" ".join(r.phrase.split()) for _, r in found)
    return "; ".join(f'"{phrase}"' for phrase in phrases)


def check_mandatory_credit(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD103: a mandatory credit the caption's credit does not name (no credit is PD101's)."""
    reading = _restrictions(facts)
    if not reading.mandatory:
        return NO_HITS
    credit = facts.credit_structure()
    if credit is None:
        return NO_HITS
    known = _known_names(facts)
    if reading.in_caption:  # the caption's own demands: read once, not worth a cache entry
        return _unhonoured(reading.mandatory, facts.credit, credit, known, house.credit_label)
    return _picture_demands(reading, facts.credit, credit, known, house.credit_label)


def _known_names(facts: CaptionFacts) -> tuple[str, ...]:
    """Spellings of names the fix may take: the picture's by-lines, Source, Credit, Copyright."""
    picture = facts.picture
    if picture is None:
        return ()
    return (
        *picture.items("creators"),
        *(picture.text(f) for f in ("source", "credit", "copyright")),
    )


@lru_cache(maxsize=CREDITS)
def _picture_demands(
    reading: _Reading,
    typed: str | None,
    credit: Credit,
    known: tuple[str, ...],
    label: str,
) -> tuple[Hit, ...]:
    """The verdict on demands from the picture alone, cached on everything it reads (the
    picture's reading, the credit as typed and parsed, the picture's names, the house): a desk
    repeats each credit on many pictures of one set."""
    return _unhonoured(reading.mandatory, typed, credit, known, label)


def _unhonoured(
    demands: tuple[_Found, ...],
    typed: str | None,
    credit: Credit,
    known: tuple[str, ...],
    label: str,
) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    seen: set[str] = set()
    for where, found in demands:
        required = required_credit(found.credit) if found.credit else None
        if required is None or fold_name(required.text) in seen or honours(credit, required):
            continue
        seen.add(fold_name(required.text))
        fix = _credit_fix(credit, known, label, required)
        hits.append(
            Hit(
                f'Mandatory credit "{found.credit}" (in {where}) is not honoured by '
                f'"{typed}"; credit "{fix.value}"',
                fix,
            )
        )
    return tuple(hits)


def _credit_fix(
    parsed: Credit, known: tuple[str, ...], label: str, required: RequiredCredit
) -> Fix:
    """The demanded credit in print, safe only if it parses back to the demand.

    The print takes from the names the caption and picture know only the spellings of names
    the demand holds, so the fix is cached on those: every credit of a set shares it.
    """
    names = (*known, *parsed.creators, *parsed.organizations)
    handout = parsed.handout or any(fold_name(k) == "handout" for k in names)
    spellings: tuple[str, ...] = ()
    if required.labelled:
        wanted = _folded_names(required)
        spellings = tuple(name for name in names if name and fold_name(name) in wanted)
    return _printed_fix(required, spellings, handout, label)


@lru_cache(maxsize=4096)
def _folded_names(required: RequiredCredit) -> frozenset[str]:
    return frozenset(fold_name(name) for name in required.names)


@lru_cache(maxsize=4096)
def _printed_fix(
    required: RequiredCredit, spellings: tuple[str, ...], handout: bool, label: str
) -> Fix:
    value = suggested_credit(required, spellings, handout)
    if label and not value.startswith(label.strip()):
        value = f"{label}{value}"
    return Fix("credit", value, safe=honours(parse_credit(value), required))


def check_usage(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD110: editorial-only, no sales, no marketing, no archives, handout terms, as one list."""
    return _restrictions(facts).usage


def _usage_hits(found: tuple[_Found, ...]) -> tuple[Hit, ...]:
    """PD110's hit, made once per picture reading: it reads nothing but the restrictions."""
    terms = dict.fromkeys(_usage_term(r) for _, r in found)
    message = f"Restricted use: {', '.join(terms)} ({_quoted(found)}); publish within these terms"
    return (Hit(message),)


def _usage_term(found: Restriction) -> str:
    term = _USAGE[found.kind]
    return f"{term} in {', '.join(found.territories)}" if found.territories else term


def check_territory(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD111: ``CANADA OUT`` and its kin; an error when the house publishes in one of them."""
    found = _restrictions(facts).territory
    if not found:
        return NO_HITS
    codes = list(dict.fromkeys(code for _, r in found for code in r.territories))
    if house.territory in codes:
        return (
            Hit(
                f"Not for publication in {house.territory}, where this site publishes "
                f"({_quoted(found)}); do not publish this picture",
                severity=Severity.ERROR,
            ),
        )
    return (Hit(f"Not for publication in {', '.join(codes)} ({_quoted(found)})"),)


def check_embargo(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD112: an error until the embargo lifts, information after; unreadable: ask the editor."""
    embargoes = _restrictions(facts).embargo
    if not embargoes:
        return NO_HITS
    now = facts.now if facts.now is None or facts.now.tzinfo else facts.now.replace(tzinfo=UTC)
    seen: set[tuple[datetime | None, str]] = set()
    hits = []
    for _, found in embargoes:
        key = (found.until, found.phrase if found.until is None else "")
        if key in seen:
            continue
        seen.add(key)
        hits.append(_embargo_hit(found, now))
    return tuple(hits)


def _embargo_hit(found: Restriction, now: datetime | None) -> Hit:
    phrase = " ".join(found.phrase.split())
    if found.until is None:
        severity = Severity.WARNING if now is not None else None
        message = f'Embargo "{phrase}": the time could not be read; check it before publishing'
        return Hit(message, severity=severity)
    when = found.until.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if now is not None and now < found.until:
        message = f'Embargoed until {when} ("{phrase}"); do not publish before then'
        return Hit(message, severity=Severity.ERROR)
    if now is not None:
        return Hit(f'Embargo lifted at {when} ("{phrase}")')
    return Hit(f'Embargoed until {when} ("{phrase}")')


def check_boilerplate(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD206: restriction boilerplate left in the caption text; the fix cuts it out.

    Only a caption whose text holds a restriction (the shared reading says so) is cut.
    """
    if not _restrictions(facts).in_caption:
        return NO_HITS
    cut = without_boilerplate(facts.caption)
    if cut is None:
        return NO_HITS
    fix = Fix("caption", cut.caption, safe=cut.safe) if cut.caption else None
    shown = "; ".join(f'"{" ".join(text.split())}"' for text in cut.removed)
    return (Hit(f"Restriction boilerplate in the caption text ({shown}); remove it", fix),)


RULES: tuple[Rule, ...] = (
    Rule(
        "PD103",
        "mandatory-credit",
        Severity.ERROR,
        "A mandatory credit in the instructions or caption that the credit does not honour",
        check_mandatory_credit,
    ),
    Rule(
        "PD110",
        "usage-restriction",
        Severity.INFO,
        "Editorial-only, no-sales, no-marketing, no-archives and handout terms",
        check_usage,
    ),
    Rule(
        "PD111",
        "territory-restriction",
        Severity.INFO,
        "A territory excluded (XXX OUT); an error when the house publishes there",
        check_territory,
    ),
    Rule("PD112", "embargo", Severity.INFO, "An embargo; an error until it lifts", check_embargo),
    Rule(
        "PD206",
        "restriction-boilerplate-in-caption",
        Severity.WARNING,
        "Restriction boilerplate left in the caption text",
        check_boilerplate,
    ),
)
