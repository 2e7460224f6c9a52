"""Cutting an agency's restriction boilerplate out of a caption (the fix of PD206).

Agencies put restrictions in the caption field (``… the Amur Trade Forum. RESTRICTED TO
EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / …" - DISTRIBUTED AS A SERVICE TO CLIENTS``) and
desks that paste the agency caption publish them. Restrictions that follow one another with only
separators between them are one block; a block is cut with its separators, and with its
brackets when it is bracketed (Getty's ``(RUSSIA OUT)``).

The cut is *safe* (``check --fix`` applies it unasked) only when what remains is plainly the
caption: every block was at the start or the end, a bracketed aside, or whole sentences, and
at least a few words remain. Otherwise the editor is shown the result and decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from photodesk.core.rules.restrictions import Restriction, find_restrictions

_GAP = frozenset(" \t\r\n.,;:/|-–—")
_BEFORE = " \t\r\n/|-–—,;:"
_AFTER = " \t\r\n/|-–—,;:.)]"
_SENTENCE_END = ".!?"
_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Cut:
    """A caption with its boilerplate removed; ``safe`` as the module docstring defines it."""

    caption: str
    safe: bool
    removed: tuple[str, ...]


def without_boilerplate(caption: str) -> Cut | None:
    """The caption without its restriction boilerplate; None when it holds none."""
    found = find_restrictions(caption)
    if not found:
        return None
    kept: list[str] = []
    removed: list[str] = []
    tidy = True
    position, last = 0, len(caption.rstrip())
    for start, end in _blocks(caption, found):
        start, end, bracketed = _with_brackets(caption, start, end)
        before = caption[position:start].rstrip(_BEFORE)
        if before.strip() and end < last:
            tidy = tidy and (bracketed or _ends_sentence(before))
        kept.append(before)
        removed.append(caption[start:end].strip())
        position = end
    kept.append(caption[position:].lstrip(_AFTER))
    text = " ".join(" ".join(part.split()) for part in kept if part.strip())
    return Cut(text, tidy and len(text.split()) >= _MIN_WORDS, tuple(removed))


def _blocks(text: str, found: tuple[Restriction, ...]) -> list[tuple[int, int]]:
    """Spans of runs of restrictions separated only by spaces and punctuation."""
    blocks: list[tuple[int, int]] = []
    for item in found:
        if blocks and all(ch in _GAP for ch in text[blocks[-1][1] : item.start]):
            blocks[-1] = (blocks[-1][0], item.end)
        else:
            blocks.append((item.start, item.end))
    return blocks


def _with_brackets(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Widen a block to the brackets around it (``(RUSSIA OUT)``) and what ends it (``.``)."""
    left, right = start, end
    while left > 0 and text[left - 1].isspace():
        left -= 1
    while right < len(text) and text[right].isspace():
        right += 1
    pairs = {"(": ")", "[": "]"}
    if left > 0 and right < len(text) and pairs.get(text[left - 1]) == text[right]:
        return left - 1, right + 1, True
    if right < len(text) and text[right] in _SENTENCE_END:
        return start, right + 1, False
    return start, end, False


def _ends_sentence(before: str) -> bool:
    """Text before a mid-caption block ends a sentence, so the block was whole sentences."""
    return before.rstrip()[-1:] in (*_SENTENCE_END, ")", '"', "”")
