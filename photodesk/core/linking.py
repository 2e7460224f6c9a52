"""Linking captions to pictures: block, score, then assign each caption at most one picture.

Pure: plain candidates in (``linking_types``), links and proposals out. The desk around it (which
captions are manual, where results are stored) is ``photodesk.services.linking``.

Assignment is greedy by score: the most certain pair is decided first, so a caption whose best
picture went to a more certain sibling falls back to its next candidate. Two rules keep precision
up: a picture is never given to two captions of one article (across articles the same agency
picture may run twice), and a pair is accepted only if it beats the caption's next available
candidate by a margin, unless the article's image reference names the file and no rival's does;
two frames of one event that fit equally well are left to the editor as proposals.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from photodesk.core.linking_blocking import PictureIndex, build_index
from photodesk.core.linking_features import caption_facts
from photodesk.core.linking_score import Side, explain, score_pair
from photodesk.core.linking_types import (
    CaptionCandidate,
    LinkResult,
    LinkSettings,
    Match,
    PictureCandidate,
)

__all__ = ["CaptionCandidate", "LinkResult", "LinkSettings", "Match", "PictureCandidate", "link"]


class _Pair(NamedTuple):
    score: float
    picture: int  # index into PictureIndex.pictures
    by_reference: bool


class _Caption(NamedTuple):
    candidate: CaptionCandidate
    side: Side
    pairs: list[_Pair]  # best first


def link(
    captions: Iterable[CaptionCandidate],
    pictures: Sequence[PictureCandidate],
    reserved: Collection[tuple[int, int]] = (),
    settings: LinkSettings | None = None,
) -> LinkResult:
    """Link each caption to at most one picture; propose the rest, and say why.

    ``reserved`` holds (article id, picture id) pairs already taken by manual links, which this
    run must respect: that picture goes to no other caption of that article.
    """
    settings = settings or LinkSettings()
    index = build_index(pictures)
    scored = {c.caption_id: _score(index, c, settings) for c in captions}
    chosen, notes = _assign(index, scored, set(reserved), settings)
    links, proposals = [], {}
    for cid, caption in scored.items():
        if cid in chosen:
            links.append(_match(index, caption, chosen[cid]))
            continue
        best = caption.pairs[: settings.max_proposals]
        if best:
            proposals[cid] = tuple(_match(index, caption, pair) for pair in best)
        notes.setdefault(cid, _why_not(caption.pairs, settings))
    return LinkResult(links=tuple(links), proposals=proposals, notes=notes)


def _score(index: PictureIndex, caption: CaptionCandidate, settings: LinkSettings) -> _Caption:
    """The caption's candidates worth keeping, best first (ties by picture id, for stability)."""
    side = index.caption_side(caption_facts(caption))
    pairs = []
    for i in index.candidates(side.facts, settings.max_candidates):
        score, by_reference = score_pair(side, index.sides[i], index.idf)
        if score >= settings.propose or by_reference:
            pairs.append(_Pair(score, i, by_reference))
    pairs.sort(key=lambda p: (-p.score, index.pictures[p.picture].picture_id))
    return _Caption(caption, side, pairs)


def _assign(
    index: PictureIndex,
    scored: Mapping[int, _Caption],
    used: set[tuple[int, int]],
    settings: LinkSettings,
) -> tuple[dict[int, _Pair], dict[int, str]]:
    """Greedy assignment over the pairs above the threshold; notes for captions held back."""
    ranked = sorted(
        (
            (pair, cid)
            for cid, c in scored.items()
            for pair in c.pairs
            if pair.score >= settings.accept
        ),
        key=lambda item: (-item[0].score, item[1], item[0].picture),
    )
    chosen: dict[int, _Pair] = {}
    notes: dict[int, str] = {}
    for pair, cid in ranked:
        article = scored[cid].candidate.article_id
        picture_id = index.pictures[pair.picture].picture_id
        if cid in chosen or cid in notes or (article, picture_id) in used:
            continue
        rival = _rival(index, scored[cid].pairs, pair, article, used)
        clear = rival is None or pair.score - rival.score >= settings.margin
        if clear or (pair.by_reference and rival is not None and not rival.by_reference):
            used.add((article, picture_id))
            chosen[cid] = pair
        elif rival is not None:
            notes[cid] = f"two pictures fit almost equally ({pair.score:.2f} and {rival.score:.2f})"
    return chosen, notes


def _rival(
    index: PictureIndex, pairs: list[_Pair], pair: _Pair, article: int, used: set[tuple[int, int]]
) -> _Pair | None:
    """The caption's best other candidate that is still free in its article."""
    for other in pairs:
        free = (article, index.pictures[other.picture].picture_id) not in used
        if other.picture != pair.picture and free:
            return other
    return None


def _match(index: PictureIndex, caption: _Caption, pair: _Pair) -> Match:
    reasons = explain(caption.side, index.sides[pair.picture], index.idf)
    picture_id = index.pictures[pair.picture].picture_id
    return Match(caption.candidate.caption_id, picture_id, pair.score, reasons, pair.by_reference)


def _why_not(pairs: list[_Pair], settings: LinkSettings) -> str:
    if not pairs:
        return "no candidate picture"
    if pairs[0].score >= settings.accept:
        return "its best picture is linked to another caption of the article"
    return f"best candidate {pairs[0].score:.2f} is below the threshold {settings.accept:.2f}"
