"""Write-back into real files: image data untouched, our reader and ExifTool read back the values.

Pictures are generated with Pillow in every writable format, copied from the demo desk's real
agency JPEGs, and taken from the real corpus in ../shared (skipped with the reason when it is
not there). Nothing under media/ or ../shared is ever written: every write goes to tmp_path.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
from PIL import Image

from photodesk.core.metadata import Value
from photodesk.metadata.fingerprint import fingerprint
from photodesk.metadata.read import read_file
from photodesk.metadata.write import WriteError, preview_write, write_picture
from tests.metadata.crafted import heif, iim, irb, jpeg, segment, with_segments

MEDIA = Path(__file__).resolve().parents[2] / "media" / "pictures"
EXIFTOOL = shutil.which("exiftool")
# Skipped with the reason where ExifTool is missing, failed under CI (tests/tools.py).
needs_exiftool = pytest.mark.usefixtures("exiftool_installed")
VALUES: dict[str, Value] = {
    "description": "Ri Sŏng Chŏl waves from a train in Khabarovsk; «Привет», said Léa.\nLine 2",
    "creators": ("Ri Sŏng Chŏl", "Léa Fournier", "Юлия Зорина"),
    "credit": "Léa Fournier/Getty Images",
    "source": "Агентство / AFP",
    "copyright": "© 2024 Léa Fournier",
    "instructions": "Не для продажи. No sales",
    "headline": "Amur forum ends",
    "city": "Хабаровск",
    "country_code": "RU",
    "keywords": ("Khabarovsk", "Амур"),
    "date_created": "2024-10-08T14:30:00+10:00",
}
WRITABLE = {"jpeg": "JPEG", "tiff": "TIFF", "png": "PNG", "webp": "WEBP"}
HAS_IIM = {"jpeg", "tiff"}


def generated(folder: Path, fmt: str) -> Path:
    """A small real picture of ``fmt`` from Pillow, with no metadata at all."""
    out = io.BytesIO()
    Image.new("RGB", (96, 64), (180, 40, 60)).save(out, WRITABLE[fmt])
    path = folder / f"generated.{fmt}"
    path.write_bytes(out.getvalue())
    return path


def image_sha256(path: Path) -> str | None:
    return fingerprint(path).image_sha256


def exiftool_tags(path: Path) -> dict[str, object]:
    """ExifTool's reading of the written fields, one tag per block (family-1 group names)."""
    assert EXIFTOOL is not None
    tags = [
        "-XMP-dc:Description", "-XMP-dc:Creator", "-XMP-photoshop:Credit",
        "-XMP-photoshop:Source", "-XMP-dc:Rights", "-XMP-photoshop:Instructions",
        "-IPTC:Caption-Abstract", "-IPTC:By-line", "-IPTC:Credit", "-IPTC:Source",
        "-IPTC:CopyrightNotice", "-IPTC:SpecialInstructions", "-IPTC:CodedCharacterSet",
        "-IFD0:ImageDescription", "-IFD0:Artist", "-IFD0:Copyright",
    ]  # fmt: skip
    output = subprocess.run(
        [EXIFTOOL, "-j", "-G1", "-a", "-n", *tags, "--", str(path)],
        check=True,
        capture_output=True,
    ).stdout
    found: dict[str, object] = json.loads(output.decode("utf-8"))[0]
    return found


