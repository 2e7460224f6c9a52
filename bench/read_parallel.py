"""Where a second process starts to pay: scan_files with 1 and 2 workers at growing file counts.

Each point runs in a fresh interpreter (imports done before the clock starts), because a one-shot
``photodesk scan`` pays for starting its workers on every run: by fork (the command line, no other
thread) or through a forkserver (a threaded caller such as the TUI; its "again" column is a
second scan in the same process, when the server is already running). Every figure is the best
of ``--rounds`` interleaved runs, since other work on the machine only ever adds time. The costs
in photodesk/metadata/parallel.py come from this table.

    .venv/bin/python bench/read_parallel.py [--dir DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from corpus import DEFAULT_DIR, ensure_corpus

CHILD = """
import sys, time
from pathlib import Path
from photodesk.metadata import parallel
from photodesk.metadata.scan import ScanOptions
workers, method = int(sys.argv[1]), sys.argv[2]
prints, thumbs = sys.argv[3] == "1", sys.argv[4] == "1"
parallel._method = lambda: method
paths = [Path(line) for line in sys.stdin.read().splitlines()]
options = ScanOptions(fingerprints=prints, thumbnails=thumbs)
times = []
for _ in range(2):
    started = time.perf_counter()
    results = list(parallel.scan_files(paths, workers=workers, options=options))
    times.append(time.perf_counter() - started)
    assert len(results) == len(paths)
print(*times)
"""
MODES = {  # name: (fingerprints, thumbnails, file counts)
    "read only": (False, False, (100, 200, 400, 800, 1200, 2000)),
    "read + fingerprint": (True, False, (10, 25, 50, 100, 200, 1000)),
    "read + fingerprint + thumbnail": (True, True, (2, 4, 8, 16, 32)),
}


def run(paths: list[Path], workers: int, method: str, flags: tuple[bool, bool]) -> list[float]:
    """[first, again] seconds for scanning ``paths`` twice in a fresh interpreter."""
    arguments = [str(workers), method, *("1" if flag else "0" for flag in flags)]
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *arguments],
        input="\n".join(map(str, paths)),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [float(out[0]), float(out[1])]


def crossover(paths: list[Path], mode: str, rounds: int) -> None:
    prints, thumbs, counts = MODES[mode]
    print(f"\n{mode}: seconds, best of {rounds}; speedup of 2 workers over 1")
    print(f"  {'files':>6} {'1 worker':>9} {'2 by fork':>10} {'2 forkserver':>13} {'again':>7}")
    for count in counts:
        best = [float("inf")] * 4
        for _ in range(rounds):
            one = run(paths[:count], 1, "fork", (prints, thumbs))[0]
            fork = run(paths[:count], 2, "fork", (prints, thumbs))[0]
            server, again = run(paths[:count], 2, "forkserver", (prints, thumbs))
            now = (one, fork, server, again)
            best = [min(old, new) for old, new in zip(best, now, strict=True)]
        one, fork, server, again = best
        print(
            f"  {count:>6} {one:>8.3f}s {fork:>9.3f}s {server:>12.3f}s {again:>6.3f}s"
            f"   {one / fork:5.2f}x {one / server:5.2f}x {one / again:5.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="corpus folder (cached)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per point, best kept")
    args = parser.parse_args()
    paths = ensure_corpus(args.dir, 2000)
    for path in paths:
        path.read_bytes()  # warm cache
    for mode in MODES:
        crossover(paths, mode, args.rounds)


if __name__ == "__main__":
    main()
