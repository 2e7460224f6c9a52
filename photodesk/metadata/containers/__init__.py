"""Find the raw metadata blocks of an image file, whatever its format; decode nothing.

``parse_container`` is the one entry point: it sniffs the signature, hands a memoryview of the
whole file to the format's parser, and turns every structural failure into ``UnreadableImage``.
It works on ``bytes`` and on an ``mmap`` alike; no view into the buffer outlives the call, so
the caller can close its mmap as soon as it returns (or raises).
"""

from __future__ import annotations

import mmap
from collections.abc import Callable

from photodesk.metadata.container import MALFORMED, RawMetadata, UnreadableImage
from photodesk.metadata.containers.isobmff import parse_isobmff
from photodesk.metadata.containers.jpeg import parse_jpeg
from photodesk.metadata.containers.png import parse_png
from photodesk.metadata.containers.psd import parse_psd
from photodesk.metadata.containers.tiff import parse_tiff
from photodesk.metadata.containers.webp import parse_webp
from photodesk.metadata.sniff import describe, sniff

__all__ = ["parse_container"]

_PARSERS: dict[str, Callable[[memoryview], RawMetadata]] = {
    "jpeg": parse_jpeg,
    "tiff": parse_tiff,
    "png": parse_png,
    "webp": parse_webp,
    "heic": lambda view: parse_isobmff(view, "heic"),
    "avif": lambda view: parse_isobmff(view, "avif"),
    "psd": parse_psd,
}


def parse_container(data: bytes | memoryview | mmap.mmap) -> RawMetadata:
    """The raw EXIF/IIM/XMP blocks, size and image-data ranges of one image file.

    Raises UnreadableImage (with a short reason) when nothing at all can be read; every lesser
    problem is a string in ``warnings``.
    """
    view = memoryview(data)
    try:
        if view.ndim != 1 or view.itemsize != 1:
            view = view.cast("B")
        error, raw = None, _parse(view)
    except UnreadableImage as exc:
        error, raw = str(exc), None
    except MALFORMED as exc:
        error, raw = f"malformed image structure ({type(exc).__name__})", None
    finally:
        view.release()
    if raw is None:
        raise UnreadableImage(error or "unreadable")
    return raw


def _parse(view: memoryview) -> RawMetadata:
    """Sniff, parse, and refuse a result from which nothing at all could be read."""
    if not len(view):
        raise UnreadableImage("empty file")
    head = bytes(view[:4096])
    kind = sniff(head)
    if kind is None or kind == "gif":
        raise UnreadableImage(describe(head))
    raw = _PARSERS[kind](view)
    nothing = raw.width is None and raw.exif is None and raw.iim is None and raw.xmp is None
    if nothing and raw.warnings:
        raise UnreadableImage(raw.warnings[0])  # each names its format: "PNG chunk IHDR …"
    return raw
