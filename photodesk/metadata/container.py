"""What a container parser hands on: the raw metadata blocks of one file, still undecoded.

Each format's parser (JPEG, TIFF, PNG, WebP, HEIC/AVIF, PSD) finds where the blocks are and
nothing more; decoding EXIF, IIM and XMP is shared by all formats.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from photodesk.core.metadata import Block

# A parser bug or a structure we did not foresee must still be a per-file error, never a crash.
MALFORMED = (struct.error, IndexError, ValueError, OverflowError, KeyError, MemoryError)


class UnreadableImage(Exception):
    """A file photodesk cannot read at all (not an image, truncated header, hostile structure).

    The message is a short reason without the path; the caller names the file.
    """


@dataclass(frozen=True, slots=True)
class Copy:
    """Another copy of a block, which the reader does not take the block from: an XMP packet
    after the first, a second IPTC record, an IPTC trailer behind APP13.

    Other readers may take it (ExifTool shows every one of them), so a write must not leave one
    saying something else than what it wrote (``write_verify``). ``where`` names it for a
    reason: ``its FotoStation trailer``.
    """

    block: Block
    where: str
    data: bytes


@dataclass(slots=True)
class RawMetadata:
    """The undecoded metadata blocks of one file.

    ``exif`` is TIFF-structured bytes (starting ``II*\\0`` or ``MM\\0*``); ``iim`` the IPTC-IIM
    datasets (already taken out of the Photoshop IRB); ``xmp`` the XMP packet (extended XMP
    joined in). ``image_data`` lists the (offset, length) ranges of the compressed image data, so
    that a fingerprint and the write-back check can hash the picture without its metadata.
    ``color_mode`` is what the image header declares (``rgb``, ``cmyk``, ``gray``; None when it
    does not say): read from the header the parser walks anyway, so that the check can flag a
    CMYK picture for the web without decoding a pixel. ``copies`` are the other copies of XMP
    and IIM the file holds, left undecoded.
    """

    format: str
    width: int | None = None
    height: int | None = None
    color_mode: str | None = None
    exif: bytes | None = None
    iim: bytes | None = None
    xmp: bytes | None = None
    image_data: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)
