"""The hand-over sheets on the demo desk (SQLite and PostgreSQL), each checked by the program that
reads it: ExifTool applies the CSV and photodesk reads the files back, headless Chromium renders
the HTML, pypdf reads the PDF's text, photodesk's own ninjs reader reads the ninjs back."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from pypdf import PdfReader

from photodesk.metadata.read import read_file
from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.exporting import Export, export_bytes, export_sheet
from photodesk.services.extracting import extract_article
from photodesk.services.handover import handover
from photodesk.services.linking_manual import link_by_hand
from photodesk.services.scanning import scan_folders
from photodesk.services.writeback import write_back
from tests.export.tools import apply_sheet, loaded_images, printed

TWO_CREDITED = "REUTERS/Léa Fournier and Ri Sŏng Chŏl"
# ninjs 2.1 (iptc/newsinjson specification/ninjs-schema_2.1.json): the properties of an item;
# the root and every association require "uri", associations also "name", renditions "name",
# descriptions "value" (with nothing but role, contenttype and value).
NINJS_KEYS = {
    "uri", "type", "representationtype", "profile", "version", "firstcreated", "versioncreated",
    "contentcreated", "embargoed", "pubstatus", "urgency", "copyrightholder", "copyrightnotice",
    "usageterms", "ednote", "language", "descriptions", "bodies", "headlines", "people",
    "organisations", "places", "subjects", "events", "objects", "infosources", "title", "by",
    "slugline", "located", "renditions", "associations", "altids", "trustindicators", "standard",
    "genres", "expires", "rightsinfo",
}  # fmt: skip
RENDITION_KEYS = {
    "name", "href", "contenttype", "title", "height", "width", "sizeinbytes", "duration", "format",
}  # fmt: skip
NINJS_TYPES = {"text", "audio", "video", "picture", "graphic", "composite", "component"}


def squash(text: str) -> str:
    return " ".join(text.split())


def sheet_captions(desk: Desk) -> list[dict]:
    return json.loads(export_bytes(desk, "json"))["captions"]


def credit_two_people(desk: Desk) -> dict:
    """Give the freighter (no credit in the article) a credit naming two people, non-ASCII."""
    caption = next(c for c in sheet_captions(desk) if c["credit"] is None)
    view = get_caption(desk, caption["id"])
    edit_caption(desk, view.id, view.version, {"credit": TWO_CREDITED}, editor="ann")
    return caption


def test_exiftool_applies_the_csv_and_photodesk_reads_the_same_values_back(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    freighter = credit_two_people(desk)
    wanted = {entry.path: dict(entry.values) for entry in handover(desk)}
    result = export_sheet(desk, "exiftool-csv")
    # Held back as `write` holds them back: AFP_36HJ7ZM's caption (PD102, in the demo) and the
    # freighter's, whose new credit contradicts the one in its file (PD102 too).
    failing = {left.path: left.reason for left in result.left_out}
    assert sorted(failing) == sorted(
        p for p in wanted if p.endswith("AFP_36HJ7ZM.jpg") or p == freighter["picture"]
    )
    assert all("fails the check (PD102)" in reason for reason in failing.values())
    passing = sorted(set(wanted) - set(failing))
    rows = list(csv.DictReader(io.StringIO(result.data.decode("utf-8"))))
    assert [row["SourceFile"] for row in rows] == passing
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(result.data)
    apply_sheet(sheet, passing)
    assert all(read_file(path).values != wanted[path] for path in failing)  # not on the sheet
    forced = export_sheet(desk, "exiftool-csv", force=True)
    assert forced.left_out == ()
    rows = list(csv.DictReader(io.StringIO(forced.data.decode("utf-8"))))
    assert [row["SourceFile"] for row in rows] == sorted(wanted)
    forced_sheet = tmp_path / "forced.csv"
    forced_sheet.write_bytes(forced.data)
    apply_sheet(forced_sheet, sorted(failing))
    for path, values in wanted.items():
        again = read_file(path)
        assert dict(again.values) == values, path
        assert (again.conflicts, again.charset) == ((), "utf-8"), path
        assert Path(f"{path}_original").is_file()  # ExifTool kept the original
    written = read_file(freighter["picture"]).values
    assert written["creators"] == ("Léa Fournier", "Ri Sŏng Chŏl")
    assert written["credit"] == TWO_CREDITED
    getty = next(p for p in wanted if p.endswith("GettyImages-2176543210.jpg"))
    assert read_file(getty).values["creators"] == ("Léa Fournier",)
    handout = next(v for p, v in wanted.items() if p.endswith("AFP_36HK2QW.jpg"))
    assert "Ri Sŏng Chŏl" in str(handout["description"]) and handout["instructions"]


def test_pictures_the_csv_cannot_carry_are_left_out_and_named(demo_copy: tuple[Desk, Path]) -> None:
    desk, root = demo_copy
    entries = handover(desk)
    first, second = entries[0], entries[1]
    link_by_hand(desk, first.caption_ids[0], first.path, editor="ann")  # hand links stay put
    link_by_hand(desk, second.caption_ids[0], first.path, editor="ann")  # two captions, one file
    victim = root / "pictures" / "AFP_36HJ7ZM.jpg"
    victim.unlink()
    scan_folders(desk, [root / "pictures"])
    result = export_sheet(desk, "exiftool-csv")
    reasons = {left.path: left.reason for left in result.left_out}
    assert "say different things" in reasons[first.path]
    assert str(victim) in reasons
    sources = {row["SourceFile"] for row in csv.DictReader(io.StringIO(result.data.decode()))}
    assert not sources & set(reasons)
    assert sources  # the others are still on the sheet


def test_the_html_sheet_is_one_file_whose_thumbnails_all_load(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, root = demo_copy
    (root / "pictures" / "AFP_36HK2QX.jpg").unlink()  # the decoy: no caption places it
    scan_folders(desk, [root / "pictures"])
    text = export_bytes(desk, "html").decode("utf-8")
    page = tmp_path / "sheet.html"
    page.write_text(text, encoding="utf-8")
    assert not re.search(r"""(?:src|href)=["'](?!data:)""", text)  # nothing outside the file
    assert "<script" not in text and "<link" not in text
    assert "@media print" in text and "break-inside: avoid" in text
    captions = sheet_captions(desk)
    for caption in captions:
        assert squash(caption["caption"]).replace("'", "&#x27;") in squash(text)
    assert "Léa Fournier/Getty Images" in text
    assert "✖</span> error" in text and "✓</span> ok" in text  # a symbol and a word
    assert "RESTRICTED TO EDITORIAL USE" in text  # the handout's instructions
    assert "no preview: " in text  # the vanished decoy, in its own cell
    images = loaded_images(page, tmp_path)
    assert len(images) == text.count("<img ") == len({c["picture"] for c in captions}) + 4
    assert all(complete and width > 0 for _, complete, width in images), images


