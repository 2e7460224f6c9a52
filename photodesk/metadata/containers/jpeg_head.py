"""A JPEG read from its first bytes and its last ones, without mapping or reading the rest.

A JPEG keeps its metadata in the segments before the scan, usually in its first 16 KiB, and ends
with EOI; a desk's files are megabytes of entropy-coded data in between. Reading 16 KiB of head
and 256 bytes of tail costs half of what mapping the file does (the map's set-up, its page faults
on both ends and its tear-down: 11 against 20 µs a file), so ``read_file`` tries this first.

The answer must be exactly what ``parse_jpeg`` gives on the whole file, so this only answers when
the bytes it has decide everything: the segment walk never met the end of the head (else it
asks for more head), there is no AFCP or FotoStation trailer, and the tail holds the last EOI (or
covers everything after SOS). Otherwise it says to parse the whole file, which stays correct for
every odd file at the cost of one extra read.
"""

from __future__ import annotations

import os

from photodesk.metadata.container import MALFORMED, RawMetadata
from photodesk.metadata.containers.jpeg import end_jpeg, scan_to_sos
from photodesk.metadata.containers.trailers import FOTOSTATION, Trailer

TRAILER_BYTES = 24  # trailers.trailer_iptc looks for none in a smaller file
TAIL_BYTES = 256  # EOI, maybe after some padding; past it the whole file is parsed
MAX_HEAD_BYTES = 64 << 10  # reading more than this costs more than mapping the file


def read_jpeg(fd: int, head: bytes, size: int) -> RawMetadata | bytes:
    """A JPEG's raw blocks from ``head`` (grown as the segments need) and its last bytes.

    When only the whole file can answer (the metadata runs past ``MAX_HEAD_BYTES``, the bytes do
    not decide everything, the file is unreadable or changed under us), the head read so far,
    for the caller to parse the whole file without reading it again.
    """
    tail = os.pread(fd, TAIL_BYTES, size - TAIL_BYTES)
    while len(tail) == TAIL_BYTES:  # else the file shrank since fstat
        try:
            found = parse_jpeg_head(head, tail, size)
        except MALFORMED:  # the whole-file parse says what is wrong, in its usual words
            return head
        if not isinstance(found, int):
            nothing = found.width is None and not (found.exif or found.iim or found.xmp)
            return head if nothing and found.warnings else found
        if not len(head) < found < size or found > MAX_HEAD_BYTES:
            return head
        wanted = found - len(head)
        more = os.pread(fd, wanted, len(head))
        head += more
        if len(more) < wanted:
            return head
    return head


def parse_jpeg_head(head: bytes, tail: bytes, size: int) -> RawMetadata | int:
    """The JPEG's raw metadata, or how many head bytes to read (``size``: parse the whole file).

    ``head`` is the file's first bytes, ``tail`` its last ones, ``size`` its length.
    """
    view = memoryview(head)
    try:
        out, found, sos, run = scan_to_sos(view)
    finally:
        view.release()
    if found.short and len(head) < size:
        return max(found.short, min(2 * len(head), MAX_HEAD_BYTES))
    if size < TRAILER_BYTES or _has_trailer(tail):
        return size
    tail_start = size - len(tail)
    eoi = -1
    if sos is not None:
        eoi = tail.rfind(b"\xff\xd9", max(sos - tail_start, 0))
        if eoi >= 0:
            eoi += tail_start
        elif tail_start > sos:  # an earlier EOI may sit between the head and the tail
            return size
    end_jpeg(out, found, (sos, run, eoi), Trailer(None, size))
    return out


def _has_trailer(tail: bytes) -> bool:
    """The signatures ``trailers.trailer_iptc`` acts on: AFCP (``AXS!``/``AXS*``), FotoStation."""
    last = tail[-12:]
    return (last[:3] == b"AXS" and last[3:4] in (b"!", b"*")) or last[-4:] == FOTOSTATION
