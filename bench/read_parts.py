"""Where ``read_file``'s time goes: each stage timed inside the flow of reading, and alone.

Plain Python, no pytest. In the flow, every file goes through open and container parsing, XMP,
IIM, EXIF, reconciliation and the Metadata record in turn, as ``read_file`` does; alone, each
stage runs over all files before the next. The two differ: a stage that runs between others
finds the processor's caches full of their code and data, and pays for it (reading a file's
first bytes costs about three times as much in the flow). Best of several rounds, µs per file.

    .venv/bin/python bench/read_parts.py [--files N] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

from corpus import DEFAULT_DIR, ensure_corpus

from photodesk.core.metadata import BlockReading, Conflict, Metadata, Value
from photodesk.core.reconcile import reconcile
from photodesk.metadata.container import RawMetadata
from photodesk.metadata.exif import read_exif
from photodesk.metadata.fields import IIM_LIMITS
from photodesk.metadata.iim import read_iim
from photodesk.metadata.read import _raw, read_file
from photodesk.metadata.xmp import read_xmp

STAGES = ("open + container", "XMP", "IIM", "EXIF", "reconcile", "Metadata record")


def in_flow(paths: list[str]) -> list[float]:
    """Nanoseconds per stage, summed over the files, each file through every stage in turn."""
    clock, spent = time.perf_counter_ns, [0] * len(STAGES)
    for path in paths:
        marks = [clock()]
        raw = _raw(path)
        marks.append(clock())
        xmp, iim, exif = _blocks(raw)
        readings = [read_xmp(xmp)]
        marks.append(clock())
        readings.append(read_iim(iim))
        marks.append(clock())
        readings.append(read_exif(exif))
        marks.append(clock())
        values, conflicts = reconcile(readings, IIM_LIMITS)
        marks.append(clock())
        _record(path, raw, (values, conflicts), readings)
        marks.append(clock())
        for stage in range(len(STAGES)):
            spent[stage] += marks[stage + 1] - marks[stage]
    return [float(ns) for ns in spent]


def alone(paths: list[str]) -> list[float]:
    """Nanoseconds per stage, summed over the files, each stage over every file in turn."""
    raws = [_raw(path) for path in paths]
    blocks = [_blocks(raw) for raw in raws]
    readings = [[read_xmp(x), read_iim(i), read_exif(e)] for x, i, e in blocks]
    reconciled = [reconcile(present, IIM_LIMITS) for present in readings]
    jobs: list[Callable[[], object]] = [
        lambda: [_raw(path) for path in paths],
        lambda: [read_xmp(xmp) for xmp, _, _ in blocks],
        lambda: [read_iim(iim) for _, iim, _ in blocks],
        lambda: [read_exif(exif) for _, _, exif in blocks],
        lambda: [reconcile(present, IIM_LIMITS) for present in readings],
        lambda: [_record(*job) for job in zip(paths, raws, reconciled, readings, strict=True)],
    ]
    spent = []
    for job in jobs:
        start = time.perf_counter_ns()
        job()
        spent.append(float(time.perf_counter_ns() - start))
    return spent


def _blocks(raw: RawMetadata) -> tuple[bytes, bytes, bytes]:
    """The three blocks; every file of the benchmark corpus has all of them."""
    if raw.xmp is None or raw.iim is None or raw.exif is None:
        raise SystemExit("read_parts needs files with XMP, IIM and EXIF (bench/corpus.py)")
    return raw.xmp, raw.iim, raw.exif


def _record(
    path: str,
    raw: RawMetadata,
    reconciled: tuple[dict[str, Value], tuple[Conflict, ...]],
    readings: list[BlockReading],
) -> Metadata:
    """The record ``read_file`` returns, built the same way."""
    values, conflicts = reconciled
    return Metadata(
        path, raw.format, raw.width, raw.height, values, conflicts, None, tuple(readings), ()
    )


def best(measure: Callable[[list[str]], list[float]], paths: list[str], rounds: int) -> list[float]:
    runs = [measure(paths) for _ in range(rounds)]
    return [min(run[stage] for run in runs) / len(paths) / 1000 for stage in range(len(STAGES))]


def whole(paths: list[str], rounds: int) -> float:
    seconds = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path in paths:
            read_file(path)
        seconds.append(time.perf_counter() - start)
    return min(seconds) / len(paths) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="corpus files to read")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="corpus folder (cached)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, best kept")
    args = parser.parse_args()
    paths = [str(path) for path in ensure_corpus(args.dir, args.files)]
    flow, apart = best(in_flow, paths, args.rounds), best(alone, paths, args.rounds)
    print(f"{len(paths)} files, best of {args.rounds}; load {os.getloadavg()[0]:.2f}")
    print(f"  {'stage':<20} {'in the flow':>12} {'alone':>10}   (µs per file)")
    for name, in_it, by_itself in zip(STAGES, flow, apart, strict=True):
        print(f"  {name:<20} {in_it:12.1f} {by_itself:10.1f}")
    print(f"  {'sum':<20} {sum(flow):12.1f} {sum(apart):10.1f}")
    print(f"  read_file as a whole: {whole(paths, args.rounds):.1f}")


if __name__ == "__main__":
    main()
