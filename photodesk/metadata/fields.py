"""The one field table: neutral name ↔ EXIF tag ↔ IIM dataset ↔ XMP property, with IIM limits.

Every reader, the reconciliation and (later) the write-back take their mapping from here, so a
field can never be read from one place and written to another. The IIM byte limits are the
maximum octet counts of the IPTC-NAA IIM 4.2 specification (the ``string[0,N]`` formats of
ExifTool's IPTC table agree); writers cut longer values there, which is why an IIM copy that
stops at its limit is a truncation of the XMP value rather than a disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from photodesk.core.metadata import FIELDS

NS_DC = "http://purl.org/dc/elements/1.1/"
NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
NS_IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
NS_XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"

XmpKind = Literal["text", "lang-alt", "seq", "bag"]
IIM_RECORD = 2  # the application record; record 1 only carries 1:90 (CodedCharacterSet)
IIM_TIME_CREATED = 60  # 2:60 completes 2:55 (date_created)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """Where one neutral field lives in each block.

    ``exif`` lists (tag number, tag name) in order of preference (the Windows XP tags are only a
    fallback, as ``metadata.exif`` reads them); ``iim`` is the dataset number in record 2 and
    ``iim_limit`` its maximum length in bytes (2:55 date_created is completed by 2:60, the time);
    ``xmp`` is (namespace URI, local name) — namespaces are matched by URI, never by prefix —
    and ``xmp_kind`` the RDF shape the property should have.
    """

    name: str
    exif: tuple[tuple[int, str], ...]
    iim: int | None
    iim_limit: int | None
    xmp: tuple[str, str]
    xmp_kind: XmpKind = "text"
    iim_repeatable: bool = False


FIELD_TABLE: tuple[FieldSpec, ...] = (
    FieldSpec(
        "description",
        ((0x010E, "ImageDescription"),),
        120,
        2000,
        (NS_DC, "description"),
        "lang-alt",
    ),
    FieldSpec(
        "creators",
        ((0x013B, "Artist"), (0x9C9D, "XPAuthor")),
        80,
        32,
        (NS_DC, "creator"),
        "seq",
        iim_repeatable=True,
    ),
    FieldSpec("credit", (), 110, 32, (NS_PHOTOSHOP, "Credit")),
    FieldSpec("source", (), 115, 32, (NS_PHOTOSHOP, "Source")),
    FieldSpec("copyright", ((0x8298, "Copyright"),), 116, 128, (NS_DC, "rights"), "lang-alt"),
    FieldSpec("instructions", (), 40, 256, (NS_PHOTOSHOP, "Instructions")),
    FieldSpec("headline", (), 105, 256, (NS_PHOTOSHOP, "Headline")),
    FieldSpec("title", ((0x9C9B, "XPTitle"),), 5, 64, (NS_DC, "title"), "lang-alt"),
    FieldSpec(
        "date_created", ((0x9003, "DateTimeOriginal"),), 55, 8, (NS_PHOTOSHOP, "DateCreated")
    ),
    FieldSpec("city", (), 90, 32, (NS_PHOTOSHOP, "City")),
    FieldSpec("sublocation", (), 92, 32, (NS_IPTC_CORE, "Location")),
    FieldSpec("state", (), 95, 32, (NS_PHOTOSHOP, "State")),
    FieldSpec("country", (), 101, 64, (NS_PHOTOSHOP, "Country")),
    FieldSpec("country_code", (), 100, 3, (NS_IPTC_CORE, "CountryCode")),
    FieldSpec("keywords", (), 25, 64, (NS_DC, "subject"), "bag", iim_repeatable=True),
    FieldSpec("job_id", (), 103, 32, (NS_PHOTOSHOP, "TransmissionReference")),
    FieldSpec("caption_writer", (), 122, 32, (NS_PHOTOSHOP, "CaptionWriter")),
    FieldSpec("usage_terms", (), None, None, (NS_XMP_RIGHTS, "UsageTerms"), "lang-alt"),
)
assert tuple(spec.name for spec in FIELD_TABLE) == FIELDS, "FIELD_TABLE must follow FIELDS"

# Lookups derived from the table, shaped for each reader's hot loop.
IIM_DATASETS: dict[int, FieldSpec] = {s.iim: s for s in FIELD_TABLE if s.iim is not None}
IIM_LIMITS: dict[str, int] = {s.name: s.iim_limit for s in FIELD_TABLE if s.iim_limit}
# ElementTree names an element or attribute "{namespace URI}local".
XMP_PROPERTIES: dict[str, FieldSpec] = {f"{{{s.xmp[0]}}}{s.xmp[1]}": s for s in FIELD_TABLE}
XMP_NAMESPACES: tuple[bytes, ...] = tuple(sorted({s.xmp[0].encode() for s in FIELD_TABLE}, key=len))
EXIF_TAGS: dict[int, FieldSpec] = {tag: s for s in FIELD_TABLE for tag, _ in s.exif}
