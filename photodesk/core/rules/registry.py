"""The rule registry: every rule photodesk checks, and running them over one caption.

Rules live in one module per family (PD1xx credit, PD11x restrictions, PD2xx caption, PD3xx
picture, PD4xx linking) and are listed here explicitly, so the set of codes is visible in one
place and a test can hold every code to its documentation.
"""

from __future__ import annotations

from collections.abc import Iterable

from photodesk.core.rules import (
    caption_rules,
    credit_rules,
    link_rules,
    picture_rules,
    restriction_rules,
)
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.model import CaptionFacts, Finding, Rule
from photodesk.core.rules.severity import Severity

RULES: tuple[Rule, ...] = (
    *credit_rules.RULES,
    *restriction_rules.RULES,
    *caption_rules.RULES,
    *picture_rules.RULES,
    *link_rules.RULES,
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
RULE_CODES = frozenset(RULES_BY_CODE)
_UNSET = object()


def check_caption(facts: CaptionFacts, house: HouseStyle) -> tuple[Finding, ...]:
    """Every finding for one caption, worst first, then by code.

    A severity the house configured replaces the rule's own (and the hit's); ``off`` skips the
    rule without running it.
    """
    found: list[Finding] = []
    for rule in RULES:
        configured = house.severities.get(rule.code, _UNSET)
        if configured is None:
            continue
        for hit in rule.check(facts, house):
            severity = configured if isinstance(configured, Severity) else None
            found.append(
                Finding(
                    code=rule.code,
                    rule=rule.name,
                    severity=severity or hit.severity or rule.severity,
                    message=hit.message,
                    fix=hit.fix,
                    caption_id=facts.caption_id,
                    picture=None if facts.picture is None else facts.picture.path,
                    article=facts.article,
                )
            )
    found.sort(key=lambda f: (-f.severity.rank, f.code))
    return tuple(found)


def status_of(findings: Iterable[Finding]) -> str:
    """``error``, ``warning`` or ``ok`` (information alone leaves a caption ok)."""
    worst = max((f.severity.rank for f in findings), default=0)
    return {2: "error", 1: "warning"}.get(worst, "ok")
