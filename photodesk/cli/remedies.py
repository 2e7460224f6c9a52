"""The command line's words for what would let a held-back picture through (its options)."""

from __future__ import annotations

from photodesk.services.remedies import Remedy, phrase

WORDS = {
    Remedy.FORCE: "fix it, or --force to write it anyway",
    Remedy.IN_PLACE: "use --in-place to rewrite it",
}


def phrased(reason: str, remedy: Remedy | None) -> str:
    """``reason``, then the option that would change the outcome."""
    return phrase(reason, remedy, WORDS)
