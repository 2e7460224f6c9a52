"""PD4xx: how captions and pictures are linked — a caption with none, a picture placed twice.

An unlinked caption goes out with no picture, or the wrong one, and none of the credit and
picture rules can judge it, since they compare the caption with its picture; so it is flagged
on its own. ``placements`` is counted by the services (how many captions of the same article
link the same picture): the same photo twice in one story is almost always a linking slip.
"""

from __future__ import annotations

from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.model import NO_HITS, CaptionFacts, Hit, Rule
from photodesk.core.rules.severity import Severity

_UNLINKED = (
    Hit(
        "the caption is not linked to a picture, so its credit cannot be checked; "
        "link it (photodesk link CAPTION PICTURE)"
    ),
)


def _unlinked(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """No picture linked: nothing to publish, and nothing to check the credit against."""
    return _UNLINKED if facts.picture is None else NO_HITS


def _placed_twice(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """The same picture under two captions of one article: one of the links is a slip."""
    if facts.picture is not None and facts.placements >= 2:
        return (
            Hit(
                f"the picture is placed {facts.placements} times in this article; "
                "link this caption to another picture or remove the repeat"
            ),
        )
    return NO_HITS


RULES: tuple[Rule, ...] = (
    Rule(
        "PD401",
        "caption-unlinked",
        Severity.WARNING,
        "The caption is not linked to a picture.",
        _unlinked,
    ),
    Rule(
        "PD402",
        "picture-placed-twice",
        Severity.WARNING,
        "The same picture is placed by two or more captions of one article.",
        _placed_twice,
    ),
)
