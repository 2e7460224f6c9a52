"""Recognise a picture by its first bytes, never by its name.

Agency feeds and desk folders are full of files whose extension lies (a PNG called .jpg, an HTML
error page saved as a picture), so the reader dispatches on the signature alone. Pass at least
the first 64 bytes; the HEIF brand list can be longer, so 4096 is better.
"""

from __future__ import annotations

# ISOBMFF brands (ftyp major or compatible) that make a file an image we read.
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_HEVC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"mif2", b"miaf"})  # generic: HEVC, AV1 or JPEG
_VIDEO_BRANDS = frozenset({b"isom", b"iso2", b"mp41", b"mp42", b"qt  ", b"M4V ", b"3gp4", b"avc1"})

# Images we recognise but do not read: their names appear in the error message.
_UNSUPPORTED = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"IIRO", "Olympus ORF"),
    (b"IIU\x00", "Panasonic RW2"),
    (b"FUJIFILMCCD-RAW", "Fujifilm RAF"),
)
# What a non-image most often is, for a helpful "not an image file (looks like …)".
_LOOKALIKES = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"<?xml", "XML"),
    (b"<svg", "SVG drawing"),
    (b"<!doctype html", "HTML"),
    (b"<html", "HTML"),
    (b"{", "JSON"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
)


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes: jpeg, tiff, png, webp, heic, avif, psd or gif.

    ``None`` means not an image we know. GIF is recognised so that it can be refused by name.
    """
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return _isobmff_kind(head)
    if head[:4] == b"8BPS" and head[4:6] in (b"\x00\x01", b"\x00\x02"):
        return "psd"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def _isobmff_kind(head: bytes) -> str | None:
    """HEIC or AVIF from the ftyp brands: the major brand first, then the compatible ones.

    A generic HEIF file (major brand mif1) is AVIF only when it lists an AV1 brand and no HEVC
    one; MP4/QuickTime video and other ISO media are not images.
    """
    major = head[8:12]
    size = int.from_bytes(head[:4], "big")
    end = min(len(head), max(size, 16))
    brands = {major} | {head[i : i + 4] for i in range(16, end - 3, 4)}
    if major in _AVIF_BRANDS:
        return "avif"
    if major in _HEVC_BRANDS or brands & _HEVC_BRANDS:
        return "heic"
    if brands & _AVIF_BRANDS:
        return "avif"
    if brands & _HEIF_BRANDS:
        return "heic"
    return None


def describe(head: bytes) -> str:
    """Why a file is refused, for UnreadableImage: an unsupported image, or what it looks like."""
    if not head:
        return "empty file"
    for magic, name in _UNSUPPORTED:
        if head.startswith(magic):
            return f"{name} is not supported"
    if head[:2] == b"\xff\xd8":
        return "broken JPEG (no marker after the start of image)"
    if head[4:8] == b"ftyp":
        kind = "video" if head[8:12] in _VIDEO_BRANDS else "ISO media file"
        return f"not an image file (looks like {kind}, brand {head[8:12]!r})"
    lowered = head[:64].lstrip().lower()
    for magic, name in _LOOKALIKES:
        if lowered.startswith(magic.lower()):
            return f"not an image file (looks like {name})"
    if _is_text(head):
        return "not an image file (looks like text)"
    return f"not an image file (unknown signature {head[:8].hex(' ')})"


def _is_text(head: bytes) -> bool:
    """Plain text has no NUL bytes and decodes as UTF-8 (a cut multi-byte tail is allowed)."""
    sample = head[:512]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3
    return True
