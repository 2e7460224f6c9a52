"""``read_file``: a path in, the file's reconciled embedded metadata out — and never an exception.

A desk scan reads thousands of files, some of them broken or hostile; one bad file must give that
file an error and nothing more. Only the bytes that hold metadata are read (a JPEG's first 16 KiB
and last 256 bytes, usually; a small file whole; anything else through a memory map, so that the
container parsers touch only the segments they need), its blocks are decoded, and the readings
are reconciled. Anything that goes wrong becomes ``Metadata.error`` (the file could not be read)
or a warning (one block could not).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import stat
from collections.abc import Callable
from pathlib import Path

from photodesk.core.metadata import BlockReading, Metadata
from photodesk.core.reconcile import reconcile
from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.containers.jpeg_head import read_jpeg
from photodesk.metadata.exif import read_exif
from photodesk.metadata.fields import IIM_LIMITS
from photodesk.metadata.iim import read_iim
from photodesk.metadata.xmp import read_xmp

_OPEN_FLAGS = (
    getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)
HEAD_BYTES = 16 << 10  # agency JPEGs keep their metadata in about the first 10-14 KiB
WHOLE_BYTES = 64 << 10  # up to this size reading a file costs less than mapping it
_DECODERS: tuple[tuple[str, Callable[[bytes], BlockReading]], ...] = (
    ("xmp", read_xmp),
    ("iim", read_iim),
    ("exif", read_exif),
)


def read_file(path: str | Path) -> Metadata:
    """The reconciled metadata of the image at ``path``; ``error`` says why it could not be read."""
    name = str(path)
    try:
        return _metadata(name, _raw(name))
    except UnreadableImage as error:
        return Metadata(name, error=str(error) or "unreadable image")
    except OSError as error:
        return Metadata(name, error=_os_reason(error))
    except Exception as error:  # a bug must cost one file, never the scan
        return Metadata(name, error=f"internal error reading the file ({type(error).__name__})")


def _raw(name: str) -> RawMetadata:
    """The container's raw blocks, from as few bytes as the file allows.

    ``os.open`` with O_NONBLOCK, then ``fstat`` on the descriptor: one system call fewer than a
    stat before the open, no race between them, and a FIFO cannot block the scan. A JPEG is read
    from its head and tail (``jpeg_head``: half the cost of mapping it); a file up to 64 KiB (or a
    JPEG whose head and tail do not decide everything) is read whole, and anything larger
    through a read-only memory map: below 64 KiB copying costs less than mapping, above it more.
    """
    try:
        fd = os.open(name, os.O_RDONLY | _OPEN_FLAGS)
    except ValueError as error:  # a NUL in the path, for one
        raise UnreadableImage("not a valid file name") from error
    mapped: mmap.mmap | None = None
    try:
        size = _size(fd)
        data = os.read(fd, HEAD_BYTES)
        if data[:3] == b"\xff\xd8\xff" and size > len(data):
            found = read_jpeg(fd, data, size)
            if isinstance(found, RawMetadata):
                return found
            data = found
        if size > WHOLE_BYTES:
            mapped = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        elif size > len(data):
            data += os.pread(fd, size - len(data), len(data))
    finally:
        os.close(fd)  # the map holds its own reference to the file
    if mapped is None:
        return parse_container(data)
    try:
        return parse_container(mapped)
    finally:
        _close(mapped)


def _size(fd: int) -> int:
    """The size of the regular, non-empty file open on ``fd``."""
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableImage("is a directory, not an image file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableImage("not a regular file")
    if info.st_size == 0:
        raise UnreadableImage("empty file")
    return info.st_size


def _close(mapped: mmap.mmap) -> None:
    """Close the map; if a view still points into it, leave it to the garbage collector."""
    with contextlib.suppress(BufferError):
        mapped.close()


def _metadata(name: str, raw: RawMetadata) -> Metadata:
    """Decode each block that is there, reconcile, and keep every reading and warning."""
    readings: list[BlockReading] = []
    warnings = list(raw.warnings)
    for block, decode in _DECODERS:
        data = getattr(raw, block)
        if data is None:
            continue
        try:
            readings.append(decode(data))
        except Exception as error:  # a decoder bug loses this block, not the file
            warnings.append(f"{block.upper()} block could not be decoded ({type(error).__name__})")
    values, conflicts = reconcile(readings, IIM_LIMITS)
    charset = next((r.charset for r in readings if r.block == "iim"), None)
    return Metadata(
        name,
        format=raw.format,
        width=raw.width,
        height=raw.height,
        color_mode=raw.color_mode,
        values=values,
        conflicts=conflicts,
        charset=charset,
        blocks=tuple(readings),
        warnings=tuple(warnings),
    )


def _os_reason(error: OSError) -> str:
    """A one-line reason a picture editor can act on."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not an image file"
    return f"cannot be read ({error.strerror or type(error).__name__})"
