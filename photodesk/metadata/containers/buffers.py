"""Buffer helpers shared by the container parsers: searching a view, bounded inflating.

Parsers work on one memoryview of the whole file so that slicing never copies image data.
A memoryview cannot search, though, so ``find``/``rfind`` use the underlying bytes or mmap when
the view covers all of it and fall back to searching copied windows otherwise.
"""

from __future__ import annotations

import mmap
import zlib

WINDOW = 1 << 16
INFLATE_LIMIT = 16 << 20  # no metadata block we inflate is larger; a zip bomb stops here


def _whole(view: memoryview) -> bytes | bytearray | mmap.mmap | None:
    """The object under ``view`` when the view is all of it, byte for byte."""
    obj = view.obj
    if isinstance(obj, bytes | bytearray | mmap.mmap) and view.nbytes == len(obj):
        return obj
    return None


def find(view: memoryview, sub: bytes, start: int, end: int | None = None) -> int:
    """``bytes.find`` on a view, without copying the whole file."""
    end = len(view) if end is None else min(end, len(view))
    whole = _whole(view)
    if whole is not None:
        return whole.find(sub, start, end)
    pos = start
    while pos < end:
        stop = min(end, pos + WINDOW + len(sub))
        hit = bytes(view[pos:stop]).find(sub)
        if hit >= 0:
            return pos + hit
        pos += WINDOW
    return -1


def rfind(view: memoryview, sub: bytes, start: int = 0, end: int | None = None) -> int:
    """``bytes.rfind`` on a view; cheap when the match is near the end (a JPEG's EOI)."""
    end = len(view) if end is None else min(end, len(view))
    whole = _whole(view)
    if whole is not None:
        return whole.rfind(sub, start, end)
    while end > start:
        lo = max(start, end - WINDOW)
        hit = bytes(view[lo:end]).rfind(sub)
        if hit >= 0:
            return lo + hit
        end = lo + len(sub) - 1
        if end - start < len(sub):
            break
    return -1


def inflate(
    data: bytes, warnings: list[str], what: str, limit: int = INFLATE_LIMIT
) -> bytes | None:
    """zlib-inflate at most ``limit`` bytes, a megabyte at a time so that memory stays near the
    output; a bomb or a corrupt stream is a warning and None."""
    inflater, out = zlib.decompressobj(), bytearray()
    pending = data
    try:
        while pending and not inflater.eof:
            out += inflater.decompress(pending, 1 << 20)
            pending = inflater.unconsumed_tail
            if len(out) > limit:
                warnings.append(f"{what}: inflates to more than {limit >> 20} MB; ignored")
                return None
    except zlib.error:
        warnings.append(f"{what}: corrupt compressed data")
        return None
    return bytes(out)


def fourcc(kind: bytes) -> str:
    """A chunk or box type for a message: the letters when printable, else hex."""
    return kind.decode("ascii") if all(32 <= b < 127 for b in kind) else "0x" + kind.hex()


def trim_xmp(data: bytes | None) -> bytes | None:
    """An XMP packet without the NUL padding some writers append (None if nothing is left).

    UTF-16 packets (``\\0<`` or ``<\\0``) lose only whole NUL characters, never half of one.
    """
    if not data:
        return None
    if data[:2] in (b"\x00<", b"<\x00", b"\xfe\xff", b"\xff\xfe"):
        while data.endswith(b"\x00\x00"):
            data = data[:-2]
        return data or None
    return data.rstrip(b"\x00") or None


def tiff_payload(data: bytes) -> bytes:
    """EXIF bytes without the ``Exif\\0\\0`` prefix some writers put before the TIFF header."""
    if data[:4] == b"Exif" and data[6:8] in (b"II", b"MM"):
        return data[6:]
    return data
