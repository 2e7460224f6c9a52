"""Every corpus file against ExifTool: the same metadata blocks found, the same image size.

The oracle's summary says whether ExifTool found EXIF, IPTC and XMP; the size is File:ImageWidth
/Height, or Composite:ImageSize where ExifTool gives no File size (TIFF, PNG, WebP). A block
counts as found when the container hands it on and, for EXIF, its IFD0 can be read. Every
difference must be listed below with its reason, and every listed difference must still occur.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.ifd import IfdError, entry_count, open_tiff

EXIFTOOL_DROPS_EXIF = (
    "ExifTool stops at a JPEG format error after the APP1 segment and drops the EXIF that is "
    "there (corpus README); we read it"
)
IFD0_CUT = (
    "IFD0 claims more entries than the data holds; ExifTool drops the directory (Bad IFD0 "
    "directory), we read the entries that fit, with a warning"
)
EMPTY_XMP = (
    "the XMP packet is there but its x:xmpmeta holds no property, so ExifTool reports no XMP "
    "tag (corpus README); the container hands the packet on and the XMP decoder finds nothing"
)
EXCEPTIONS: dict[str, dict[str, str]] = {
    "exiftool__exiftool/GIF.gif": {
        "xmp": "GIF is refused by design (GIF is not supported)",
        "size": "GIF is refused by design (GIF is not supported)",
    },
    "Exiv2__exiv2/2018-01-09-exiv2-crash-003.tiff": {
        "iptc": "tag 33723 holds bytes ExifTool rejects (Bad IPTC data tag); the container "
        "hands them on and the IIM decoder judges them",
    },
    "Exiv2__exiv2/heap-oob-write.tiff": {"exif": IFD0_CUT, "size": IFD0_CUT},
    "python-pillow__Pillow/hopper_bad_exif.jpg": {"exif": IFD0_CUT},
    "bep__imagemeta/2007-08-15-14-42-46-sep-2007-08-15-14-42-46a.jpg": {
        "exif": EXIFTOOL_DROPS_EXIF
    },
    "bep__imagemeta/FailedHash-NoDate-sep-remembory.jpg": {"exif": EXIFTOOL_DROPS_EXIF},
    "bep__imagemeta/huge_tag_exif.jpg": {"exif": EXIFTOOL_DROPS_EXIF},
    "bep__imagemeta/max_uint32_exif.jpg": {"exif": EXIFTOOL_DROPS_EXIF},
    "python-pillow__Pillow/exif_text.png": {
        "exif": "a tEXt chunk named exif holds the APP1 payload; ExifTool shows it raw (corpus "
        "README), Pillow and we read it",
    },
    "python-pillow__Pillow/xmp_no_prefix.jpg": {"xmp": EMPTY_XMP},
    "python-pillow__Pillow/xmp_padded.jpg": {"xmp": EMPTY_XMP},
}


def _exif_readable(exif: bytes | None) -> bool:
    if not exif:
        return False
    try:
        tiff = open_tiff(exif)
    except IfdError:
        return False
    return entry_count(tiff, tiff.first_ifd) > 0


def _oracle_size(record: dict[str, Any]) -> tuple[int | None, int | None]:
    key = record["key"]
    if key.get("File:ImageWidth") is not None:
        return key["File:ImageWidth"], key["File:ImageHeight"]
    composite = record["full"].get("Composite:ImageSize")
    if composite:
        width, height = composite.split()
        return int(width), int(height)
    return None, None


def _differences(raw: RawMetadata | None, record: dict[str, Any]) -> set[str]:
    summary = record["summary"]
    ours = {
        "exif": raw is not None and _exif_readable(raw.exif),
        "iptc": raw is not None and bool(raw.iim),
        "xmp": raw is not None and bool(raw.xmp),
    }
    found = {block for block, present in ours.items() if present != bool(summary[block])}
    size = (raw.width, raw.height) if raw is not None else (None, None)
    return found | ({"size"} if size != _oracle_size(record) else set())


def test_blocks_and_sizes_agree_with_exiftool(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus" / "real"
    oracle = json.loads((corpus / "exiftool-oracle.json").read_text(encoding="utf-8"))["files"]
    assert len(oracle) >= 200
    unexplained, stale = {}, {}
    for name, record in sorted(oracle.items()):
        try:
            raw: RawMetadata | None = parse_container((corpus / name).read_bytes())
        except UnreadableImage:
            raw = None
        found = _differences(raw, record)
        listed = set(EXCEPTIONS.get(name, {}))
        if found - listed:
            unexplained[name] = sorted(found - listed)
        if listed - found:
            stale[name] = sorted(listed - found)
    assert unexplained == {}
    assert stale == {}
