"""The UI's words for what would let a held-back picture through: its controls, not the command
line's options (an editor at the desk has no ``--force`` to type)."""

from __future__ import annotations

from photodesk.services.remedies import Remedy, phrase

HELD_BY_CHECK = "held back by the check"  # in the label of each screen's force checkbox

WORDS = {
    Remedy.FORCE: f"fix it, or tick “… {HELD_BY_CHECK}” to include it anyway",
    Remedy.IN_PLACE: "choose “in place” to rewrite it",
}


def phrased(reason: str, remedy: Remedy | None) -> str:
    """``reason``, then the control on screen that would change the outcome."""
    return phrase(reason, remedy, WORDS)
