"""Scoring the credit grammar against a labelled set (../shared/credits/dev.jsonl).

Used by the conformance test and runnable on its own to print the table kept in
docs/accuracy.md: ``python -m tests.conformance.credit_eval``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from photodesk.cli.credit_cmd import credit_record
from photodesk.core.captions import caption_from_text

FIELDS = ("credit", "creators", "organizations", "agency", "handout", "pool", "via")


@dataclass
class Report:
    total: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    whole: int = 0
    misses: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total

    @property
    def whole_accuracy(self) -> float:
        return self.whole / self.total

    def table(self) -> str:
        rows = [f"| {name} | {self.accuracy(name):.3f} |" for name in FIELDS]
        rows.append(f"| whole record | {self.whole_accuracy:.3f} |")
        return "\n".join(["| field | accuracy |", "|---|---|", *rows])


def predicted(text: str) -> dict[str, object]:
    """What ``photodesk credit --json`` says of ``text``: the same record the CLI prints."""
    return credit_record(caption_from_text(text))


def evaluate(path: Path) -> Report:
    report = Report()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        got = predicted(gold["text"])
        wrong = [name for name in FIELDS if got[name] != gold[name]]
        report.total += 1
        for name in FIELDS:
            report.correct[name] += name not in wrong
        report.whole += not wrong
        if wrong:
            report.misses.append(
                f"{gold['text'][-70:]!r}: {wrong} got {got} want { {n: gold[n] for n in wrong} }"
            )
    return report


if __name__ == "__main__":
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    result = evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else shared / "credits/dev.jsonl")
    print(f"{result.total} labelled captions\n\n{result.table()}")
    print("\n".join(result.misses))
