"""The ExifTool sheet on hand-made rows: its columns, ExifTool's CSV conventions, and real files
written by ExifTool from it and read back by photodesk's own reader."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from photodesk.core.handover import writes_iim
from photodesk.core.metadata import FIELDS, Value
from photodesk.export.exiftool_csv import (
    CHARSET_TAG,
    DELETE,
    CsvRow,
    columns,
    header,
    render_exiftool_csv,
    row_problem,
)
from photodesk.metadata.fields import FIELD_TABLE
from photodesk.metadata.read import read_file
from photodesk.metadata.write_plan import plan_write
from tests.export.tools import apply_sheet

PICTURES = Path(__file__).resolve().parents[2] / "media" / "pictures"
TABLE = columns(FIELD_TABLE)
DATED = "2024-10-10T00:15:12+00:00"


def parsed(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_header_names_every_field_in_each_block_it_lives_in() -> None:
    heading = header(TABLE)
    assert heading[0] == "SourceFile" and heading[-1] == CHARSET_TAG
    for tag in (
        "XMP-dc:Description", "IPTC:Caption-Abstract", "EXIF:ImageDescription",
        "XMP-dc:Creator", "IPTC:By-line", "EXIF:Artist",
        "XMP-photoshop:Credit", "IPTC:Credit", "XMP-photoshop:Source", "IPTC:Source",
        "XMP-dc:Rights", "IPTC:CopyrightNotice", "EXIF:Copyright",
        "XMP-photoshop:Instructions", "IPTC:SpecialInstructions",
        "XMP-dc:Subject", "IPTC:Keywords", "XMP-xmpRights:UsageTerms", "XMP-iptcCore:Location",
    ):  # fmt: skip
        assert tag in heading
    assert {column.field for column in TABLE} == set(FIELDS)  # every field, from the one table
    assert len(heading) == len(set(heading))
    assert not any(tag.startswith("EXIF:XP") or tag == "EXIF:DateTimeOriginal" for tag in heading)


def test_lists_dates_limits_and_quoting() -> None:
    values: dict[str, Value] = {
        "description": 'He said "go", then left,\nsmiling.',
        "creators": ("Léa Fournier", "Ri Sŏng Chŏl"),
        "credit": "Photo by Handout / Government of Khabarovsk Territory / AFP",
        "keywords": ("Хабаровск", "TRADE"),
        "date_created": "2024-10-10T00:15:12Z",
    }
    [row] = parsed(render_exiftool_csv([CsvRow("/p/a.jpg", values)], TABLE))
    assert row["SourceFile"] == "/p/a.jpg"
    assert row["XMP-dc:Description"] == values["description"]  # quoted, newline kept
    assert row["XMP-dc:Creator"] == row["IPTC:By-line"] == row["EXIF:Artist"]
    assert row["EXIF:Artist"] == "Léa Fournier; Ri Sŏng Chŏl"
    assert row["XMP-photoshop:Credit"] == values["credit"]
    assert row["IPTC:Credit"] == "Photo by Handout / Government of"  # cut at 32 bytes
    assert row["IPTC:Keywords"] == "Хабаровск; TRADE"
    assert row["XMP-photoshop:DateCreated"] == "2024:10:10 00:15:12+00:00"
    assert (row["IPTC:DateCreated"], row["IPTC:TimeCreated"]) == ("2024:10:10", "00:15:12+00:00")
    assert row[CHARSET_TAG] == "UTF8"
    assert row["XMP-photoshop:Source"] == ""  # no value: ExifTool leaves the file's tag alone


def test_an_iim_cut_never_splits_a_character() -> None:
    name = "Ŏ" * 20  # 40 bytes in UTF-8
    [row] = parsed(render_exiftool_csv([CsvRow("/p/a.jpg", {"creators": (name,)})], TABLE))
    assert row["IPTC:By-line"] == "Ŏ" * 16 and row["XMP-dc:Creator"] == name


def test_an_item_holding_the_separator_cannot_travel() -> None:
    assert row_problem({"creators": ("Pavel Surikov",), "keywords": ("A", "B")}) is None
    assert row_problem({"description": "Kim; Putin"}) is None  # not a list: never split
    problem = row_problem({"keywords": ("TRADE; SHIPPING",)})
    assert problem is not None and "keywords" in problem


def test_exiftool_writes_what_photodesk_reads_back(tmp_path: Path) -> None:
    source = PICTURES / "GettyImages-2176543210.jpg"
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    before = read_file(copy).values
    values: dict[str, Value] = dict(before)
    values.update(
        {
            "description": 'Ri Sŏng Chŏl, centre, says "welcome",\nin Khabarovsk (Хабаровск).',
            "creators": ("Léa Fournier", "Ri Sŏng Chŏl"),
            "credit": "Léa Fournier, Ri Sŏng Chŏl / Getty Images for the Amur Trade Forum",
            "instructions": "EMBARGOED UNTIL 12 OCT 2024 - NO SALES",
            "keywords": ("Хабаровск", "Amur River"),
        }
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(render_exiftool_csv([CsvRow(str(copy), values)], TABLE))
    apply_sheet(sheet, [str(copy)])
    again = read_file(copy)
    assert dict(again.values) == values
    assert (again.conflicts, again.charset, again.error) == ((), "utf-8", None)
    iim = next(block for block in again.blocks if block.block == "iim")
    credit = str(iim.values["credit"])
    assert str(values["credit"]).startswith(credit) and len(credit.encode()) <= 32
    assert (tmp_path / f"{source.name}_original").is_file()  # ExifTool's own backup
    assert read_file(source).values == before  # media/ untouched


def test_iim_country_code_gets_only_a_three_letter_code(tmp_path: Path) -> None:
    """IIM 2:100 is ISO 3166 alpha-3: a two-letter code (right for XMP) leaves its cell empty,
    so ExifTool neither pads it with a warning nor replaces the file's own 2:100."""
    rows = [CsvRow("/p/a.jpg", {"country_code": "RU"}), CsvRow("/p/b.jpg", {"country_code": "RUS"})]
    two, three = parsed(render_exiftool_csv(rows, TABLE))
    assert (two["XMP-iptcCore:CountryCode"], two["IPTC:Country-PrimaryLocationCode"]) == ("RU", "")
    assert three["IPTC:Country-PrimaryLocationCode"] == "RUS"
    copy = tmp_path / "GettyImages-2176543210.jpg"
    shutil.copyfile(PICTURES / copy.name, copy)
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(render_exiftool_csv([CsvRow(str(copy), {"country_code": "KP"})], TABLE))
    done = apply_sheet(sheet, [str(copy)])
    assert "too short" not in done.stdout + done.stderr
    readings = {block.block: block.values for block in read_file(copy).blocks}
    assert readings["xmp"]["country_code"] == "KP"
    assert readings.get("iim", {}).get("country_code") != "KP"


