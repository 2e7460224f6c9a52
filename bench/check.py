"""Benchmark: the publishing gate's rules on 100,000 captions, and the check of a stored desk.

Plain Python, no pytest. Part one is the pure rules (``core.rules.check_caption``) over 100,000
captions built from real material: the credit lines of ../shared/credits/dev.jsonl (when there)
and of the demo articles, each with one of ~2,000 photographers so that per-credit caches see a
desk's variety, captions made unique by a frame number before them, and the twelve demo
pictures' real embedded metadata (read once) or no picture. Goal: under 2 s. The references, in
the same run: building the facts alone (the loop's floor) and parsing every credit uncached (what
ingest pays).

The facts are built as the desk builds them (services/findings.py): every caption has its own
``PictureFacts`` (a copy of its picture's, with its own values), so no cache can profit from
two captions sharing one object, and carries the parse of its credit that the desk stored when
the credit was written (``parse_credit(strip_credit_brackets(credit))``, as the editing service
stores it; a fresh object per caption, as read from the database). Storing the parse is
ingest's work, so it is timed with the building of the facts, not with the check.

Part two measures the desk's I/O apart: ``check_desk`` on a generated SQLite desk (bench/desk.py's
files: 10,000 captions), first with every verdict new (read + rules + write), then again with
nothing changed (read + rules, nothing written).

``--per-rule`` prints instead each rule's share of a cold and a warm pass over the same captions
(each rule timed on its own, pauses of the garbage collector counted apart).

    .venv/bin/python bench/check.py [--captions N] [--desk-captions N] [--no-desk] [--per-rule]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desk_corpus import DEFAULT_DIR, ensure_desk_files

from photodesk.core.captions import caption_from_text
from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_split import strip_credit_brackets
from photodesk.core.rules import (
    RULES,
    CaptionFacts,
    HouseStyle,
    PictureFacts,
    check_caption,
    picture_facts,
)
from photodesk.core.types import Credit
from photodesk.metadata.read import read_file
from photodesk.services.checking import check_desk
from photodesk.services.demo import load_demo_desk
from photodesk.services.desk import open_desk
from photodesk.services.importing import ingest_articles
from photodesk.services.linking import link_desk
from photodesk.services.scanning import scan_folders

GOAL_S = 2.0
SHARED = Path(__file__).resolve().parents[2] / "shared"
SURNAMES = (
    "Ivanova Kravets Surikov Fournier Zorina Metzel Korshunov Park Kim Lee Okafor Silva".split()
)
GIVEN = "Anna Pavel Léa Yulia Mikhail Yevgeny Ji-ho Min Chidi Ana Tomás Sophie".split()


def timed(job: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = job()
    return time.perf_counter() - started, result


def material() -> tuple[list[tuple[str, str | None]], list[PictureFacts | None]]:
    """(caption, credit) pairs from real articles and the dev set; the demo pictures' facts."""
    demo = load_demo_desk()
    pairs = [
        (c.caption, None if c.credit is None else c.credit.text)
        for article in demo.articles
        if article.draft is not None
        for c in article.draft.captions
    ]
    dev = SHARED / "credits" / "dev.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            draft = caption_from_text(json.loads(line)["text"])
            pairs.append((draft.caption, None if draft.credit is None else draft.credit.text))
    pictures: list[PictureFacts | None] = [picture_facts(read_file(str(p))) for p in demo.pictures]
    return pairs, [*pictures, None]


def photographer(index: int) -> str:
    return (
        f"{GIVEN[index % len(GIVEN)]} {SURNAMES[(index // len(GIVEN)) % len(SURNAMES)]}{index % 14}"
    )


def stored_parse(credit: str | None) -> Credit | None:
    """The parse the desk stores with a credit, as a new object (as read back from the store)."""
    if not credit:
        return None
    return dataclasses.replace(parse_credit(strip_credit_brackets(credit)))


def own_copy(picture: PictureFacts | None) -> PictureFacts | None:
    """The picture as the desk gives it to one caption: its own facts and values."""
    if picture is None:
        return None
    return dataclasses.replace(picture, values=dict(picture.values))


def build_facts(count: int) -> list[CaptionFacts]:
    pairs, pictures = material()
    facts = []
    for i in range(count):
        caption, credit = pairs[i % len(pairs)]
        if credit and i % 3 == 0:  # another photographer for the same agency layout
            credit = credit.replace(credit.split("/")[-1].strip(), photographer(i % 2000), 1)
        facts.append(
            CaptionFacts(
                caption=f"Frame {i}: {caption}",
                credit=credit,
                parsed=stored_parse(credit),
                picture=own_copy(pictures[i % len(pictures)]),
                caption_id=i,
                article=f"story-{i // 10}.md",
            )
        )
    return facts


