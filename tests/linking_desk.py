"""A generated linking desk: articles' captions and agency pictures with a known truth.

Deterministic from a seed. Each *event* (a person doing several things at one venue on one day,
shot by one agency) gives two to four frames; the agency captions each frame in its own style
(AFP, AP, Reuters, Getty; handouts and pools with their boilerplate) and names the file its way.
Articles print an edited caption for one or two frames: another sentence shape, names with
diacritics, an editor's clause, the date maybe left out, the credit in house style (sometimes
missing or contradicting the file), and an image reference that is the file name, a CMS name
that keeps the agency id, a hashed CDN name, or nothing. The frames no article printed stay on
the desk as decoys; some captions' own frame is missing (their truth is None), some frames carry
their sibling's caption word for word (agencies do that), and some events have no article.

``generate`` returns plain linker inputs and the truth; ``score`` turns a result into precision
and recall. tests/linking_files.py writes a small desk of this kind as real files.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta

from photodesk.core.linking import CaptionCandidate, LinkResult, PictureCandidate, link
from tests import linking_words as words
from tests.linking_shots import Frame, article_caption, frame_picture, make_event


@dataclass(frozen=True)
class LinkingDesk:
    """Linker inputs and, for every caption, the picture it really shows (None: not on the desk)."""

    captions: tuple[CaptionCandidate, ...]
    pictures: tuple[PictureCandidate, ...]
    truth: dict[int, int | None]
    frames: dict[int, Frame]  # picture id → the frame it shows (for writing files)


@dataclass(frozen=True)
class Score:
    links: int
    correct: int
    linkable: int

    @property
    def precision(self) -> float:
        return self.correct / self.links if self.links else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.linkable if self.linkable else 1.0


def score(desk: LinkingDesk, result: LinkResult) -> Score:
    correct = sum(1 for m in result.links if desk.truth.get(m.caption_id) == m.picture_id)
    linkable = sum(1 for t in desk.truth.values() if t is not None)
    return Score(links=len(result.links), correct=correct, linkable=linkable)


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()
        self.frames: list[Frame] = []
        self.shown: list[tuple[Frame, int]] = []  # (frame, article group) per caption
        self.missing: set[int] = set()  # frame numbers left off the desk
        self.group = 0
        self.famous: list[str] = []

    def name(self, parts: int = 2) -> str:
        """A new name; longer ones once the short ones run out (a 10,000-event desk)."""
        for attempt in range(1000):
            count = parts + attempt // 20
            word = "".join(self.rng.choice(words.SYLLABLES) for _ in range(count)).capitalize()
            if word not in self.used_names and len(word) > 3:
                self.used_names.add(word)
                return word
        raise RuntimeError("no new name")  # pragma: no cover

    def person(self) -> str:
        """Who the event is about: often one of a few people the news keeps returning to."""
        if self.rng.random() < 0.25:
            if len(self.famous) < 12 or self.rng.random() < 0.02:
                self.famous.append(f"{self.name()} {self.name()}")
            return self.rng.choice(self.famous)
        return f"{self.name()} {self.name()}"

    def event(self, printed: bool) -> None:
        rng = self.rng
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
        event = make_event(rng, self.name, self.person(), day)
        count = rng.choices((2, 3, 4), (45, 35, 20))[0]
        actions = rng.sample(range(len(words.ACTIONS)), count)
        frames = [
            Frame(len(self.frames) + i, event, a, rng.random()) for i, a in enumerate(actions)
        ]
        if count > 1 and rng.random() < 0.05:  # a burst sent with one caption for both frames
            frames[1] = Frame(frames[1].number, event, frames[0].action, frames[0].seed)
        self.frames.extend(frames)
        if printed:
            self._print(frames)

    def _print(self, frames: list[Frame]) -> None:
        rng = self.rng
        self.group += 1
        burst = len(frames) > 1 and frames[1].action == frames[0].action
        used = frames[:2] if rng.random() < 0.3 and not burst else frames[:1]
        for frame in used:
            self.shown.append((frame, self.group))
            if rng.random() < 0.05:  # the same picture in another outlet's story
                self.shown.append((frame, -self.group))
            if rng.random() < 0.06:
                self.missing.add(frame.number)
        if rng.random() < 0.5:  # a story with a second event's pictures
            self.group -= 1 if rng.random() < 0.4 else 0


def generate(seed: int, captions: int = 240, pictures: int | None = None) -> LinkingDesk:
    """A desk of about ``captions`` captions (exactly, when there are enough) and its pictures.

    ``pictures`` trims unprinted frames (or adds events no article printed) to that count.
    """
    builder = _Builder(seed)
    while len(builder.shown) < captions:
        builder.event(printed=builder.rng.random() > 1 / 7)
    while pictures is not None and len(builder.frames) < pictures + len(builder.missing):
        builder.event(printed=False)
    return _assemble(builder, captions, pictures)


def _assemble(builder: _Builder, captions: int, pictures: int | None) -> LinkingDesk:
    rng = builder.rng
    shown = builder.shown[:captions]
    printed = {f.number for f, _ in shown}
    on_desk = [f for f in builder.frames if f.number not in builder.missing]
    if pictures is not None and len(on_desk) > pictures:
        spare = [f for f in on_desk if f.number not in printed]
        drop = {f.number for f in rng.sample(spare, min(len(spare), len(on_desk) - pictures))}
        on_desk = [f for f in on_desk if f.number not in drop]
    rng.shuffle(on_desk)
    ids = {f.number: i + 1 for i, f in enumerate(on_desk)}
    caption_list = []
    for number, (frame, group) in enumerate(shown, start=1):
        caption_list.append(article_caption(rng, number, abs(group) * 2 + (group < 0), frame))
    return LinkingDesk(
        captions=tuple(caption_list),
        pictures=tuple(frame_picture(f, ids[f.number]) for f in on_desk),
        truth={n: ids.get(f.number) for n, (f, _) in enumerate(shown, start=1)},
        frames={ids[f.number]: f for f in on_desk},
    )


def main() -> None:
    """The micro-benchmark: ``python -m tests.linking_desk --captions 10000 --pictures 10000``."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--captions", type=int, default=10_000)
    parser.add_argument("--pictures", type=int, default=10_000)
    args = parser.parse_args()
    started = time.perf_counter()
    desk = generate(args.seed, args.captions, args.pictures)
    generated = time.perf_counter()
    result = link(desk.captions, desk.pictures)
    linked = time.perf_counter()
    measured = score(desk, result)
    print(
        f"{len(desk.captions)} captions x {len(desk.pictures)} pictures (seed {args.seed}): "
        f"generated in {generated - started:.1f} s, linked in {linked - generated:.2f} s; "
        f"{measured.links} links, precision {measured.precision:.3f}, recall {measured.recall:.3f}"
    )


if __name__ == "__main__":
    main()
