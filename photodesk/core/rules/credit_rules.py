"""The credit rules: PD101, PD102 and PD104–PD107 (PD103, the mandatory credit, is judged with
the restrictions in restriction_rules, which read the same instructions).

Each rule is a pure function of a caption's facts and the house style, and a thin one: what
depends only on a credit's text (malformed? in house style? a misspelt agency?) is decided and
cached per text in the helper modules, what a picture's metadata says is read once per picture
(credit_embedded), and the two are compared in credit_picture. A credit seen before costs each
rule a cache lookup, so a desk that repeats its credits is checked at a few microseconds a
caption for all six.
"""

from __future__ import annotations

from functools import lru_cache

from photodesk.core.agencies import find_agency, fold
from photodesk.core.rules.credit_embedded import Embedded, embedded
from photodesk.core.rules.credit_house import CREDITS, credit_of, printed
from photodesk.core.rules.credit_housestyle import Verdict, judge
from photodesk.core.rules.credit_malformed import malformed
from photodesk.core.rules.credit_picture import contradiction, missing, unlabelled
from photodesk.core.rules.didyoumean import Suggestion, misspelt_agencies
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.memo import per_caption
from photodesk.core.rules.model import NO_HITS, CaptionFacts, Fix, Hit, Rule
from photodesk.core.rules.severity import Severity

# A quoted mandatory credit is longer than a bare agency name, which any instruction may contain.
_SHORTEST_DEMAND = 8


_NO_PICTURE = (Hit("no credit, and no linked picture to take one from"),)


@per_caption
def _reading(facts: CaptionFacts) -> Embedded | None:
    """The picture's credit facts (credit_embedded, cached on the fields' text), read once for
    the four rules of this module that compare with it."""
    return None if facts.picture is None else embedded(facts.picture)


_credit = per_caption(credit_of)


def _blank(credit: str | None) -> bool:
    return credit is None or not credit.strip()