def as_list(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def assert_exiftool_agrees(path: Path, values: Mapping[str, Value], iim: bool) -> None:
    found = exiftool_tags(path)
    creators = list(values["creators"])
    assert found["XMP-dc:Description"] == values["description"]
    assert as_list(found["XMP-dc:Creator"]) == creators
    assert found["XMP-photoshop:Credit"] == values["credit"]
    assert found["XMP-photoshop:Source"] == values["source"]
    assert found["XMP-dc:Rights"] == values["copyright"]
    assert found["XMP-photoshop:Instructions"] == values["instructions"]
    assert found["IFD0:ImageDescription"] == values["description"]
    assert found["IFD0:Artist"] == "; ".join(creators)
    assert found["IFD0:Copyright"] == values["copyright"]
    if iim:
        assert found["IPTC:CodedCharacterSet"] == "\x1b%G"
        assert found["IPTC:Caption-Abstract"] == values["description"]
        assert as_list(found["IPTC:By-line"]) == creators
        assert found["IPTC:Credit"] == values["credit"]
        assert found["IPTC:Source"] == values["source"]
        assert found["IPTC:CopyrightNotice"] == values["copyright"]
        assert found["IPTC:SpecialInstructions"] == values["instructions"]
    else:
        assert "IPTC:Credit" not in found


@pytest.mark.parametrize("fmt", sorted(WRITABLE))
def test_every_format_round_trips_with_identical_image_data(tmp_path: Path, fmt: str) -> None:
    source = generated(tmp_path, fmt)
    before, original = image_sha256(source), source.read_bytes()
    target = tmp_path / "out" / source.name
    target.parent.mkdir()
    written = write_picture(source, VALUES, target)
    assert source.read_bytes() == original  # --out never touches the original
    assert written.target == str(target) and written.backup is None
    assert before is not None and image_sha256(target) == before
    metadata = read_file(target)
    assert {name: metadata.values.get(name) for name in VALUES} == VALUES
    assert metadata.conflicts == ()
    blocks = {reading.block for reading in metadata.blocks}
    assert blocks == ({"xmp", "iim", "exif"} if fmt in HAS_IIM else {"xmp", "exif"})


@needs_exiftool
@pytest.mark.parametrize("fmt", sorted(WRITABLE))
def test_exiftool_reads_back_what_was_written(tmp_path: Path, fmt: str) -> None:
    source = generated(tmp_path, fmt)
    write_picture(source, VALUES, source)
    assert_exiftool_agrees(source, VALUES, iim=fmt in HAS_IIM)


@needs_exiftool
@pytest.mark.parametrize("name", sorted(p.name for p in MEDIA.iterdir() if p.is_file()))
def test_real_agency_pictures_round_trip(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    shutil.copyfile(MEDIA / name, source)
    before = image_sha256(source)
    values = dict(read_file(source).values) | {
        k: VALUES[k] for k in ("description", "creators", "credit", "source", "copyright")
    }
    values["instructions"] = VALUES["instructions"]
    write_picture(source, values, source, backup=True)
    assert image_sha256(source) == before
    assert (tmp_path / f".{name}.orig").read_bytes() == (MEDIA / name).read_bytes()
    assert_exiftool_agrees(source, values, iim=True)
    again = read_file(source)
    assert {k: again.values.get(k) for k in values} == values


def test_an_iim_copy_is_cut_at_its_limit_with_a_warning(tmp_path: Path) -> None:
    source = generated(tmp_path, "jpeg")
    credit = "Photo by Handout / Government of Primorsky région / AFP"
    written = write_picture(source, {"credit": credit}, source)
    assert any("credit" in w and "32" in w for w in written.warnings)
    metadata = read_file(source)
    iim_credit = next(r.values["credit"] for r in metadata.blocks if r.block == "iim")
    assert isinstance(iim_credit, str) and len(iim_credit.encode()) <= 32
    assert credit.startswith(iim_credit)
    assert metadata.values["credit"] == credit and metadata.conflicts == ()  # a truncation


def test_legacy_cp1252_iim_is_converted_before_utf8_is_declared(tmp_path: Path) -> None:
    block = iim(
        (2, 120, "Old caption".encode("cp1252")),
        (2, 90, "Zürich".encode("cp1252")),
        (2, 116, "© Agence Française".encode("cp1252")),
    )
    app13 = segment(0xED, b"Photoshop 3.0\x00" + irb((0x0404, block)))
    source = tmp_path / "legacy.jpg"
    source.write_bytes(with_segments(jpeg((32, 16)), app13))
    assert read_file(source).values["city"] == "Zürich"
    written = write_picture(source, {"description": "New caption, Zürich"}, source)
    assert any("UTF-8" in note for note in written.notes)
    metadata = read_file(source)
    assert metadata.charset == "utf-8"
    assert metadata.values["city"] == "Zürich"  # not "ZÃ¼rich"
    assert metadata.values["copyright"] == "© Agence Française"
    assert metadata.values["description"] == "New caption, Zürich"


def test_a_date_goes_to_xmp_and_to_iim_with_its_time_and_zone(tmp_path: Path) -> None:
    source = generated(tmp_path, "jpeg")
    write_picture(source, {"date_created": "2024-10-08T14:30:00+10:00"}, source)
    readings = {r.block: r.values for r in read_file(source).blocks}
    assert readings["xmp"]["date_created"] == "2024-10-08T14:30:00+10:00"
    assert readings["iim"]["date_created"] == "2024-10-08T14:30:00+10:00"
    written = write_picture(source, {"date_created": "2024-10"}, source)
    assert any("no full date" in w for w in written.warnings)
    readings = {r.block: r.values for r in read_file(source).blocks}
    assert readings["xmp"]["date_created"] == "2024-10"
    assert readings["iim"]["date_created"] == "2024-10-08T14:30:00+10:00"  # left as it was


def test_heic_and_gif_are_refused_by_name_and_left_alone(tmp_path: Path) -> None:
    heic = tmp_path / "picture.heic"
    heic.write_bytes(heif())
    with pytest.raises(WriteError, match="HEIC is not supported"):
        write_picture(heic, VALUES, heic)
    gif = tmp_path / "picture.gif"
    Image.new("P", (8, 8)).save(gif, "GIF")
    with pytest.raises(WriteError, match=r"unreadable image|not supported"):
        write_picture(gif, VALUES, gif)
    assert heic.read_bytes() == heif()


def test_a_file_changed_since_the_scan_is_refused_and_untouched(tmp_path: Path) -> None:
    source = generated(tmp_path, "jpeg")
    original = source.read_bytes()
    stale = hashlib.sha256(b"what the desk scanned").hexdigest()
    with pytest.raises(WriteError, match="changed since the desk last scanned"):
        write_picture(source, VALUES, source, backup=True, expected_sha256=stale)
    assert source.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]  # no backup, no temp
    fresh = hashlib.sha256(original).hexdigest()
    assert write_picture(source, VALUES, source, expected_sha256=fresh).target == str(source)


def test_the_dry_run_writes_nothing(tmp_path: Path) -> None:
    source = generated(tmp_path, "tiff")
    original = source.read_bytes()
    preview = preview_write(source, {"credit": "x" * 40})
    assert preview.target is None and preview.warnings
    assert source.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [source.name]


def test_in_place_keeps_the_first_backup_forever(tmp_path: Path) -> None:
    source = generated(tmp_path, "png")
    original = source.read_bytes()
    first = write_picture(source, {"credit": "First"}, source, backup=True)
    second = write_picture(
        source, {"credit": "Second"}, source, backup=True, written_sha256=first.sha256
    )
    assert first.backup == second.backup == str(tmp_path / ".generated.png.orig")
    assert (tmp_path / ".generated.png.orig").read_bytes() == original
    assert read_file(source).values["credit"] == "Second"


def corpus_files(shared_dir: Path) -> list[Path]:
    root = shared_dir / "corpus" / "real"
    skip = {".md", ".json", ".tsv"}
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() not in skip)