def pure_rules(count: int) -> None:
    house = HouseStyle()
    built, facts = timed(lambda: build_facts(count))
    assert isinstance(facts, list)
    credits = [f.credit for f in facts if f.credit]
    parse_credit.cache_clear()
    parse_s, _ = timed(lambda: [parse_credit(c) for c in credits])
    parse_credit.cache_clear()
    check_s, results = timed(lambda: [check_caption(f, house) for f in facts])
    again_s, _ = timed(lambda: [check_caption(f, house) for f in facts])
    assert isinstance(results, list)
    flagged = sum(1 for r in results if r)
    print(f"pure rules, {count:,} captions ({flagged:,} with findings):")
    print(f"  building the facts (reference)     {built:7.3f} s")
    print(f"  parsing every credit, uncached     {parse_s:7.3f} s")
    print(f"  check_caption, cold caches         {check_s:7.3f} s  "
          f"({check_s / count * 1e6:5.1f} µs a caption; goal < {GOAL_S} s: "
          f"{'met' if check_s < GOAL_S else 'MISSED'})")  # fmt: skip
    print(f"  check_caption, warm caches         {again_s:7.3f} s  "
          f"({again_s / parse_s:4.2f}x the uncached parse)")  # fmt: skip


class Pauses:
    """The garbage collector's pauses, summed: a pause lands in whichever rule allocates when
    it comes, so it is taken out of the rules' times and reported on its own line."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._started


def per_rule(count: int) -> None:
    """Each rule's time over ``count`` captions, cold caches then warm, in the registry's order
    (by code), every rule's hits kept through the pass as a desk keeps its verdicts."""
    house = HouseStyle()
    facts = build_facts(count)
    parse_credit.cache_clear()
    rules = sorted(RULES, key=lambda rule: rule.code)
    pauses, clock = Pauses(), time.perf_counter
    passes: list[tuple[dict[str, float], float]] = []
    for _ in range(2):
        spent = dict.fromkeys((rule.code for rule in rules), 0.0)
        kept, paused = [], pauses.total
        for subject in facts:
            for rule in rules:
                before, started = pauses.total, clock()
                kept.append(rule.check(subject, house))
                spent[rule.code] += clock() - started - (pauses.total - before)
        passes.append((spent, pauses.total - paused))
        del kept
    (cold, cold_gc), (warm, warm_gc) = passes
    print(f"per rule, {count:,} captions: cold s, warm s, µs a caption (cold)")
    for rule in sorted(rules, key=lambda rule: -cold[rule.code]):
        code = rule.code
        print(f"  {code} {rule.name:36} {cold[code]:6.3f} {warm[code]:6.3f} "
              f"{cold[code] / count * 1e6:6.2f}")  # fmt: skip
    print(f"  rules                                       {sum(cold.values()):6.3f} "
          f"{sum(warm.values()):6.3f}")  # fmt: skip
    print(f"  garbage collector's pauses                  {cold_gc:6.3f} {warm_gc:6.3f}")


def desk_check(captions: int) -> None:
    files = ensure_desk_files(DEFAULT_DIR, captions, captions)
    with (
        tempfile.TemporaryDirectory() as folder,
        open_desk(f"sqlite:///{Path(folder) / 'desk.db'}") as desk,
    ):
        ingest_articles(desk, files.articles)
        scan_folders(desk, [DEFAULT_DIR / "pictures"])
        link_desk(desk)
        first, _ = timed(lambda: check_desk(desk))
        second, _ = timed(lambda: check_desk(desk))
    print(f"desk check, SQLite, {captions:,} captions linked to {captions:,} pictures:")
    print(f"  check_desk after linking           {first:7.3f} s")
    print(f"  check_desk again, nothing changed  {second:7.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captions", type=int, default=100_000)
    parser.add_argument("--desk-captions", type=int, default=10_000)
    parser.add_argument("--no-desk", action="store_true")
    parser.add_argument("--per-rule", action="store_true")
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}")
    if args.per_rule:
        per_rule(args.captions)
        return
    pure_rules(args.captions)
    if not args.no_desk:
        desk_check(args.desk_captions)


if __name__ == "__main__":
    main()
