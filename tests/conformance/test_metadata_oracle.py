"""The metadata reader measured on real files against ExifTool (../shared/corpus/real).

Every file of the corpus is read with ``read_file`` (none may raise) and compared field by field
with ``exiftool-oracle.json`` on the (file, field) pairs where ExifTool has a value; the
expected value is ExifTool's values reconciled in our order (XMP, IPTC, EXIF). Known
disagreements count against the figure like any other; each is explained in metadata_known.py
and docs/accuracy.md, and a new, unexplained one fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.metadata_eval import evaluate
from tests.conformance.metadata_known import KNOWN

FLOOR = 0.98

pytestmark = pytest.mark.conformance


def test_agreement_with_exiftool_meets_the_floor(shared_dir: Path) -> None:
    report = evaluate(shared_dir / "corpus" / "real")
    print(f"\n{report.agreed}/{report.pairs} (file, field) pairs agree: {report.agreement:.4f}")
    for path, name, ours, theirs in report.misses:
        print(f"- {path} {name}: ours {ours!r}, ExifTool {theirs!r}")
        print(f"  {KNOWN.get((path, name), 'UNEXPLAINED')}")
    assert not report.crashes, report.crashes
    assert report.pairs >= 700
    assert report.agreement >= FLOOR
    assert not report.unexplained(), report.unexplained()
