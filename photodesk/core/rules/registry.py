"""The rule registry: every rule photodesk checks, and running them over one caption.

Rules live in one module per family (PD1xx credit, PD11x restrictions, PD2xx caption, PD3xx
picture, PD4xx linking) and are listed here explicitly, so the set of codes is visible in one
place and a test can hold every code to its documentation.

``check_caption`` runs 23 rules on every caption of a desk, so its own loop is kept lean: the
house's severities are resolved into a plan once (not looked up per rule and caption), a rule
returns a tuple (empty for most), and the plan runs the rules in order of code, so that the
findings come out sorted by code and need only be gathered by severity, not sorted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from photodesk.core.rules import (
    caption_rules,
    credit_rules,
    link_rules,
    picture_rules,
    restriction_rules,
)
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.memo import new_check
from photodesk.core.rules.model import CaptionFacts, CheckFunction, Finding, Rule, new_finding
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
# One step of a plan: the rule, its check, and the severity the house forces on it (or None).
_Step = tuple[Rule, CheckFunction, Severity | None]


def _plan(severities: Mapping[str, Severity | None]) -> tuple[_Step, ...]:
    """The rules a house runs, in order of code, with its severities; ``off`` leaves a rule out
    of the plan."""
    steps: list[_Step] = []
    for rule in sorted(RULES, key=lambda rule: rule.code):
        configured = severities.get(rule.code, _UNSET)
        if configured is None:
            continue
        forced = configured if isinstance(configured, Severity) else None
        steps.append((rule, rule.check, forced))
    return tuple(steps)


_DEFAULT_PLAN = _plan({})


def check_caption(facts: CaptionFacts, house: HouseStyle) -> tuple[Finding, ...]:
    """Every finding for one caption, worst first, then by code.

    A severity the house configured replaces the rule's own (and the hit's); ``off`` skips the
    rule without running it. The plan of a house with its own severities is resolved per call
    (23 dictionary lookups), never cached on the house object, which a caller may rebuild.
    """
    plan = _plan(house.severities) if house.severities else _DEFAULT_PLAN
    new_check()
    errors: list[Finding] = []
    warnings: list[Finding] = []
    infos: list[Finding] = []
    picture = None if facts.picture is None else facts.picture.path
    for rule, check, forced in plan:
        hits = check(facts, house)
        if not hits:
            continue
        for hit in hits:
            severity = forced or hit.severity or rule.severity
            finding = new_finding(
                rule.code,
                rule.name,
                severity,
                hit.message,
                hit.fix,
                facts.caption_id,
                picture,
                facts.article,
            )
            if severity is Severity.ERROR:
                errors.append(finding)
            elif severity is Severity.WARNING:
                warnings.append(finding)
            else:
                infos.append(finding)
    return (*errors, *warnings, *infos)


def status_of(findings: Iterable[Finding]) -> str:
    """``error``, ``warning`` or ``ok`` (information alone leaves a caption ok)."""
    worst = max((f.severity.rank for f in findings), default=0)
    return {2: "error", 1: "warning"}.get(worst, "ok")
