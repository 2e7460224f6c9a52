"""Reading an article file from disk: the only I/O on the way from a path to its captions.

``photodesk.articles`` is pure (text in, drafts out); this service opens the file, refuses what is
not article text (a directory, a device or pipe, an image, bytes that are not UTF-8/UTF-16) with a
reason a picture editor can act on, and names the file in every error.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from photodesk.articles import ArticleFormatError, read_article
from photodesk.core.types import ArticleDraft

MAX_ARTICLE_BYTES = 64 * 1024 * 1024  # an article is text; anything larger is not one
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
)


class ArticleError(Exception):
    """An article file that cannot be read, with the path and a one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def extract_article(path: str | Path) -> ArticleDraft:
    """The captions, title, date and byline of the article file at ``path``.

    Raises ArticleError for a file that is missing, unreadable, binary, not UTF-8/UTF-16 text,
    empty, or JSON that is not ninjs. An article without captions is not an error.
    """
    name = str(path)
    text = decode_article(name, _read_bytes(Path(path)))
    try:
        return read_article(text, Path(path).suffix)
    except ArticleFormatError as error:
        raise ArticleError(name, error.reason) from error
    except RecursionError as error:  # the readers bound nesting; this is the last line of defence
        raise ArticleError(name, "nested too deeply to be read as an article") from error


def decode_article(name: str, data: bytes) -> str:
    """Article text from raw bytes: UTF-8, or UTF-8/UTF-16 with a byte-order mark.

    Never falls back to Latin-1: that would turn any binary or mis-encoded file into plausible
    garbage captions instead of telling the editor the file is wrong.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(name, data, codec)
    kind = _binary_kind(data)
    if kind is not None:
        raise ArticleError(name, f"binary data ({kind}), not article text")
    return _decode(name, data, "utf-8")


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_ARTICLE_BYTES.

    The file is opened without blocking and checked on the open descriptor, so a FIFO cannot hang
    the open and a device (``/dev/zero``) is refused before anything is read; the read stops one
    byte past the limit whatever size the file claims (a file that grows while we read).
    """
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            _check_regular(name, os.fstat(handle.fileno()))
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except IsADirectoryError as error:  # where a directory cannot be opened at all
        raise ArticleError(name, "is a directory, not an article file") from error
    except FileNotFoundError as error:
        raise ArticleError(name, "no such file") from error
    except PermissionError as error:
        raise ArticleError(name, "permission denied") from error
    except OSError as error:
        raise ArticleError(name, f"cannot be read ({error.strerror or error})") from error
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(name)
    return data


def _check_regular(name: str, found: os.stat_result) -> None:
    if stat.S_ISDIR(found.st_mode):
        raise ArticleError(name, "is a directory, not an article file")
    if not stat.S_ISREG(found.st_mode):
        raise ArticleError(name, "not a regular file (a device, pipe or socket)")
    if found.st_size > MAX_ARTICLE_BYTES:
        raise _too_large(name)


def _too_large(name: str) -> ArticleError:
    return ArticleError(name, f"too large for an article (over {MAX_ARTICLE_BYTES} bytes)")


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:12].startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    return "NUL bytes" if b"\x00" in data else None


def _decode(name: str, data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        label = "UTF-16" if codec == "utf-16" else "UTF-8"
        reason = (
            f"not {label} text (undecodable byte 0x{data[error.start]:02x} at offset {error.start})"
        )
        raise ArticleError(name, reason) from error
    if not text.lstrip("\ufeff").strip():
        raise ArticleError(name, "empty file (no text)")
    return text