def test_the_html_sheet_prints_every_card_whole(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    page = tmp_path / "sheet.html"
    page.write_bytes(export_bytes(desk, "html"))
    pages = [
        unicodedata.normalize("NFKC", squash(p.extract_text()))  # Chromium sets "fi" ligatures
        for p in PdfReader(io.BytesIO(printed(page, tmp_path))).pages
    ]
    assert len(pages) > 1
    for caption in sheet_captions(desk):
        start = squash(caption["caption"])[:40]
        [where] = [p for p in pages if start in p]  # a card's first words on one page ...
        assert f"caption {caption['id']} (#{caption['position']})" in where  # ... its last too
        assert f"{caption['status']} " in where


def test_the_pdf_sheet_holds_captions_credits_and_statuses(demo_copy: tuple[Desk, Path]) -> None:
    desk, _ = demo_copy
    credit_two_people(desk)
    data = export_bytes(desk, "pdf")
    assert data.startswith(b"%PDF-")
    pages = [squash(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]
    text = " ".join(pages)
    for caption in sheet_captions(desk):
        assert squash(caption["caption"]) in text
        assert squash(caption["credit"]) in text
        assert f"{caption['status']} " in text
    assert TWO_CREDITED in text and "Léa Fournier/Getty Images" in text
    assert "Ri Sŏng Chŏl" in text
    assert "error PD102" in text  # the timber trucks' contradiction
    lead = next(p for p in pages if "Ri Sŏng Chŏl waves" in p)
    assert "Photo by Handout / Government of Khabarovsk Territory / AFP" in lead  # one page


def check_ninjs_item(item: dict, *, association: bool) -> None:
    """The ninjs 2.1 schema's constraints on an item, by hand."""
    allowed = NINJS_KEYS | ({"name"} if association else set())
    assert set(item) <= allowed, set(item) - allowed
    assert isinstance(item["uri"], str) and ":" in item["uri"]
    if association:
        assert isinstance(item["name"], str) and item["name"]
    assert item.get("type", "text") in NINJS_TYPES
    for description in item.get("descriptions", []):
        assert set(description) <= {"role", "contenttype", "value"} and "value" in description
    for headline in item.get("headlines", []):
        assert set(headline) <= {"role", "contenttype", "value"} and "value" in headline
    for rendition in item.get("renditions", []):
        assert set(rendition) <= RENDITION_KEYS and rendition["name"]
    for child in item.get("associations", []):
        check_ninjs_item(child, association=True)


def test_ninjs_is_2x_shaped_and_our_reader_reads_the_same_captions_back(
    demo_copy: tuple[Desk, Path], tmp_path: Path
) -> None:
    desk, _ = demo_copy
    credit_two_people(desk)
    document = json.loads(export_bytes(desk, "ninjs"))
    check_ninjs_item(document, association=False)
    assert document["standard"]["version"].startswith("2.")
    pictures = [p for article in document["associations"] for p in article["associations"]]
    assert all(p["type"] == "picture" for p in pictures)
    handout = next(p for p in pictures if "Ri Sŏng Chŏl waves" in p["descriptions"][0]["value"])
    assert handout["ednote"].startswith("RESTRICTED TO EDITORIAL USE")
    target = tmp_path / "sheet.json"
    target.write_bytes(export_bytes(desk, "ninjs"))
    draft = extract_article(target)
    captions = sheet_captions(desk)
    assert [(c.caption, c.credit.text if c.credit else None) for c in draft.captions] == [
        (c["caption"], c["credit"]) for c in captions
    ]
    assert [c.image for c in draft.captions] == [Path(c["picture"]).as_uri() for c in captions]
    credit = next(c.credit for c in draft.captions if c.credit and c.credit.text == TWO_CREDITED)
    assert credit is not None and credit.creators == ("Léa Fournier", "Ri Sŏng Chŏl")


def test_every_format_exports_an_empty_desk(desk: Desk) -> None:
    for fmt in ("exiftool-csv", "json", "ninjs", "html", "pdf"):
        result = export_sheet(desk, fmt)
        assert isinstance(result, Export) and result.data and result.left_out == ()
    assert export_bytes(desk, "exiftool-csv").decode().count("\n") == 1  # the header alone


def test_the_exiftool_sheet_gives_pngs_the_iim_write_gives_them(
    demo_copy: tuple[Desk, Path], shared_dir: Path, tmp_path: Path
) -> None:
    """A PNG without IIM gets none from the sheet (ExifTool would create non-standard IIM); one
    with IIM gets it kept in step, its old 2:60 removed with its old 2:55, exactly as ``write``."""
    desk, root = demo_copy
    corpus = shared_dir / "corpus" / "real"
    pngs = root / "pictures" / "png"
    pngs.mkdir()
    for name in ("Exiv2__exiv2/ReaganSmallPng.png", "bep__imagemeta/utf8-in-ztxt.png"):
        shutil.copyfile(corpus / name, pngs / Path(name).name)
    with_iim, without_iim = str(pngs / "ReaganSmallPng.png"), str(pngs / "utf8-in-ztxt.png")
    before = iim_of(Path(with_iim))
    assert before is not None and before["date_created"] == "2016-09-15T06:29:23-06:29"
    scan_folders(desk, [root / "pictures"])
    first, second = handover(desk)[:2]
    link_by_hand(desk, first.caption_ids[0], with_iim, editor="ann")
    link_by_hand(desk, second.caption_ids[0], without_iim, editor="ann")
    ids = [first.caption_ids[0], second.caption_ids[0]]
    report = write_back(desk, out=tmp_path / "written", force=True, caption_ids=ids)
    assert [p.status for p in report.pictures] == ["written", "written"]
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(export_sheet(desk, "exiftool-csv", force=True).data)
    done = apply_sheet(sheet, [with_iim, without_iim])
    assert "IPTC" not in done.stdout + done.stderr  # no "Creating non-standard IPTC in PNG"
    for path in (with_iim, without_iim):
        by_sheet, by_write = iim_of(Path(path)), iim_of(tmp_path / "written" / Path(path).name)
        assert by_sheet == by_write, path
    assert iim_of(Path(without_iim)) is None
    applied = iim_of(Path(with_iim))
    assert applied is not None and applied["date_created"] == "2004-06-21"  # no stale time


def iim_of(path: Path) -> Mapping[str, object] | None:
    """What the file's IIM block says (None: it has none)."""
    return next((dict(b.values) for b in read_file(path).blocks if b.block == "iim"), None)
