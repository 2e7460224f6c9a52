"""The credit grammar measured on real published captions (LABELING.md in ../shared)."""

from __future__ import annotations

from pathlib import Path

from tests.conformance.credit_eval import FIELDS, evaluate

FIELD_FLOOR = 0.95
WHOLE_FLOOR = 0.85


def test_every_field_meets_its_floor_on_the_dev_set(shared_dir: Path) -> None:
    report = evaluate(shared_dir / "credits" / "dev.jsonl")
    print(f"\n{report.total} labelled captions\n{report.table()}")
    for miss in report.misses:
        print("miss:", miss)
    assert report.total >= 100
    for name in FIELDS:
        assert report.accuracy(name) >= FIELD_FLOOR, (name, report.accuracy(name))
    assert report.whole_accuracy >= WHOLE_FLOOR