def missing_credit(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD101: no credit; the picture's embedded credit, when it has one, is the fix."""
    if not _blank(facts.credit):
        return NO_HITS
    found = _reading(facts)
    if found is None:
        return _NO_PICTURE
    return (missing(found, house.credit_style, house.credit_label),)


def credit_contradiction(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD102: the caption credits another agency or photographer than the picture's metadata."""
    credit = _credit(facts)
    found = _reading(facts)
    if credit is None or found is None:
        return NO_HITS
    hit = contradiction(credit, found, house.credit_style, house.credit_label)
    return NO_HITS if hit is None else (hit,)


def malformed_credit(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD104: brackets, empty slots, dangling separators, a label naming nobody, spacing."""
    if _blank(facts.credit):
        return NO_HITS
    return _malformed_hits(facts.credit)


@lru_cache(maxsize=CREDITS)
def _malformed_hits(text: str) -> tuple[Hit, ...]:
    found = malformed(text)
    if not found.problems:
        return NO_HITS
    fix = None if found.mended is None else Fix("credit", found.mended, safe=True)
    return (Hit("malformed credit: " + ", ".join(found.problems), fix),)


@lru_cache(maxsize=4096)
def _knows(agency: str | None, extra: tuple[str, ...]) -> bool:
    return agency is not None and (
        find_agency(agency) is not None or fold(agency) in {fold(name) for name in extra}
    )


def unknown_agency(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD105: a distributor that is no known agency but is one misspelt (``Reuter``).

    Searched only when the parser found no agency the desk knows: a credit naming one has its
    distributor, and the search is the costliest thing the credit rules do.
    """
    credit = _credit(facts)
    if credit is None or facts.credit is None or _knows(credit.agency, house.extra_agencies):
        return NO_HITS
    return _misspellings(facts.credit, house.credit_label, house.extra_agencies)


@lru_cache(maxsize=CREDITS)
def _misspellings(text: str, label: str, extra: tuple[str, ...]) -> tuple[Hit, ...]:
    """One hit per misspelt slot; a fix only when one agency is closest."""
    body = printed(text, label).body
    hits = []
    for typed, suggestions in _by_slot(misspelt_agencies(body, extra)):
        names = " or ".join(_named(s.spelling, s.agency) for s in suggestions)
        fix = None
        if len(suggestions) == 1:
            at = text.rfind(body) + suggestions[0].start
            value = text[:at] + suggestions[0].spelling + text[at + len(typed) :]
            fix = Fix("credit", value, safe=suggestions[0].sure)
        hits.append(Hit(f"unknown agency {typed!r}: did you mean {names}?", fix))
    return tuple(hits)


def _by_slot(suggestions: tuple[Suggestion, ...]) -> list[tuple[str, list[Suggestion]]]:
    grouped: dict[str, list[Suggestion]] = {}
    for suggestion in suggestions:
        grouped.setdefault(suggestion.typed, []).append(suggestion)
    return list(grouped.items())


def _named(spelling: str, agency: str) -> str:
    return spelling if fold(spelling) == fold(agency) else f"{spelling} ({agency})"


def house_style(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD106: a credit not printed as the house prints it, with the house text as the fix.

    A credit the picture's instructions demand word for word (``MANDATORY CREDIT "AFP PHOTO /
    GOVERNMENT OF KHABAROVSK TERRITORY"``) is the agency's wording and stays as it is.
    """
    text = facts.credit
    if text is None or not text.strip():
        return NO_HITS
    verdict = judge(text, house.credit_style, house.credit_label, facts.parsed)
    if verdict is None or _demanded(text, _reading(facts), house.credit_label):
        return NO_HITS
    return _house_style_hits(verdict)


@lru_cache(maxsize=CREDITS)
def _house_style_hits(verdict: Verdict) -> tuple[Hit, ...]:
    message = f"credit not in house style ({verdict.reason}): {verdict.text!r}"
    return (Hit(message, Fix("credit", verdict.text, safe=verdict.safe)),)


def _demanded(credit: str | None, found: Embedded | None, label: str) -> bool:
    """Whether the credit is quoted word for word in the picture's instructions."""
    if found is None or credit is None or not found.instructions:
        return False
    body = fold(printed(credit, label).body)
    return len(body) > _SHORTEST_DEMAND and body in found.instructions


def handout_pool_unlabelled(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """PD107: the picture's metadata marks it handout or pool, the caption's credit does not
    (unless the credit is the one the instructions demand, which the agency worded itself)."""
    credit = _credit(facts)
    found = _reading(facts)
    if credit is None or found is None:
        return NO_HITS
    if (found.handout is None or credit.handout) and (found.pool is None or credit.pool):
        return NO_HITS
    marks = (found.handout, found.pool)
    typed = facts.credit or credit.text
    hit = unlabelled(credit, typed, marks, house.credit_style, house.credit_label)
    if hit is None or _demanded(facts.credit, found, house.credit_label):
        return NO_HITS
    return (hit,)


RULES: tuple[Rule, ...] = (
    Rule(
        "PD101",
        "missing-credit",
        Severity.ERROR,
        "The caption has no credit (the picture's embedded credit is offered when it has one).",
        missing_credit,
    ),
    Rule(
        "PD102",
        "credit-contradiction",
        Severity.ERROR,
        "The credit names another agency or photographer than the picture's embedded metadata.",
        credit_contradiction,
    ),
    Rule(
        "PD104",
        "malformed-credit",
        Severity.WARNING,
        "Unbalanced brackets, empty slots, dangling separators, a bare label, odd spacing.",
        malformed_credit,
    ),
    Rule(
        "PD105",
        "unknown-agency",
        Severity.WARNING,
        "The credit's distributor is no known agency but is close to one (did you mean …?).",
        unknown_agency,
    ),
    Rule(
        "PD106",
        "house-style",
        Severity.WARNING,
        "The credit is not printed in the house style; the house-style text is the fix.",
        house_style,
    ),
    Rule(
        "PD107",
        "handout-pool-unlabelled",
        Severity.WARNING,
        "The picture's metadata says handout or pool; the credit does not say so.",
        handout_pool_unlabelled,
    ),
)
