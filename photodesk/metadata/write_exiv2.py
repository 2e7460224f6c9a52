"""Apply a write plan with python-exiv2, in memory: picture bytes in, picture bytes out.

libexiv2 edits the metadata blocks and copies the compressed image data through untouched; it
never decodes or re-encodes a pixel. It is handed the file's bytes (``ImageFactory.open`` on a
buffer, so exiv2 works on a ``MemIo`` and never touches a file on disk: ``open`` on a path would
edit that path in place) and the result is read back out of its memory; putting the bytes on
disk, verifying them and renaming them is ``write_atomic``'s and ``write``'s job. libexiv2
leaves Photoshop's IPTCDigest as it was; ``write_digest`` makes it current in those bytes.

Which formats: JPEG, TIFF, PNG and WebP. IIM is written into JPEG and TIFF, and into a PNG only
when it already holds one (ImageMagick's "Raw profile type iptc"), to keep it in step rather than
leave a stale caption behind; WebP has no IIM (``core.handover.writes_iim``, which the ExifTool
sheet follows too). HEIC/AVIF (exiv2 cannot write ISO-BMFF), GIF and
PSD are refused with the reason.

An IIM block that was not declared UTF-8 gets 1:90 ``ESC % G`` and so every other text dataset in
it is converted to UTF-8 first, decoded exactly as our reader decodes it (cp1252, a dataset that
is valid UTF-8 as UTF-8, or the ISO 8859 set 1:90 named): setting 1:90 alone would turn the
agency's accented letters into mojibake.

libexiv2 reports problems through the ``exiv2`` logger; they are collected per call (and kept
from the console: only the CLI prints) and an ``Exiv2Error`` becomes a ``WriteError`` naming it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import exiv2

from photodesk.core.handover import writes_iim
from photodesk.core.metadata import Value
from photodesk.metadata.iim_text import charset_of, decode_text
from photodesk.metadata.write_digest import refresh_iptc_digest
from photodesk.metadata.write_keys import IIM_CHARSET_KEY, IIM_UTF8
from photodesk.metadata.write_plan import IimSet, UnwritableValue, WritePlan, XmpSet, plan_write

WRITABLE = ("jpeg", "tiff", "png", "webp")
_UTF8_DECLARATION = IIM_UTF8.encode("ascii")
_ARRAY_TYPES = {"seq": exiv2.TypeId.xmpSeq, "bag": exiv2.TypeId.xmpBag}


class WriteError(Exception):
    """A file photodesk will not (or could not) write; ``str()`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Rewritten:
    """The new bytes, the plan they follow, and what exiv2 and the IIM conversion had to say."""

    data: bytes
    plan: WritePlan
    notes: tuple[str, ...]


def check_writable(fmt: str | None) -> None:
    """Raise WriteError unless photodesk writes files of format ``fmt``."""
    if fmt in WRITABLE:
        return
    named = (fmt or "unknown").upper()
    if fmt in ("heic", "avif"):
        raise WriteError(
            f"{named} is not supported for writing (libexiv2 cannot write ISO-BMFF files); "
            "the file is left as it is"
        )
    raise WriteError(f"{named} is not supported for writing (JPEG, TIFF, PNG and WebP are)")


def rewrite(data: bytes, fmt: str, values: Mapping[str, Value]) -> Rewritten:
    """``data`` (a picture of format ``fmt``) with ``values`` written into its metadata."""
    check_writable(fmt)
    notes: list[str] = []
    with _exiv2_log(notes):
        try:
            image = exiv2.ImageFactory.open(data)
            image.readMetadata()
            iptc = image.iptcData()
            plan = plan_write(
                values,
                iim=writes_iim(fmt, has_iim=len(iptc) > 0),
                present=_present_iim(iptc),
            )
            notes.extend(plan.notes)
            _set_xmp(image.xmpData(), plan.xmp)
            if plan.iim:
                _make_utf8(iptc, {item.key for item in plan.iim}, notes)
                _set_iim(iptc, plan.iim)
            exif = image.exifData()
            for item in plan.exif:
                exif[item.key] = item.text
            image.writeMetadata()
            written = refresh_iptc_digest(_bytes_of(image), fmt)
        except exiv2.Exiv2Error as error:
            raise WriteError(f"libexiv2 cannot write it: {error.message}") from error
        except UnwritableValue as error:
            raise WriteError(f"not written: {error}") from error
    return Rewritten(written, plan, tuple(notes))


def _present_iim(iptc: exiv2.IptcData) -> dict[str, tuple[str, ...]]:
    """The text the IIM block holds now, per key (UTF-8; other code pages never match a plan,
    which is right: converting them is a change)."""
    found: dict[str, list[str]] = {}
    for datum in iptc:
        if datum.typeId() == exiv2.TypeId.string:
            raw = bytes(datum.value().data()).rstrip(b"\0")
            found.setdefault(datum.key(), []).append(raw.decode("utf-8", "replace").strip())
    return {key: tuple(items) for key, items in found.items()}


def _set_xmp(xmp: exiv2.XmpData, sets: tuple[XmpSet, ...]) -> None:
    for item in sets:
        value = item.value
        if item.kind == "lang-alt":
            alt = exiv2.LangAltValue()
            alt.read(f'lang="x-default" {value}')
            xmp[item.key] = alt
        elif item.kind in _ARRAY_TYPES:
            array = exiv2.XmpArrayValue(_ARRAY_TYPES[item.kind])
            for entry in (value,) if isinstance(value, str) else value:
                array.read(entry)
            xmp[item.key] = array
        else:
            xmp[item.key] = exiv2.XmpTextValue(
                value if isinstance(value, str) else "; ".join(value)
            )


def _set_iim(iptc: exiv2.IptcData, sets: tuple[IimSet, ...]) -> None:
    iptc[IIM_CHARSET_KEY] = IIM_UTF8
    for item in sets:
        key = exiv2.IptcKey(item.key)
        while (found := iptc.findKey(key)) != iptc.end():
            iptc.erase(found)
        for text in item.items:
            iptc.add(key, _iim_value(item.kind, text))


def _iim_value(kind: str, text: str) -> exiv2.Value:
    value: exiv2.Value
    if kind == "date":
        value = exiv2.DateValue()
    elif kind == "time":
        value = exiv2.TimeValue()
    else:
        return exiv2.StringValue(text)
    if value.read(text) != 0:
        raise WriteError(f"IIM {kind} {text!r} was refused by libexiv2")
    return value


def _make_utf8(iptc: exiv2.IptcData, replaced: set[str], notes: list[str]) -> None:
    """Re-encode the block's other text datasets as UTF-8 before 1:90 says they are."""
    declared = iptc.findKey(exiv2.IptcKey(IIM_CHARSET_KEY))
    declaration = None if declared == iptc.end() else bytes(declared.value().data())
    if declaration is not None and _UTF8_DECLARATION in declaration:
        return
    charset = charset_of(declaration, notes)
    converted = 0
    for datum in iptc:
        if datum.key() in replaced or datum.typeId() != exiv2.TypeId.string:
            continue
        raw = bytes(datum.value().data())
        if raw.isascii():
            continue
        label = f"{datum.record()}:{datum.tag()}"
        datum.setValue(exiv2.StringValue(decode_text(raw, charset, label, notes)))
        converted += 1
    if converted:
        notes.append(f"IIM: {converted} other dataset(s) converted from {charset.name} to UTF-8")


def _bytes_of(image: exiv2.Image) -> bytes:
    io = image.io()
    view = io.mmap()
    try:
        return bytes(view)
    finally:
        view.release()
        io.munmap()


@contextmanager
def _exiv2_log(notes: list[str]) -> Iterator[None]:
    """Collect libexiv2's messages into ``notes`` instead of letting them reach the console."""
    logger = logging.getLogger("exiv2")
    handler = _Collect(notes)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class _Collect(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(f"libexiv2: {record.getMessage().strip()}")
