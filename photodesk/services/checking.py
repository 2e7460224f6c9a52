"""``check``: the publishing gate over the whole desk (or some articles), and its safe fixes.

The check reads the desk, runs the rules (``photodesk.core.rules``) against the house style,
stores each caption's verdict, and reports every finding. With ``fix`` it applies the safe fixes
(spacing, agency spelling, house style, a mandatory credit, the embedded credit for a missing
one) through the editing service, so each is a revision under the editor's name that can be
undone, and reports what remains. All in one write unit: a fix is never half-applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from photodesk.core.rules import Finding, HouseStyle, Severity
from photodesk.core.rules.fixing import apply_safe_fixes
from photodesk.services.collector import collector_paused
from photodesk.services.desk import Desk
from photodesk.services.editing import Clock, apply_edit, default_editor, utc_now
from photodesk.services.findings import Verdict, desk_verdicts, refresh_findings, save_verdicts
from photodesk.store import queries_check
from photodesk.store.session import Session


class ArticleNotOnDesk(LookupError):
    """An article named on the command line that the desk has not ingested."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: not on this desk (ingest it first)")
        self.subject = path
        self.reason = "not on this desk (ingest it first)"


@dataclass(frozen=True, slots=True)
class FixedCaption:
    """One caption the check changed: the fields' new values and the findings that asked."""

    caption_id: int
    changes: dict[str, str]
    applied: tuple[Finding, ...]


@dataclass(slots=True)
class CheckReport:
    """Every finding (captions in article and position order), and the fixes applied."""

    captions: int = 0
    findings: list[Finding] = field(default_factory=list)
    fixed: list[FixedCaption] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """``{"error": n, "warning": n, "info": n}``: the JSON contract's summary."""
        counts = Counter(finding.severity for finding in self.findings)
        return {severity.value: counts.get(severity, 0) for severity in reversed(Severity)}

    def fails(self, threshold: Severity) -> bool:
        """Whether any finding is at or above ``threshold`` (``--fail-on``)."""
        return any(finding.severity.rank >= threshold.rank for finding in self.findings)


def check_desk(
    desk: Desk,
    articles: Sequence[str | Path] = (),
    *,
    fix: bool = False,
    editor: str | None = None,
    clock: Clock = utc_now,
) -> CheckReport:
    """Check the desk (or ``articles``, as paths), store the verdicts, optionally fix.

    The cyclic collector is paused meanwhile (services.collector): the verdicts stay alive until
    written, and walking them again and again was 40 % of a desk's check.

    Raises ArticleNotOnDesk for a named article the desk does not hold, ConfigError for a bad
    house style.
    """
    house = desk.house
    now = clock()
    with collector_paused(), desk.write() as session:
        paths = article_keys(session, articles)
        verdicts = desk_verdicts(session, house, now, article_paths=paths)
        save_verdicts(session, verdicts)
        who = editor or default_editor()
        fixed = _fix(session, verdicts, house, who, clock) if fix else []
        if fixed:
            redone = refresh_findings(
                session, house, now, caption_ids=[f.caption_id for f in fixed]
            )
            by_id = {v.caption_id: v for v in redone}
            verdicts = [by_id.get(v.caption_id, v) for v in verdicts]
    report = CheckReport(captions=len(verdicts), fixed=fixed)
    report.findings = [finding for verdict in verdicts for finding in verdict.findings]
    return report


def _fix(
    session: Session, verdicts: list[Verdict], house: HouseStyle, editor: str, clock: Clock
) -> list[FixedCaption]:
    """Each caption with a safe fix, settled by the core and saved as revisions."""
    fixed = []
    for verdict in verdicts:
        if not any(f.fix is not None and f.fix.safe for f in verdict.findings):
            continue
        settled = apply_safe_fixes(verdict.facts, house)
        if not settled.changes:
            continue
        apply_edit(session, verdict.caption_id, verdict.version, settled.changes, editor, clock)
        fixed.append(FixedCaption(verdict.caption_id, settled.changes, settled.applied))
    return fixed


def article_keys(session: Session, articles: Sequence[str | Path]) -> list[str] | None:
    """The desk's keys for the named articles (resolved paths, as ingest stores them); None for
    no names (the whole desk). Raises ArticleNotOnDesk for a name the desk does not hold."""
    if not articles:
        return None
    keys = [str(Path(article).resolve()) for article in articles]
    known = queries_check.known_article_paths(session, keys)
    for key, named in zip(keys, articles, strict=True):
        if key not in known:
            raise ArticleNotOnDesk(str(named))
    return keys


def current_verdicts(desk: Desk, clock: Clock = utc_now) -> list[Verdict]:
    """Every caption checked now, in article and position order, nothing written (reports)."""
    house = desk.house
    with desk.read() as session:
        return desk_verdicts(session, house, clock())
