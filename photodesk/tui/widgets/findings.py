"""The findings for the caption being edited, worst first, refreshed as the editor types."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import Static

from photodesk.core.rules.model import Finding
from photodesk.core.rules.severity import Severity

SYMBOL = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}
COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def findings_text(findings: Iterable[Finding]) -> Text:
    """One line per finding (symbol, code, message), errors first; a tick when there is none.

    A finding with a fix says what the fix would write, because that is usually the answer.
    """
    ordered = sorted(findings, key=lambda f: (-f.severity.rank, f.code))
    if not ordered:
        return Text("✔ no findings", style="green")
    text = Text()
    for number, finding in enumerate(ordered):
        if number:
            text.append("\n")
        colour = COLOUR[finding.severity]
        text.append(f"{SYMBOL[finding.severity]} {finding.code} ", style=f"bold {colour}")
        text.append(finding.message)
        if finding.fix is not None:
            text.append(f"  → {finding.fix.field}: {finding.fix.value}", style="dim")
    return text


class FindingsList(Static):
    """The rule findings of one caption (as stored, then as the live check says).

    Its size is the layout's (``1fr``), never its text's: replacing the list repaints it alone.
    """

    def show(self, findings: Iterable[Finding]) -> None:
        """Replace the list (nothing to do when it says the same)."""
        text = findings_text(findings)
        if text != self.content:
            self.update(text, layout=False)
