"""Benchmark: reading embedded metadata and making thumbnails, against every peer, same run.

Plain Python, no pytest. Generates (or reuses) a corpus of realistic agency JPEGs (bench/corpus.py),
reads every file once to warm the page cache, then times each reader over all files and prints
files per second and ratios against references measured in the same run: ExifTool (goal: photodesk
at least 20x), the best Python peer (2x) and a bare walk of the metadata segments (the floor;
photodesk within 3x). Thumbnails are timed on a subset the same way: photodesk's thumbnailer
against Pillow's full decode and against handing over the embedded EXIF thumbnail.

    .venv/bin/python bench/read.py [--files N] [--thumb-files N] [--dir DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import read_peers as peers
from corpus import DEFAULT_DIR, ensure_corpus

from photodesk.metadata.parallel import scan_files
from photodesk.metadata.read import read_file
from photodesk.metadata.scan import ScanOptions
from photodesk.metadata.thumbnail import make_thumbnail

Rates = dict[str, float | None]
FLOOR = "bare walk (APPn payloads, stop at SOS)"
ONE = "photodesk read_file, 1 process"
TWO = "photodesk scan_files, 2 processes"
EXIV2 = "python-exiv2 (EXIF+IIM+XMP)"
PILLOW = "Pillow (getexif+getxmp+getiptcinfo)"
EXIFREAD = "exifread details=False (EXIF only)"
EXIFTOOL = "ExifTool -j -fast2, one batch call"
CEILING = "EXIF thumbnail bytes only (ceiling)"
THUMBS = "photodesk make_thumbnail, 1 process"
FULL_DECODE = "Pillow full decode + thumbnail"


Job = Callable[[list[Path]], object]


def best_rates(jobs: dict[str, tuple[Job, int]], paths: list[Path], rounds: int) -> Rates:
    """Files per second for each job, best of its passes over all ``paths``.

    The passes are interleaved (every job once per round), so that a burst of other work on the
    machine slows one pass of every job rather than every pass of one job. Each job runs in its
    first ``passes`` rounds (the slow references in fewer).
    """
    best = dict.fromkeys(jobs, float("inf"))
    for round_ in range(rounds):
        for name, (job, passes) in jobs.items():
            if round_ < passes:
                started = time.perf_counter()
                job(paths)
                best[name] = min(best[name], time.perf_counter() - started)
    return {name: len(paths) / seconds for name, seconds in best.items()}


def each(reader: Callable[[Path], object]) -> Callable[[list[Path]], object]:
    return lambda paths: [reader(path) for path in paths]


def scanned(workers: int, options: ScanOptions) -> Callable[[list[Path]], object]:
    return lambda paths: list(scan_files(paths, workers=workers, options=options))


def checked_read(path: Path) -> object:
    metadata = read_file(path)
    if metadata.error:
        raise SystemExit(f"photodesk failed on its own benchmark corpus: {path}: {metadata.error}")
    return metadata


def reading(paths: list[Path], rounds: int) -> Rates:
    jobs: dict[str, tuple[Job, int]] = {
        FLOOR: (each(peers.bare_walk), rounds),
        ONE: (each(checked_read), rounds),
        TWO: (scanned(2, ScanOptions(fingerprints=False)), rounds),
        "photodesk scan_files + fingerprints, 2 proc": (scanned(2, ScanOptions()), rounds),
        EXIV2: (each(peers.exiv2_read), rounds),
        PILLOW: (each(peers.pillow_read), rounds),
        EXIFREAD: (each(peers.exifread_read), rounds),
    }
    if peers.exiftool_available():
        jobs[EXIFTOOL] = (peers.exiftool_batch, 2)
    rates = best_rates(jobs, paths, rounds)
    rates.setdefault(EXIFTOOL, None)  # printed as "ExifTool not installed"
    return rates


def thumbnails(paths: list[Path], rounds: int) -> Rates:
    with_thumbs = ScanOptions(fingerprints=False, thumbnails=True)
    jobs: dict[str, tuple[Job, int]] = {
        CEILING: (each(peers.exif_thumbnail_only), rounds),
        THUMBS: (each(make_thumbnail), rounds),
        "photodesk scan_files + thumbnails, 2 proc": (scanned(2, with_thumbs), rounds),
        FULL_DECODE: (each(peers.pillow_full_thumbnail), 2),
    }
    return best_rates(jobs, paths, rounds)


def table(title: str, rates: Rates) -> None:
    print(f"\n{title}")
    for name, rate in rates.items():
        figure = "ExifTool not installed" if rate is None else f"{rate:9.0f} files/s"
        per = "" if rate is None else f"{1000 / rate:8.3f} ms/file"
        print(f"  {name:<44} {figure:>22} {per}")


def ratio(label: str, ours: float, theirs: float | None, goal: str) -> None:
    if theirs is None:
        print(f"  {label:<58} n/a (ExifTool not installed)   goal {goal}")
    else:
        print(f"  {label:<58} {ours / theirs:7.2f}x   goal {goal}")


def report_ratios(rates: Rates) -> None:
    full_peer = max(rates[EXIV2] or 0.0, rates[PILLOW] or 0.0)
    any_peer = max(full_peer, rates[EXIFREAD] or 0.0)
    print("\nratios (higher is faster for photodesk)")
    for label, ours in (("1 process", rates[ONE] or 0.0), ("2 processes", rates[TWO] or 0.0)):
        ratio(f"photodesk {label} / ExifTool", ours, rates[EXIFTOOL], ">= 20x")
        ratio(f"photodesk {label} / best peer reading all 3 blocks", ours, full_peer, ">= 2x")
        ratio(f"photodesk {label} / best peer incl. EXIF-only exifread", ours, any_peer, ">= 2x")
        ratio(f"photodesk {label} / bare walk (1 process)", ours, rates[FLOOR], ">= 0.33x")


def report_thumbnail_ratios(rates: Rates) -> None:
    ours = rates[THUMBS] or 0.0
    print("\nthumbnail ratios")
    ratio("photodesk 1 process / Pillow full decode", ours, rates[FULL_DECODE], "> 1x")
    ratio("photodesk 1 process / EXIF thumbnail bytes only", ours, rates[CEILING], "(ceiling)")


def warm(paths: list[Path]) -> int:
    """Read every byte once so that every reader below runs on a warm page cache."""
    total = 0
    for path in paths:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                total += len(chunk)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="corpus files to read")
    parser.add_argument("--thumb-files", type=int, default=100, help="files to thumbnail")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="corpus folder (cached)")
    parser.add_argument("--rounds", type=int, default=5, help="passes per reader, best kept")
    args = parser.parse_args()
    paths = ensure_corpus(args.dir, args.files)
    size = warm(paths)
    print(f"{len(paths)} files, {size / 1e9:.2f} GB, warm cache; {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}")  # fmt: skip
    print(f"load average before: {os.getloadavg()[0]:.2f} (other work on the machine skews it)")
    rates = reading(paths, args.rounds)
    table(f"reading embedded metadata ({len(paths)} files)", rates)
    report_ratios(rates)
    subset = paths[:: max(1, len(paths) // args.thumb_files)][: args.thumb_files]
    thumbs = thumbnails(subset, max(1, args.rounds - 2))
    table(f"thumbnails, 320 px ({len(subset)} files)", thumbs)
    report_thumbnail_ratios(thumbs)
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