def test_iim_gets_the_date_alone_when_the_time_has_no_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IIM 2:60 needs a zone: a zoneless time must not reach it with the applying machine's zone
    (ExifTool's), and a time left from the file's older date is removed, as ``write`` does."""
    copy = tmp_path / "GettyImages-2176543210.jpg"
    shutil.copyfile(PICTURES / copy.name, copy)
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(render_exiftool_csv([CsvRow(str(copy), {"date_created": DATED})], TABLE))
    apply_sheet(sheet, [str(copy)])
    assert iim_values(copy)["date_created"] == DATED  # the file now has a time in IIM
    zoneless = "2024-10-11T11:42:41"
    data = render_exiftool_csv([CsvRow(str(copy), {"date_created": zoneless})], TABLE)
    [row] = parsed(data)
    assert (row["IPTC:DateCreated"], row["IPTC:TimeCreated"]) == ("2024:10:11", DELETE)
    assert row["XMP-photoshop:DateCreated"] == "2024:10:11 11:42:41"
    sheet.write_bytes(data)
    monkeypatch.setenv("TZ", "Europe/Moscow")  # ExifTool would append +03:00
    apply_sheet(sheet, [str(copy)])
    written = plan_write({"date_created": zoneless}, iim=True).expected["iim"]["date_created"]
    assert iim_values(copy)["date_created"] == written == "2024-10-11"
    assert read_file(copy).values["date_created"] == zoneless  # XMP keeps the time


def test_a_date_iim_cannot_hold_leaves_both_iim_cells_empty() -> None:
    rows = [CsvRow("/p/a.jpg", {"date_created": "2024-10"})]
    [row] = parsed(render_exiftool_csv(rows, TABLE))
    assert row["XMP-photoshop:DateCreated"] == "2024-10"
    assert (row["IPTC:DateCreated"], row["IPTC:TimeCreated"]) == ("", "")


def test_a_file_that_gets_no_iim_gets_no_iptc_cell() -> None:
    values: dict[str, Value] = {"description": "Amur", "keywords": ("A",), "date_created": DATED}
    [row] = parsed(render_exiftool_csv([CsvRow("/p/a.png", values, iim=False)], TABLE))
    assert row["XMP-dc:Description"] == "Amur" and row["XMP-dc:Subject"] == "A"
    assert {tag: cell for tag, cell in row.items() if tag.startswith("IPTC:") and cell} == {}
    assert (writes_iim("png", False), writes_iim("png", True), writes_iim("jpeg", False)) == (
        False,
        True,
        True,
    )


def test_a_value_the_delete_mark_would_erase_cannot_travel() -> None:
    problem = row_problem({"city": DELETE})
    assert problem is not None and "city" in problem
    assert row_problem({"city": "Khabarovsk - Amur"}) is None


def iim_values(path: Path) -> Mapping[str, Value]:
    return next(block.values for block in read_file(path).blocks if block.block == "iim")
