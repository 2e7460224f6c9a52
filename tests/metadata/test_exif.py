"""read_exif against exifread (the independent oracle) on the corpus, and on crafted blocks.

exifread parses every tag and is too slow for the desk, but it is an independent reading of the
same bytes: for the tags we map, both must agree on every corpus file that has EXIF. Its values
are turned into our neutral fields the way read_exif documents (ASCII up to the first NUL,
trailing whitespace dropped, Artist split on ";", XPAuthor as the fallback, the date as ISO).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import exifread
import pytest

from photodesk.core.metadata import Value
from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.containers import parse_container
from photodesk.metadata.exif import exif_size, read_exif
from tests.metadata import crafted
from tests.metadata.crafted import ascii_entry, xp_entry

# Files where the two readers may differ, and why. (None at present: keep the list honest.)
EXIFREAD_EXCEPTIONS: dict[str, str] = {}


def _exifread_text(tags: dict[str, Any], name: str) -> str | None:
    """exifread's value as our reader would print it (cp1252 where it kept undecodable bytes)."""
    tag = tags.get(name)
    if tag is None:
        return None
    value = tag.values
    if isinstance(value, bytes):
        value = value.decode("cp1252", "replace")
    elif isinstance(value, list):  # XP* tags: a list of byte values, UTF-16LE
        value = bytes(value).decode("utf-16-le", "replace").split("\x00")[0].strip()
    return str(value).rstrip(" \t\r\n\x00") or None


def _expected(tags: dict[str, Any]) -> dict[str, Value]:
    expected: dict[str, Value] = {}
    for name, field in (
        ("Image ImageDescription", "description"),
        ("Image Copyright", "copyright"),
        ("Image XPTitle", "title"),
    ):
        value = _exifread_text(tags, name)
        if value:
            expected[field] = value
    artist = _exifread_text(tags, "Image Artist") or _exifread_text(tags, "Image XPAuthor")
    people = tuple(p.strip() for p in (artist or "").split(";") if p.strip())
    if people:
        expected["creators"] = people
    date = _exifread_text(tags, "EXIF DateTimeOriginal")
    if date and date.strip(" :0"):
        expected["date_created"] = date.replace(":", "-", 2).replace(" ", "T")
    return expected


def _corpus_exif(corpus: Path) -> list[tuple[str, bytes]]:
    blocks = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".json"):
        try:
            raw = parse_container(path.read_bytes())
        except UnreadableImage:
            continue
        if raw.exif:
            blocks.append((str(path.relative_to(corpus)), raw.exif))
    return blocks


def test_read_exif_agrees_with_exifread_on_the_corpus(shared_dir: Path) -> None:
    logging.getLogger("exifread").setLevel(logging.CRITICAL)
    blocks = _corpus_exif(shared_dir / "corpus" / "real")
    assert len(blocks) > 150
    disagreements = {}
    for name, exif in blocks:
        ours = dict(read_exif(exif).values)
        theirs = _expected(exifread.process_file(io.BytesIO(exif), details=False))
        if ours != theirs and name not in EXIFREAD_EXCEPTIONS:
            disagreements[name] = (ours, theirs)
    assert disagreements == {}
    mapped = sum(bool(read_exif(exif).values) for _, exif in blocks)
    assert mapped > 120  # the comparison is not vacuous


def test_the_fields_we_map() -> None:
    block = crafted.tiff(
        [
            ascii_entry(0x010E, "A crane lifts the first container  "),
            ascii_entry(0x013B, "Pavel Surikov; Jane Doe"),
            ascii_entry(0x8298, b"REUTERS\x00Desk editor"),
            xp_entry(0x9C9B, "Khabarovsk terminal"),
            xp_entry(0x9C9D, "Ignored because Artist exists"),
        ],
        [ascii_entry(0x9003, "2024:10:10 10:15:12")],
    )
    reading = read_exif(block)
    assert reading.block == "exif"
    assert dict(reading.values) == {
        "description": "A crane lifts the first container",
        "creators": ("Pavel Surikov", "Jane Doe"),
        "copyright": "REUTERS",
        "title": "Khabarovsk terminal",
        "date_created": "2024-10-10T10:15:12",
    }
    assert reading.warnings == ()


@pytest.mark.parametrize(("order", "big"), [("<", False), (">", False), ("<", True), (">", True)])
def test_byte_orders_and_bigtiff(order: str, big: bool) -> None:
    block = crafted.tiff(
        [ascii_entry(0x010E, "Caption"), xp_entry(0x9C9D, "Anna Müller")],
        [ascii_entry(0x9003, "2024:01:02 03:04:05")],
        order=order,
        big=big,
    )
    reading = read_exif(block)
    assert dict(reading.values) == {
        "description": "Caption",
        "creators": ("Anna Müller",),
        "date_created": "2024-01-02T03:04:05",
    }
    assert reading.warnings == ()


def test_utf8_is_read_and_cp1252_is_flagged() -> None:
    utf8 = read_exif(crafted.tiff([ascii_entry(0x010E, "Île-de-France, août")]))
    assert utf8.values["description"] == "Île-de-France, août"
    assert utf8.warnings == ()
    legacy = read_exif(crafted.tiff([ascii_entry(0x010E, "Île-de-France, août".encode("cp1252"))]))
    assert legacy.values["description"] == "Île-de-France, août"
    assert legacy.warnings == ("EXIF tag 0x010e is not UTF-8; decoded as cp1252",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024:10:10 10:15:12", "2024-10-10T10:15:12"),
        ("2024-10-10 10:15", "2024-10-10T10:15:00"),
        ("2024:10:10", "2024-10-10"),
        ("0000:00:00 00:00:00", None),
        ("    :  :     :  :  ", None),
    ],
)
def test_dates(raw: str, expected: str | None) -> None:
    reading = read_exif(crafted.tiff([], [ascii_entry(0x9003, raw)]))
    assert reading.values.get("date_created") == expected
    assert reading.warnings == ()


def test_an_unparseable_date_is_a_warning_not_a_value() -> None:
    reading = read_exif(crafted.tiff([], [ascii_entry(0x9003, "yesterday")]))
    assert "date_created" not in reading.values
    assert reading.warnings == ("EXIF DateTimeOriginal is not a date: 'yesterday'",)


def test_blank_and_editor_only_values_are_no_values() -> None:
    block = crafted.tiff([ascii_entry(0x010E, "          "), ascii_entry(0x8298, b" \x00Editor")])
    assert dict(read_exif(block).values) == {}


def test_not_tiff_is_a_warning() -> None:
    reading = read_exif(b"\xff\xff\xff\xff not exif")
    assert reading.values == {}
    assert reading.warnings == ("not a TIFF structure (starts ff ff ff ff)",)


def test_exif_size() -> None:
    pixel = [(0xA002, crafted.LONG, 1, (4000).to_bytes(4, "little"))]
    pixel.append((0xA003, crafted.SHORT, 1, (3000).to_bytes(2, "little")))
    assert exif_size(crafted.tiff([], pixel)) == (4000, 3000)
    assert exif_size(crafted.tiff([])) is None
    assert exif_size(b"junk") is None
