"""Scan many files on every core when that pays; one bad file never stops the scan.

A second process pays once the work it takes over outweighs starting it. Reading one agency JPEG
costs a third of a millisecond, hashing it ~2 ms and a thumbnail ~16 ms (bench/read_parallel.py,
2-core machine, 1.6 MB JPEGs); starting two workers costs ~50 ms by fork and ~180 ms through a
forkserver (a fresh interpreter that imports the readers). So workers are forked when this
process runs no other thread (the command line), which is safe: no lock can be held by a thread
that the child lacks; from a threaded process (the TUI's workers) they come from a forkserver.

A worker that dies outright (a crash in a C decoder) costs only the file it was reading: the rest
are finished one at a time in a fresh worker, so the culprit is known exactly.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from photodesk.core.metadata import Metadata
from photodesk.metadata.scan import ScanOptions, ScanResult, scan_one

# Milliseconds, fitted to bench/read_parallel.py on an idle 2-core machine (spawn: estimated).
START_MS = {"fork": 50.0, "forkserver": 180.0, "spawn": 250.0}
READ_MS, FINGERPRINT_MS, THUMBNAIL_MS = 0.35, 2.0, 16.0
RESULT_MS = 0.03  # pickling a result in the worker and unpickling it here
CHUNKSIZE = 64
WORKER_DIED = "the reading process died on this file"


def scan_files(
    paths: Iterable[Path], workers: int | None = None, options: ScanOptions | None = None
) -> Iterator[ScanResult]:
    """Scan ``paths`` and yield one result per path, in input order; never raises for a file.

    ``workers=None`` uses every core once there are enough files to pay for the processes;
    an explicit ``workers`` is obeyed whatever the count (1 means in this process).
    """
    todo = list(paths)
    options = options or ScanOptions()
    count = min(workers or os.cpu_count() or 1, len(todo))
    if count < 2 or (workers is None and not pool_pays(len(todo), count, options, _method())):
        return (scan_one(path, options) for path in todo)
    return _in_pool(todo, partial(scan_one, options=options), count)


def pool_pays(files: int, workers: int, options: ScanOptions, method: str = "fork") -> bool:
    """True when the work the extra workers take over outweighs starting them.

    With 2 workers by fork: from about 350 files for reading alone, 45 with fingerprints, 6 with
    thumbnails; through a forkserver: 1250, 160 and 20.
    """
    per_file = READ_MS
    per_file += FINGERPRINT_MS if options.fingerprints else 0.0
    per_file += THUMBNAIL_MS if options.thumbnails else 0.0
    saved_per_file = per_file * (1 - 1 / workers) - RESULT_MS
    return files * saved_per_file > START_MS[method]


Job = Callable[[Path], ScanResult]


def _in_pool(paths: Sequence[Path], job: Job, workers: int) -> Iterator[ScanResult]:
    """Chunked map over a pool; if a worker dies, finish the rest one file at a time."""
    done = 0
    chunksize = max(1, min(CHUNKSIZE, len(paths) // (workers * 4)))
    try:
        pool = _executor(workers)
    except (OSError, NotImplementedError):  # no working semaphores here: read in this process
        yield from map(job, paths)
        return
    try:
        for result in pool.map(job, paths, chunksize=chunksize):
            yield result
            done += 1
    except BrokenProcessPool:
        pass
    finally:
        # Also when the caller stops early: drop the queued work instead of waiting for it.
        pool.shutdown(wait=True, cancel_futures=True)
    yield from _isolated(paths[done:], job)


def _isolated(paths: Sequence[Path], job: Job) -> Iterator[ScanResult]:
    """One worker, one file per task: when it dies, the file it was on is exactly the culprit."""
    done = 0
    while done < len(paths):
        pool = _executor(1)
        try:
            for result in pool.map(job, paths[done:]):
                yield result
                done += 1
        except BrokenProcessPool:
            dead = Metadata(str(paths[done]), error=WORKER_DIED)
            yield ScanResult(paths[done], dead, error=WORKER_DIED)
            done += 1
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _executor(workers: int) -> ProcessPoolExecutor:
    method = _method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Import our readers once in the server; every worker forked from it starts warm.
        context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(workers, mp_context=context)


def _method() -> str:
    """fork when no other thread runs here (Linux only: macOS frameworks break after fork)."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
