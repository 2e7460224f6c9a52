"""Link precision and recall on the generated linking desk (tests/linking_desk.py).

The decision rule was tuned on seeds 1-3; the seeds measured here were not used for tuning. The
figures are printed (``pytest -s``) and kept in docs/accuracy.md.
"""

from __future__ import annotations

import pytest

from photodesk.core.linking import link
from tests.linking_desk import generate, score

MEASURED_SEEDS = (2024, 7100)


@pytest.mark.parametrize("seed", MEASURED_SEEDS)
def test_precision_and_recall_on_the_generated_desk(seed: int) -> None:
    desk = generate(seed, captions=1000)
    assert len(desk.captions) == 1000 and len(desk.pictures) >= 2000
    result = score(desk, link(desk.captions, desk.pictures))
    orphans = sum(1 for truth in desk.truth.values() if truth is None)
    print(
        f"\nlinking desk seed {seed}: {len(desk.captions)} captions ({orphans} whose picture is "
        f"not on the desk), {len(desk.pictures)} pictures; {result.links} links, "
        f"{result.correct} correct; precision {result.precision:.3f}, recall {result.recall:.3f}"
    )
    assert result.precision >= 0.98
    assert result.recall >= 0.90


def test_the_desk_is_what_it_claims() -> None:
    """Decoys, missing pictures, reused pictures and every kind of reference are all there."""
    desk = generate(2024, captions=300)
    printed = {t for t in desk.truth.values() if t is not None}
    assert len(desk.pictures) - len(printed) >= 200  # unprinted frames: decoys
    assert sum(1 for t in desk.truth.values() if t is None) >= 5
    refs = [c.image_ref or "" for c in desk.captions]
    assert sum(r.startswith("../pictures/") for r in refs) >= 60
    assert sum("-1200x800" in r for r in refs) >= 30
    assert sum("/img/" in r for r in refs) >= 15
    assert sum(r == "" for r in refs) >= 60
    assert sum(c.credit is None for c in desk.captions) >= 5
    assert any(any(ch in c.text for ch in "ŏéüá") for c in desk.captions)
    assert any("RESTRICTED TO EDITORIAL USE" in (p.description or "") for p in desk.pictures)
    per_picture = [t for t in desk.truth.values() if t is not None]
    assert len(per_picture) > len(set(per_picture))  # one picture in two outlets' stories


def test_generation_is_deterministic() -> None:
    first, second = generate(5, captions=60), generate(5, captions=60)
    assert first.captions == second.captions
    assert first.pictures == second.pictures
    assert first.truth == second.truth
