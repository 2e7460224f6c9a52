"""Show two long values so that a reader sees where they differ.

A dry run prints each changed field as ``old → new``. Cutting both values at a fixed width hides
an edit that comes after the cut (a caption corrected in its last sentence would show the same
70 characters twice); ``around_difference`` shows each value from a little before the first
difference instead, the difference marked with ``|``, so a real change never looks like none.
"""

from __future__ import annotations

ELLIPSIS = "…"
MARK = "|"


def around_difference(old: str, new: str, width: int = 70, context: int = 20) -> tuple[str, str]:
    """``old`` and ``new`` shortened to about ``width`` characters around their first difference.

    Values that both fit are returned whole. Otherwise each is shown from up to ``context``
    characters before the first difference (``…`` for what comes before), then ``|``, then its
    own rest cut to fit (``…`` for what is cut). Two different values never come out equal: the
    first differing character (or the end of the shorter value) is always shown after the mark.
    """
    if old == new or (len(old) <= width and len(new) <= width):
        return old, new
    common = _common_prefix(old, new)
    start = max(0, common - context)
    lead = (ELLIPSIS if start else "") + old[start:common] + MARK
    room = max(2, width - len(lead))  # the first differing character always fits
    return lead + _cut(old[common:], room), lead + _cut(new[common:], room)


def _common_prefix(first: str, second: str) -> int:
    length = min(len(first), len(second))
    for index in range(length):
        if first[index] != second[index]:
            return index
    return length


def _cut(text: str, room: int) -> str:
    """``text`` in at most ``room`` (at least 2) characters, its first one always kept."""
    return text if len(text) <= room else text[: room - 1] + ELLIPSIS
