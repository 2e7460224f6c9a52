"""Why a picture stays behind, and what would let it through, kept apart so each front end can
say the second part in its own words.

The service knows the fact ("caption 5 fails the check (PD101)") and which switch would change
the outcome (force it; write in place); only the front end knows what that switch is called
(``--force`` on the command line, a checkbox in the UI). A message that names the other front
end's control is a dead end for its reader, so a reason travels as a ``Hold``: the fact plus a
``Remedy``, and ``cli`` and ``tui`` each phrase the remedy with ``phrase``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Remedy(StrEnum):
    """A switch of the front end that would let a held-back picture through."""

    FORCE = "force"  # the check holds it back; forcing takes it anyway
    IN_PLACE = "in place"  # the copy would land on the original; writing in place is meant


@dataclass(frozen=True, slots=True)
class Hold:
    """Why a picture is held back (``reason``, a fact) and what would let it through, if any."""

    reason: str
    remedy: Remedy | None = None


def phrase(reason: str, remedy: Remedy | None, words: Mapping[Remedy, str]) -> str:
    """``reason`` followed by the front end's ``words`` for ``remedy`` (when there is one)."""
    return reason if remedy is None else f"{reason}; {words[remedy]}"