def test_the_real_corpus_is_written_losslessly_or_refused(shared_dir: Path, tmp_path: Path) -> None:
    """Every corpus file: written with identical image data and values read back, or refused
    with a reason and the original left as it was (the broken and HEIC files among them)."""
    written: dict[str, int] = {}
    refused: list[str] = []
    for index, path in enumerate(corpus_files(shared_dir)):
        source = tmp_path / f"{index:03d}{path.suffix}"
        shutil.copyfile(path, source)
        target = tmp_path / f"out{index:03d}{path.suffix}"
        before = source.read_bytes()
        try:
            write_picture(source, VALUES, target)
        except WriteError as error:
            assert str(error), path
            refused.append(f"{path.name}: {error}")
            assert not target.exists()
        else:
            metadata = read_file(target)
            written[metadata.format or "?"] = written.get(metadata.format or "?", 0) + 1
            assert image_sha256(target) == image_sha256(source), path
            assert {k: metadata.values.get(k) for k in VALUES} == VALUES, path
        assert source.read_bytes() == before, path
    assert set(written) == set(WRITABLE), written
    assert written["jpeg"] > 100, (written, refused)
    assert any("HEIC is not supported" in line for line in refused), refused
    leftovers = [p.name for p in tmp_path.iterdir() if ".photodesk-" in p.name]
    assert leftovers == []


