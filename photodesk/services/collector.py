"""Holding Python's cyclic garbage collector back while a batch job builds its answer.

A check of a desk keeps everything it makes (the facts, a verdict and its findings for every
caption) until it has written them, so all of it survives young-generation collections, and
each full collection then walks the whole heap: the rows read, the facts, every finding so far.
Measured on the bench's 10,000-caption desk, those walks were 0.8 s of a 1.9 s check (four or
five full collections). Nothing the check makes is cyclic garbage of any size (rows, facts and
findings are freed by reference counting), so the collector is paused for the job and runs
again as soon as it ends; what cycles there are wait until then.

Process-wide, so only for jobs a command runs on its own thread (``photodesk check``), never
around work the UI does beside its event loop; a caller that already paused it keeps control.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (as it was before afterwards, even on error)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
