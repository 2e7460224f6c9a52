"""Benchmark: writing captions and credits back into agency JPEGs, against references, same run.

Plain Python, no pytest. Takes (or generates) the reading benchmark's corpus of realistic agency
JPEGs (bench/corpus.py: 0.3-2.5 MB, EXIF + UTF-8 IIM + XMP), and writes into each file a new
caption, creators and credit (non-ASCII, one credit longer than IIM's 32 bytes) plus the file's
other fields, as ``photodesk write --out`` does: read, libexiv2 in memory, temporary file,
fsync, verification (image-data hash and our reader), rename. Files per second are printed with
ratios against two references measured in the same run on the same files:

- a plain copy of each file into the output folder, fsynced and renamed (the floor: the bytes
  must be written and synced whatever the tool);
- ExifTool writing the same fields into copies of the same files, one batch process
  (``-overwrite_original``, which also renames a temporary file), when ExifTool is installed.

Each job runs ``--rounds`` times, interleaved, and its best round counts (a burst of other work
then slows one round of every job rather than every round of one job).

    .venv/bin/python bench/write.py [--files N] [--dir DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import DEFAULT_DIR, ensure_corpus

from photodesk.core.metadata import Value
from photodesk.metadata.read import read_file
from photodesk.metadata.write import write_picture
from photodesk.metadata.write_atomic import write_atomically

COPY = "plain copy + fsync + rename (floor)"
PHOTODESK = "photodesk write (exiv2, fsync, verify, rename)"
EXIFTOOL = "ExifTool, one batch call, same fields"
EDIT: dict[str, Value] = {
    "description": "Ri Sŏng Chŏl waves from a train carriage in Khabarovsk, Russia, on Oct. 10.",
    "creators": ("Ri Sŏng Chŏl", "Léa Fournier"),
    "credit": "Photo by Handout / Government of Khabarovsk Territory / AFP",
}

Job = Callable[[list[Path], Path], None]


def values_for(paths: list[Path]) -> dict[Path, dict[str, Value]]:
    """What each file will say: its own reconciled values with the desk's edit laid over."""
    return {path: {**read_file(path).values, **EDIT} for path in paths}


def copy_job(paths: list[Path], out: Path) -> None:
    for path in paths:
        write_atomically(path.read_bytes(), out / path.name)


def photodesk_job(values: dict[Path, dict[str, Value]]) -> Job:
    def run(paths: list[Path], out: Path) -> None:
        for path in paths:
            write_picture(path, values[path], out / path.name)

    return run


def exiftool_job(exiftool: str) -> Job:
    """Copies first (untimed would flatter it: ExifTool's -o makes the copy itself), so the
    copy is part of the job, as it is of photodesk's."""

    def run(paths: list[Path], out: Path) -> None:
        for path in paths:
            shutil.copyfile(path, out / path.name)
        args = [
            f"-XMP-dc:Description={EDIT['description']}",
            f"-IPTC:Caption-Abstract={EDIT['description']}",
            f"-EXIF:ImageDescription={EDIT['description']}",
            *(f"-XMP-dc:Creator={c}" for c in EDIT["creators"]),
            *(f"-IPTC:By-line={c}" for c in EDIT["creators"]),
            f"-EXIF:Artist={'; '.join(EDIT['creators'])}",
            f"-XMP-photoshop:Credit={EDIT['credit']}",
            f"-IPTC:Credit={EDIT['credit']}",
            "-IPTC:CodedCharacterSet=UTF8",
            "-charset",
            "iptc=UTF8",
            "-overwrite_original",
            "-q",
            "-q",
            "-m",
        ]
        argfile = out / ".args"
        argfile.write_text("\n".join([*args, *(str(out / p.name) for p in paths)]) + "\n")
        subprocess.run([exiftool, "-@", str(argfile)], check=True)
        argfile.unlink()

    return run


def best_rates(
    jobs: dict[str, Job], paths: list[Path], work: Path, rounds: int
) -> dict[str, float]:
    """Files per second of each job's best round, each round into a fresh empty folder."""
    best: dict[str, float] = {}
    for round_ in range(rounds):
        for index, (name, job) in enumerate(jobs.items()):
            out = work / f"{round_}-{index}"
            out.mkdir()
            started = time.perf_counter()
            job(paths, out)
            elapsed = time.perf_counter() - started
            best[name] = max(best.get(name, 0.0), len(paths) / elapsed)
            shutil.rmtree(out)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = ensure_corpus(args.dir, args.files)
    size = sum(path.stat().st_size for path in paths)
    values = values_for(paths)  # also warms the page cache for every job
    jobs: dict[str, Job] = {COPY: copy_job, PHOTODESK: photodesk_job(values)}
    exiftool = shutil.which("exiftool")
    if exiftool:
        jobs[EXIFTOOL] = exiftool_job(exiftool)
    with tempfile.TemporaryDirectory(prefix="photodesk-bench-write-", dir=args.dir.parent) as tmp:
        rates = best_rates(jobs, paths, Path(tmp), args.rounds)
    print(f"{len(paths)} agency JPEGs, {size / 1e6:.0f} MB, best of {args.rounds} rounds; "
          f"{platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    for name, rate in rates.items():
        print(f"  {name:<48} {rate:7.1f} files/s")
    print(f"photodesk takes {rates[COPY] / rates[PHOTODESK]:.1f}x the plain copy's time")
    if EXIFTOOL in rates:
        print(f"photodesk is {rates[PHOTODESK] / rates[EXIFTOOL]:.1f}x ExifTool's speed")
    else:
        print("ExifTool is not installed: no comparison with it")


if __name__ == "__main__":
    main()
