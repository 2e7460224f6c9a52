"""Finding the few pictures worth scoring for a caption, without scoring all pairs.

A desk of 10,000 pictures and 10,000 captions has 10^8 pairs; almost all are hopeless. The
pictures are indexed once by their rare words, their day and their file names and ids; a caption
then looks up only its rarest words (the ones that name this event: people, places, objects),
its day and its image reference, and scores the pictures that come up most often.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from photodesk.core.linking_features import Facts, picture_facts
from photodesk.core.linking_score import Side
from photodesk.core.linking_types import PictureCandidate

MAX_KEYS = 10  # rarest caption words looked up
DAY_BLOCK = 40  # a day's pictures are all candidates only while the day has this few
MIN_POSTING_CAP = 50  # a word on more pictures than max(this, 2% of the desk) is no key
# A caption word that no picture has (an editor's clause) tells no picture from another; it
# weighs as little as the commonest word, so that it lowers every candidate's score a little.
UNSEEN_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class PictureIndex:
    """The pictures prepared for scoring, their token weights and the blocking indexes."""

    pictures: tuple[PictureCandidate, ...]
    sides: tuple[Side, ...]
    idf: dict[str, float]
    by_token: dict[str, list[int]]
    by_day: dict[int, list[int]]
    by_ref: dict[str, list[int]]  # file names (with and without extension) and agency ids
    posting_cap: int
    file_names: frozenset[str] = frozenset()  # every picture's file name, extension included

    def caption_side(self, facts: Facts) -> Side:
        """A caption's facts with its weight under this desk's IDF, and the file its reference
        names exactly when one of these pictures has that name (it outranks a same-stem file)."""
        weight = sum(self.idf.get(t, UNSEEN_WEIGHT) for t in facts.tokens)
        named = facts.file_name if facts.file_name in self.file_names else None
        return Side(facts, weight, named)

    def candidates(self, facts: Facts, limit: int) -> list[int]:
        """Indexes of the pictures to score: reference hits, then the most shared rare words."""
        found = dict.fromkeys(
            i for key in facts.names | facts.ids for i in self.by_ref.get(key, ())
        )
        hits: Counter[int] = Counter()
        for token in self._keys(facts.tokens):
            hits.update(self.by_token[token])
        if facts.day is not None:
            for day in (facts.day - 1, facts.day, facts.day + 1):
                block = self.by_day.get(day, ())
                if len(block) <= DAY_BLOCK:
                    hits.update(block)
        ranked = hits.most_common(limit)
        floor = ranked[0][1] / 2 if ranked else 0  # the caption's own picture shares most keys
        found.update(dict.fromkeys(i for i, count in ranked if count >= floor))
        return list(found)

    def _keys(self, words: Iterable[str]) -> list[str]:
        usable = [
            (len(p), t) for t in words if 0 < len(p := self.by_token.get(t, ())) <= self.posting_cap
        ]
        return [t for _, t in sorted(usable)[:MAX_KEYS]]


def build_index(pictures: Sequence[PictureCandidate]) -> PictureIndex:
    """Prepare every picture once and index it; IDF is counted over this set of pictures."""
    prepared = [picture_facts(p) for p in pictures]
    by_token: dict[str, list[int]] = {}
    by_day: dict[int, list[int]] = {}
    by_ref: dict[str, list[int]] = {}
    for index, (facts, block_tokens) in enumerate(prepared):
        for token in block_tokens:
            by_token.setdefault(token, []).append(index)
        if facts.day is not None:
            by_day.setdefault(facts.day, []).append(index)
        for key in facts.names | facts.ids:
            by_ref.setdefault(key, []).append(index)
    total = len(prepared) + 1
    idf = {t: math.log(total / (len(p) + 1)) + 1 for t, p in by_token.items()}
    sides = tuple(Side(f, sum(idf[t] for t in f.tokens)) for f, _ in prepared)
    return PictureIndex(
        pictures=tuple(pictures),
        sides=sides,
        idf=idf,
        by_token=by_token,
        by_day=by_day,
        by_ref=by_ref,
        posting_cap=max(MIN_POSTING_CAP, len(prepared) // 50),
        file_names=frozenset(f.file_name for f, _ in prepared if f.file_name),
    )
