"""Re-ingesting a changed article: which stored caption is which new draft, and what to keep.

An article is edited after its pictures reached the desk: a caption reworded, one picture added,
another dropped, the order shuffled. The desk must follow the article where nobody touched a
caption and keep every editor's work where someone did. This module decides, on plain values
(no session), so the rules can be tested exhaustively; ``importing`` applies the decisions.

Matching is by identity first (the same text and image reference), then by a score: text
similarity, plus a bonus for the same image reference and a smaller one for the same position,
accepted above ``MATCH_THRESHOLD`` best pair first. A caption rewritten beyond recognition at a
new place is a removal and an addition, which is also what an editor would call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from photodesk.core.types import CaptionDraft

MATCH_THRESHOLD = 0.5
SAME_IMAGE_BONUS = 0.3
SAME_POSITION_BONUS = 0.15


@dataclass(frozen=True, slots=True)
class Stored:
    """What matching needs of a stored caption: its id, place, and what the article said."""

    id: int
    position: int
    source_caption: str
    image_ref: str | None


def match_drafts(stored: Sequence[Stored], drafts: Sequence[CaptionDraft]) -> dict[int, int]:
    """Map draft index → stored caption id; each stored caption is used at most once.

    Exact matches are taken first (same text and image reference, then same text: a CMS may
    name images by slot, so a moved caption can change its reference), so that a long, mostly
    unchanged article costs no pairwise comparison; only the leftovers are scored.
    """
    matched: dict[int, int] = {}
    for with_image in (True, False):
        matched.update(_exact(stored, drafts, matched, with_image))
    used = set(matched.values())
    left = [item for item in stored if item.id not in used]
    todo = [index for index in range(len(drafts)) if index not in matched]
    matched.update(_best_pairs(left, drafts, todo))
    return matched


def _exact(
    stored: Sequence[Stored], drafts: Sequence[CaptionDraft], matched: dict[int, int], image: bool
) -> dict[int, int]:
    """Drafts whose text (and, first, image reference) equals a stored caption's, in order."""
    used = set(matched.values())
    same: dict[tuple[str, str | None], list[int]] = {}
    for item in stored:
        if item.id not in used:
            key = (item.source_caption, item.image_ref if image else None)
            same.setdefault(key, []).append(item.id)
    found: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        ids = same.get((draft.caption, draft.image if image else None))
        if index not in matched and ids:
            found[index] = ids.pop(0)
    return found


def _best_pairs(
    left: Sequence[Stored], drafts: Sequence[CaptionDraft], todo: Sequence[int]
) -> dict[int, int]:
    """Greedy assignment of the leftovers by descending score, above the threshold."""
    scored = sorted(
        (
            (_score(item, drafts[index], index + 1), index, item.id)
            for item in left
            for index in todo
        ),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for score, index, key in scored:
        if score < MATCH_THRESHOLD:
            break
        if index in pairs or key in taken:
            continue
        pairs[index] = key
        taken.add(key)
    return pairs


def _score(item: Stored, draft: CaptionDraft, position: int) -> float:
    matcher = SequenceMatcher(None, item.source_caption, draft.caption, autojunk=False)
    score = matcher.ratio() if matcher.quick_ratio() >= 0.2 else 0.0
    if item.image_ref is not None and item.image_ref == draft.image:
        score += SAME_IMAGE_BONUS
    if item.position == position:
        score += SAME_POSITION_BONUS
    return score


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """The desk's value after a re-ingest, and whether an editor's change was kept over it."""

    value: str | None
    kept_edit: bool


def merge_field(current: str | None, source: str | None, new: str | None) -> FieldMerge:
    """Follow the article where the desk still shows what the article said; else keep the desk.

    A kept edit is reported only when the article changed that field to something else than the
    desk holds: an editor's text over an unchanged article is simply the desk's text, and an
    article that now says what the editor wrote agrees with the desk.
    """
    if current == source:
        return FieldMerge(new, False)
    return FieldMerge(current, new not in (source, current))