def test_an_iim_cut_warning_names_field_and_limit_and_shows_only_the_lost_tail(
    tmp_path: Path,
) -> None:
    source = generated(tmp_path, "jpeg")
    caption = "Khabarovsk " * 280  # 3,080 bytes: IIM 2:120 holds 2,000
    written = write_picture(source, {"description": caption.strip()}, source)
    [warning] = written.warnings
    assert warning.startswith('description cut at 2000 bytes in IIM: "…')
    assert "|" in warning and len(warning) < 120  # not the 2,000 characters kept
    credit = "Photo by Handout / Government of Khabarovsk Territory / AFP"
    cut = write_picture(source, {"credit": credit}, source)
    assert cut.warnings == (
        'credit cut at 32 bytes in IIM: "…overnment of| Khabarovsk Territory / AFP" '
        "(XMP has it whole)",
    )


def test_a_value_already_cut_in_the_file_is_no_warning_on_every_write(tmp_path: Path) -> None:
    """An agency credit longer than IIM allows, which the desk leaves alone, is cut in the
    file already: a later write (of another field) loses nothing and must not warn again."""
    source = generated(tmp_path, "jpeg")
    credit = "Photo by Handout / Government of Khabarovsk Territory / AFP"
    assert write_picture(source, {"credit": credit}, source).warnings  # this write cuts it
    again = write_picture(source, {"credit": credit, "description": "New caption"}, source)
    assert again.warnings == ()
    assert any("credit already longer than IIM allows" in note for note in again.notes)
    assert read_file(source).values["credit"] == credit


def test_a_two_letter_country_code_goes_to_xmp_only(tmp_path: Path) -> None:
    """IIM 2:100 is ISO 3166 alpha-3 (3 characters); the 2-letter code is for XMP alone."""
    source = generated(tmp_path, "jpeg")
    write_picture(source, {"country_code": "RU"}, source)
    readings = {r.block: r.values for r in read_file(source).blocks}
    assert readings["xmp"]["country_code"] == "RU"
    assert "country_code" not in readings.get("iim", {})
    write_picture(source, {"country_code": "RUS"}, source)
    readings = {r.block: r.values for r in read_file(source).blocks}
    assert readings["iim"]["country_code"] == "RUS"
    written = write_picture(source, {"country_code": "KP"}, source)
    readings = {r.block: r.values for r in read_file(source).blocks}
    assert (readings["xmp"]["country_code"], readings["iim"]["country_code"]) == ("KP", "RUS")
    assert any("2:100" in note for note in written.notes)


def test_control_characters_and_untrimmed_values_are_refused_up_front(tmp_path: Path) -> None:
    source = generated(tmp_path, "jpeg")
    original = source.read_bytes()
    with pytest.raises(WriteError, match=r"^not written: credit .* whitespace at its start or end"):
        write_picture(source, {"credit": "AFP "}, source)
    with pytest.raises(WriteError, match=r"^not written: keywords holds the control char.*U\+0007"):
        preview_write(source, {"keywords": ("Amur", "bell\x07")})
    assert source.read_bytes() == original
    fine = {"description": "Line 1\nLine 2\twith a tab"}
    write_picture(source, fine, source)
    assert read_file(source).values["description"] == fine["description"]


def test_the_dry_run_fails_where_the_write_fails_for_a_folder_that_is_a_file(
    tmp_path: Path,
) -> None:
    source = generated(tmp_path, "jpeg")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    target = blocker / source.name
    with pytest.raises(WriteError) as real:
        write_picture(source, VALUES, target)
    with pytest.raises(WriteError) as dry:
        preview_write(source, VALUES, target=target)
    assert (
        str(dry.value) == str(real.value) == "cannot write beside generated.jpeg: Not a directory"
    )
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(WriteError, match=r"^not written: Is a directory$"):
        preview_write(source, VALUES, target=folder)
    with pytest.raises(WriteError, match=r"^not written: Is a directory$"):
        write_picture(source, VALUES, folder)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="runs as root, whom permission bits do not stop (the file-as-folder test covers it)",
)
def test_the_dry_run_says_permission_denied_where_the_write_would(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    source = generated(folder, "jpeg")
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError) as real:
            write_picture(source, VALUES, source, backup=True)
        with pytest.raises(WriteError) as dry:
            preview_write(source, VALUES, target=source)
    finally:
        folder.chmod(0o755)
    assert str(dry.value) == str(real.value)
    assert str(dry.value) == "cannot write beside generated.jpeg: permission denied"


