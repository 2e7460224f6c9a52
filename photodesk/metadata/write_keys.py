"""The field table (``metadata.fields``) in python-exiv2's key names, for the write-back.

The writer never spells a key itself: every XMP, IIM and EXIF key it sets is derived here from
the one field table the readers use, so a field cannot be read from one place and written to
another. XMP namespaces are matched by URI (exiv2 knows each standard one and its prefix, e.g.
Iptc4xmpCore is ``Xmp.iptc``), IIM datasets by number in record 2.

EXIF gets the three IFD0 text tags agencies fill: ImageDescription, Artist and Copyright. The
table's other EXIF tags are left alone on purpose: DateTimeOriginal is when the camera took the
picture (not a desk's to rewrite) and the Windows XP tags are a reading fallback only.
"""

from __future__ import annotations

from dataclasses import dataclass

import exiv2

from photodesk.metadata.fields import FIELD_TABLE, IIM_RECORD, IIM_TIME_CREATED, XmpKind

EXIF_WRITTEN = frozenset({"ImageDescription", "Artist", "Copyright"})
IIM_CHARSET_KEY = "Iptc.Envelope.CharacterSet"  # 1:90
IIM_UTF8 = "\x1b%G"  # ESC % G: the rest of the block is UTF-8
IIM_DATE_FIELD = "date_created"


@dataclass(frozen=True, slots=True)
class FieldKeys:
    """One field's exiv2 keys: XMP always; IIM and EXIF where the field has them."""

    name: str
    xmp: str
    xmp_kind: XmpKind
    iim: str | None
    iim_limit: int | None
    iim_repeatable: bool
    exif: str | None


def _xmp_key(namespace: str, local: str) -> str:
    return f"Xmp.{exiv2.XmpProperties.prefix(namespace)}.{local}"


def _iim_key(dataset: int) -> str:
    return str(exiv2.IptcKey(dataset, IIM_RECORD).key())


def _exif_key(tags: tuple[tuple[int, str], ...]) -> str | None:
    return next((f"Exif.Image.{name}" for _, name in tags if name in EXIF_WRITTEN), None)


KEYS: dict[str, FieldKeys] = {
    spec.name: FieldKeys(
        spec.name,
        _xmp_key(*spec.xmp),
        spec.xmp_kind,
        None if spec.iim is None else _iim_key(spec.iim),
        spec.iim_limit,
        spec.iim_repeatable,
        _exif_key(spec.exif),
    )
    for spec in FIELD_TABLE
}
IIM_TIME_KEY = _iim_key(IIM_TIME_CREATED)  # 2:60, written (or removed) with 2:55
