"""Fingerprints: know a picture again after it was moved, re-captioned or replaced.

Two hashes, because the desk asks two questions. ``sha256`` (the whole file) answers "is this
exactly the file we saw?"; ``image_sha256`` (the compressed image data alone, the ranges the
container parser reports, hashed in order) answers "is this the same picture?" and survives a
caption or credit being rewritten, which is what the write-back check and re-scans rely on.

The file is mapped once, never copied; both hashes are taken in one pass of 256 KiB chunks, so
the second hash finds each chunk still in cache (SHA-256 itself is the bound: hashing the same
bytes twice costs ~1.5 ms per camera JPEG, and interleaving saved ~15% over two passes).
"""

from __future__ import annotations

import hashlib
import mmap
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from photodesk.metadata.container import UnreadableImage

Ranges = Sequence[tuple[int, int]]
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
CHUNK = 1 << 18  # small enough to stay in L2 between the two hashes


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """``image_sha256`` is None when the file is no picture photodesk can parse."""

    size: int
    mtime_ns: int
    sha256: str
    image_sha256: str | None


def fingerprint(path: Path, ranges: Ranges | None = None) -> Fingerprint:
    """Fingerprint one file; ``ranges`` skips parsing when the caller already has them.

    Raises OSError when the file cannot be opened or read: the scan turns that into the
    file's error. An unparsable file still gets its size, mtime and whole-file hash.
    """
    with path.open("rb") as handle:
        info = os.fstat(handle.fileno())
        if info.st_size == 0:
            return Fingerprint(0, info.st_mtime_ns, EMPTY_SHA256, None)
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if ranges is None:
                ranges = _image_ranges(data)
            whole, image = _digests(data, ranges or ())
    return Fingerprint(info.st_size, info.st_mtime_ns, whole, image)


def _digests(data: mmap.mmap, ranges: Ranges) -> tuple[str, str | None]:
    """Both hashes in one pass when the ranges are in file order (JPEG, PNG, most TIFFs): each
    chunk is hashed for the image while it is still in cache from the whole-file hash."""
    if not ranges or not _in_file_order(ranges, len(data)):
        return hashlib.sha256(data).hexdigest(), image_digest(data, ranges)
    whole, image = hashlib.sha256(), hashlib.sha256()
    pending = iter(ranges)
    current = next(pending, None)
    with memoryview(data) as view:
        for start in range(0, len(view), CHUNK):
            end = min(len(view), start + CHUNK)
            whole.update(view[start:end])
            while current is not None and current[0] < end:
                offset, length = current
                image.update(view[max(start, offset) : min(end, offset + length)])
                if offset + length > end:
                    break  # the range goes on in the next chunk
                current = next(pending, None)
    return whole.hexdigest(), image.hexdigest()


def _in_file_order(ranges: Ranges, size: int) -> bool:
    position = 0
    for offset, length in ranges:
        if offset < position or length < 0 or offset + length > size:
            return False
        position = offset + length
    return True


def image_digest(data: bytes | mmap.mmap, ranges: Ranges | None = None) -> str | None:
    """sha256 of the compressed image data in ``data``, or None if there is none to find.

    A range that runs past the end of ``data`` means the parser and the bytes disagree (the file
    changed under us, or a parser bug): None, never a hash of something else.
    """
    if ranges is None:
        ranges = _image_ranges(data)
        if ranges is None:
            return None
    if not ranges:
        return None
    digest = hashlib.sha256()
    with memoryview(data) as view:
        for offset, length in ranges:
            if offset < 0 or length < 0 or offset + length > len(view):
                return None
            digest.update(view[offset : offset + length])
    return digest.hexdigest()


def _image_ranges(data: bytes | mmap.mmap) -> list[tuple[int, int]] | None:
    # Imported here: the container parsers are a sibling package that loads many format modules,
    # and a fingerprint given its ranges never needs them.
    from photodesk.metadata.containers import parse_container

    try:
        return parse_container(data).image_data
    except UnreadableImage:
        return None