STALE_COPIES = {
    "bep__imagemeta/withXmp.jpg": "description in an XMP segment with a non-standard header",
    "exiftool__exiftool/FotoStation.jpg": "description in its FotoStation trailer",
    "exiftool__exiftool/AFCP.jpg": "description in its AFCP trailer",
    "Exiv2__exiv2/iptc-psAPP13-wIPTC1-psAPP13-wIPTC2.jpg": (
        "credit in a second IPTC record in its Photoshop APP13 segment"
    ),
}


@pytest.mark.parametrize("name", sorted(STALE_COPIES))
def test_a_file_keeping_a_stale_copy_of_a_block_is_refused(
    shared_dir: Path, tmp_path: Path, name: str
) -> None:
    """libexiv2 copies these blocks through without updating them: ExifTool would then show the
    old caption or credit beside (or instead of) the new one, while our reader, which takes the
    first copy, reads back what was written. The file is refused, naming the block."""
    source = tmp_path / Path(name).name
    shutil.copyfile(shared_dir / "corpus" / "real" / name, source)
    before = source.read_bytes()
    values: dict[str, Value] = {"description": "New caption.", "credit": "New Credit/AFP"}
    target = tmp_path / "out.jpg"
    with pytest.raises(WriteError) as written:
        write_picture(source, values, target)
    reason = f"the file carries a second {STALE_COPIES[name]} ("
    assert str(written.value).startswith(f"not written: {reason}")
    assert str(written.value).endswith("), which photodesk cannot update")
    with pytest.raises(WriteError) as previewed:
        preview_write(source, values, target=target)
    assert str(previewed.value).startswith(reason)
    assert not target.exists() and source.read_bytes() == before


@needs_exiftool
def test_a_copy_that_holds_none_of_the_written_fields_is_harmless(
    shared_dir: Path, tmp_path: Path
) -> None:
    """The FotoStation trailer holds a caption but no credit: writing the credit alone leaves
    nothing stale, and ExifTool reads the one credit written."""
    source = tmp_path / "FotoStation.jpg"
    shutil.copyfile(shared_dir / "corpus" / "real" / "exiftool__exiftool" / source.name, source)
    target = tmp_path / "out.jpg"
    write_picture(source, {"credit": "New Credit/AFP"}, target)
    tags = exiftool_tags(target)
    credits = {v for k, v in tags.items() if k.endswith(":Credit")}
    assert credits == {"New Credit/AFP"}


@needs_exiftool
@pytest.mark.parametrize(
    ("name", "field", "tags", "text"),
    [
        (
            "exiv2-bug501.jpg",
            "sublocation",
            ("IPTC:Sub-location", "XMP-iptcCore:Location"),
            "Kålltorp",
        ),
        (
            "imagemagick.png",
            "state",
            ("IPTC:Province-State", "XMP-photoshop:State"),
            "Île de Franc",
        ),
    ],
)
def test_undeclared_utf8_iim_is_written_back_as_the_text_not_as_mojibake(
    shared_dir: Path, tmp_path: Path, name: str, field: str, tags: tuple[str, ...], text: str
) -> None:
    """The desk writes the file's own values as last read: a UTF-8 dataset in an undeclared IIM
    block read as cp1252 would go into XMP and a UTF-8-declared IIM as mojibake for good."""
    source = tmp_path / name
    shutil.copyfile(shared_dir / "corpus" / "real" / "Exiv2__exiv2" / name, source)
    values = dict(read_file(source).values)
    assert values[field] == text
    values["description"] = "Written by the desk."
    target = tmp_path / f"out{source.suffix}"
    write_picture(source, values, target)
    output = subprocess.run(
        [EXIFTOOL or "exiftool", "-j", "-G1", "-a", *(f"-{t}" for t in tags), str(target)],
        check=True,
        capture_output=True,
    ).stdout
    found = json.loads(output.decode("utf-8"))[0]
    assert [found.get(tag) for tag in tags] == [text] * 2
    assert read_file(target).values[field] == text
