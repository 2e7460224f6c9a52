"""Applying the safe fixes to one caption until none is left.

Fixes interact: normalising a credit's spacing can reveal that it is not in house style, and a
house-style rewrite must not undo a mandatory credit. So fixes are applied one at a time, worst
finding first, and the caption is re-checked after each; a value seen before stops the loop (two
rules that disagree must not ping-pong), and so does a bound on the rounds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.model import CaptionFacts, Finding
from photodesk.core.rules.registry import check_caption

MAX_ROUNDS = 6


@dataclass(frozen=True, slots=True)
class Settled:
    """The outcome: new field values (only those that changed), what was applied, what remains."""

    changes: dict[str, str]
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]


def apply_safe_fixes(facts: CaptionFacts, house: HouseStyle) -> Settled:
    """The caption with every safe fix applied, re-checked after each one."""
    current, applied = facts, []
    seen = {(facts.caption, facts.credit)}
    findings = check_caption(current, house)
    for _ in range(MAX_ROUNDS):
        finding = _next_fix(current, findings)
        if finding is None or finding.fix is None:
            break
        if finding.fix.field == "credit":
            candidate = replace(current, credit=finding.fix.value, parsed=None)
        else:
            candidate = replace(current, caption=finding.fix.value)
        if (candidate.caption, candidate.credit) in seen:
            break
        seen.add((candidate.caption, candidate.credit))
        current, findings = candidate, check_caption(candidate, house)
        applied.append(finding)
    changes = {
        name: str(getattr(current, name))
        for name in ("caption", "credit")
        if getattr(current, name) != getattr(facts, name)
    }
    return Settled(changes, tuple(applied), findings)


def _next_fix(facts: CaptionFacts, findings: tuple[Finding, ...]) -> Finding | None:
    """The worst finding with a safe fix that would change something."""
    for finding in findings:
        fix = finding.fix
        if fix is not None and fix.safe and fix.value != getattr(facts, fix.field):
            return finding
    return None
