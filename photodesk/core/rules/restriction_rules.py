"""PD103 and PD110-PD112, PD206: what the agency's instructions demand of a picture's use.

The rules read restrictions (restrictions.py) from the picture's embedded instructions and
usage terms and from the caption text itself, and report them: a mandatory credit the caption
does not honour is an error with the credit as the fix; editorial-only, no-sales and the like
are information for the editor; a territory exclusion or an embargo becomes an error when the
house style or the clock says this site may not publish; boilerplate pasted into the caption
is a warning with the caption cut clean as the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache

from photodesk.core.credit_parse import parse_credit
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.model import CaptionFacts, Fix, Hit, Rule
from photodesk.core.rules.restriction_boilerplate import without_boilerplate
from photodesk.core.rules.restriction_credit import (
    RequiredCredit,
    fold_name,
    honours,
    required_credit,
    suggested_credit,
)
from photodesk.core.rules.restrictions import Restriction, find_restrictions
from photodesk.core.rules.severity import Severity

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


def _restrictions(facts: CaptionFacts) -> tuple[_Found, ...]:
    """(where, restriction) from the picture's instructions and usage terms, then the caption.

    The registry runs the five rules of this module one after the other on the same facts, so
    the last answer is kept: four of five rules then pay one identity test, not three lookups.
    """
    global _last  # one entry, replaced whole: a thread sees an old pair or a new one
    last = _last
    if last is not None and last[0] is facts:
        return last[1]
    picture = facts.picture
    texts = (
        ("", "") if picture is None else (picture.text("instructions"), picture.text("usage_terms"))
    )
    found = _found(*texts, facts.caption)
    _last = (facts, found)
    return found


_last: tuple[CaptionFacts, tuple[_Found, ...]] | None = None


@lru_cache(maxsize=32768)
def _found(instructions: str, usage_terms: str, caption: str) -> tuple[_Found, ...]:
    """Memoised: the same instructions come back on every picture of an agency's set."""
    texts = ((_FIELDS[0], instructions), (_FIELDS[1], usage_terms), ("the caption", caption))
    return tuple((where, r) for where, text in texts for r in find_restrictions(text))


def _of_kind(facts: CaptionFacts, *kinds: str) -> list[_Found]:
    return [(where, r) for where, r in _restrictions(facts) if r.kind in kinds]


def _quoted(found: list[_Found]) -> str:
    phrases = dict.fromkeys(" ".join(r.phrase.split()) for _, r in found)
    return "; ".join(f'"{phrase}"' for phrase in phrases)


def check_mandatory_credit(facts: CaptionFacts, house: HouseStyle) -> Iterator[Hit]:
    """PD103: a mandatory credit the caption's credit does not name (no credit is PD101's)."""
    demands = _of_kind(facts, "mandatory-credit")
    credit = facts.credit_structure() if demands else None
    if credit is None:
        return
    seen: set[str] = set()
    for where, found in demands:
        required = required_credit(found.credit) if found.credit else None
        if required is None or fold_name(required.text) in seen or honours(credit, required):
            continue
        seen.add(fold_name(required.text))
        fix = _credit_fix(facts, house, required)
        yield Hit(
            f'Mandatory credit "{found.credit}" (in {where}) is not honoured by '
            f'"{facts.credit}"; credit "{fix.value}"',
            fix,
        )


def _credit_fix(facts: CaptionFacts, house: HouseStyle, required: RequiredCredit) -> Fix:
    """The demanded credit in print, safe only if it parses back to the demand."""
    picture = facts.picture
    known = [*(picture.items("creators") if picture else ()), *_picture_names(facts)]
    parsed = facts.credit_structure()
    known += [*parsed.creators, *parsed.organizations] if parsed else []
    handout = bool(parsed and parsed.handout) or any(fold_name(k) == "handout" for k in known)
    value = suggested_credit(required, known, handout)
    if house.credit_label and not value.startswith(house.credit_label.strip()):
        value = f"{house.credit_label}{value}"
    return Fix("credit", value, safe=honours(parse_credit(value), required))


def _picture_names(facts: CaptionFacts) -> list[str]:
    picture = facts.picture
    return [picture.text(f) for f in ("source", "credit", "copyright")] if picture else []


def check_usage(facts: CaptionFacts, house: HouseStyle) -> Iterator[Hit]:
    """PD110: editorial-only, no sales, no marketing, no archives, handout terms, as one list."""
    found = _of_kind(facts, *_USAGE)
    if not found:
        return
    terms = dict.fromkeys(_usage_term(r) for _, r in found)
    yield Hit(f"Restricted use: {', '.join(terms)} ({_quoted(found)}); publish within these terms")


def _usage_term(found: Restriction) -> str:
    term = _USAGE[found.kind]
    return f"{term} in {', '.join(found.territories)}" if found.territories else term


def check_territory(facts: CaptionFacts, house: HouseStyle) -> Iterator[Hit]:
    """PD111: ``CANADA OUT`` and its kin; an error when the house publishes in one of them."""
    found = _of_kind(facts, "territory-out")
    if not found:
        return
    codes = list(dict.fromkeys(code for _, r in found for code in r.territories))
    if house.territory in codes:
        yield Hit(
            f"Not for publication in {house.territory}, where this site publishes "
            f"({_quoted(found)}); do not publish this picture",
            severity=Severity.ERROR,
        )
        return
    yield Hit(f"Not for publication in {', '.join(codes)} ({_quoted(found)})")


def check_embargo(facts: CaptionFacts, house: HouseStyle) -> Iterator[Hit]:
    """PD112: an error until the embargo lifts, information after; unreadable: ask the editor."""
    now = facts.now if facts.now is None or facts.now.tzinfo else facts.now.replace(tzinfo=UTC)
    seen: set[tuple[datetime | None, str]] = set()
    for _, found in _of_kind(facts, "embargo"):
        key = (found.until, found.phrase if found.until is None else "")
        if key in seen:
            continue
        seen.add(key)
        yield _embargo_hit(found, now)


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


def check_boilerplate(facts: CaptionFacts, house: HouseStyle) -> Iterator[Hit]:
    """PD206: restriction boilerplate left in the caption text; the fix cuts it out."""
    cut = without_boilerplate(facts.caption)
    if cut is None:
        return
    fix = Fix("caption", cut.caption, safe=cut.safe) if cut.caption else None
    shown = "; ".join(f'"{" ".join(text.split())}"' for text in cut.removed)
    yield Hit(f"Restriction boilerplate in the caption text ({shown}); remove it", fix)


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
