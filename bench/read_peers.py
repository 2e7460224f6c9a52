"""What photodesk's reader and thumbnailer are measured against, each doing the same job.

Every peer reads the fields the desk needs (or, for the thumbnail peers, produces a thumbnail)
so that the benchmark compares work with work. The bare walk is the floor: it opens each file,
walks the JPEG markers and reads the APPn payloads, stopping at the scan, and decodes nothing.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import exifread
import exiv2
from PIL import ExifTags, Image, IptcImagePlugin

exiv2.LogMsg.setLevel(exiv2.LogMsg.Level.mute)

# The tags photodesk reads, by ExifTool name; -a -G1 keeps each block's copy, as photodesk does.
EXIFTOOL_TAGS = (
    "ImageDescription Artist Copyright DateTimeOriginal Make Model "
    "Caption-Abstract By-line Credit Source CopyrightNotice SpecialInstructions Headline "
    "ObjectName DateCreated City Sub-location Province-State Country-PrimaryLocationName "
    "Country-PrimaryLocationCode Keywords OriginalTransmissionReference Writer-Editor "
    "CodedCharacterSet Description Creator Rights Instructions Title Location State Country "
    "CountryCode Subject TransmissionReference CaptionWriter UsageTerms ImageWidth ImageHeight"
).split()
EXIV2_PREFIXES = ("Exif.Image.", "Exif.Photo.DateTimeOriginal", "Iptc.", "Xmp.")
SOS, EOI = 0xDA, 0xD9


def bare_walk(path: Path) -> int:
    """Read every metadata segment's payload; return how many bytes that was."""
    total = 0
    with path.open("rb") as handle:
        if handle.read(2) != b"\xff\xd8":
            return 0
        while True:
            head = handle.read(4)
            if len(head) < 4 or head[0] != 0xFF or head[1] in (SOS, EOI):
                return total
            length = struct.unpack(">H", head[2:])[0] - 2
            if 0xE0 <= head[1] <= 0xEF or head[1] == 0xFE:
                total += len(handle.read(length))
            else:
                handle.seek(length, io.SEEK_CUR)


def exiv2_read(path: Path) -> int:
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    values = 0
    for data in (image.exifData(), image.iptcData(), image.xmpData()):
        for datum in data:
            if datum.key().startswith(EXIV2_PREFIXES):
                values += len(datum.toString())
    return values


def pillow_read(path: Path) -> int:
    with Image.open(path) as image:
        exif = image.getexif()
        found = len(exif) + len(exif.get_ifd(ExifTags.IFD.Exif))
        found += len(image.getxmp())
        found += len(IptcImagePlugin.getiptcinfo(image) or {})
    return found


def exifread_read(path: Path) -> int:
    with path.open("rb") as handle:
        return len(exifread.process_file(handle, details=False))


def exiftool_available() -> bool:
    return shutil.which("exiftool") is not None


def exiftool_batch(paths: list[Path]) -> int:
    """One ``exiftool -j -fast2`` call on every file, the list passed with ``-@ argfile``."""
    with tempfile.NamedTemporaryFile("w", suffix=".args", encoding="utf-8") as argfile:
        argfile.write("\n".join(str(path) for path in paths) + "\n")
        argfile.flush()
        command = ["exiftool", "-j", "-fast2", "-a", "-G1", "-charset", "iptc=UTF8"]
        command += [f"-{tag}" for tag in EXIFTOOL_TAGS] + ["-@", argfile.name]
        out = subprocess.run(command, capture_output=True, check=False).stdout
    return len(json.loads(out))


def pillow_full_thumbnail(path: Path, max_side: int = 320) -> bytes:
    """The naive route: decode every pixel, then shrink."""
    with Image.open(path) as image:
        image.load()
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=None)
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


def exif_thumbnail_only(path: Path) -> bytes:
    """The ceiling: hand over the embedded EXIF thumbnail's bytes, decode nothing."""
    with Image.open(path) as image:
        ifd1 = image.getexif().get_ifd(ExifTags.IFD.IFD1)
        raw = image.info["exif"]
        start = ifd1[0x0201] + 6
        return bytes(raw[start : start + ifd1[0x0202]])
