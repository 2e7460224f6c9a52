"""One-entry memos for the work several rules share on the caption being checked.

The registry runs its rules one after the other on the same ``CaptionFacts``: the five
restriction rules all need the caption's restrictions, six credit rules the picture's reading.
Each such reading is computed by the first rule that asks and handed to the others by a memo
that holds the last facts object and its answer. It is a memo of one caption's check, not a
cache across captions: a hit needs the very object the last call was given (the entry holds it,
so its identity cannot be reused by another object while it is kept) and the same check
(``new_check``, which the registry calls for every caption, ends every memo: a caller that
checks the same facts again after changing a picture's values in place gets a fresh answer).
Work worth sharing *across* captions is cached by value in the rule modules (a picture's
fields, a credit's text).

The entry is one tuple replaced whole, so a thread sees the old one or the new one; threads
checking at once only cost each other recomputations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from photodesk.core.rules.model import CaptionFacts

T = TypeVar("T")
_check = 0


def new_check() -> None:
    """Start a caption's check: every memo forgets its entry."""
    global _check
    _check += 1


def per_caption(compute: Callable[[CaptionFacts], T]) -> Callable[[CaptionFacts], T]:
    """``compute`` with its last answer kept for the facts object of the current check."""
    last: tuple[CaptionFacts, int, T] | None = None

    def remembered(facts: CaptionFacts) -> T:
        nonlocal last
        held = last
        if held is not None and held[0] is facts and held[1] == _check:
            return held[2]
        value = compute(facts)
        last = (facts, _check, value)
        return value

    remembered.__doc__ = compute.__doc__
    remembered.__name__ = compute.__name__
    return remembered


K = TypeVar("K")
V = TypeVar("V")


def remember(cache: dict[K, V], key: K, value: V, size: int) -> V:
    """Put ``value`` in a bounded ``cache`` (emptied whole when full) and return it.

    For caches whose misses need more than their key (a caption's stored parse, which does not
    change the answer but spares working it out), where ``lru_cache`` cannot serve. Emptying
    at once is cheaper than keeping an order, and a desk's working set fits the bound.
    """
    if len(cache) >= size:
        cache.clear()
    cache[key] = value
    return value
