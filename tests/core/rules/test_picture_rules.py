"""PD3xx on real files: pictures Pillow writes, corpus files, and the demo desk's agency pictures.

Each picture is read by the real reader and turned into facts with ``picture_facts``, as the
services do, so that a rule is judged on what the scan would really report.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from photodesk.core.metadata import LEGACY_IIM_CHARSET
from photodesk.core.rules import (
    CaptionFacts,
    Finding,
    HouseStyle,
    PictureFacts,
    Severity,
    check_caption,
    picture_facts,
)
from photodesk.metadata.read import read_file
from tests.core.rules.facts import PICTURES, ZORINA_AFP, facts, picture
from tests.metadata.crafted import iim, irb, jpeg, segment, with_segments

CAPTION = "Cargo cranes at the port of Vladivostok, Russia, on October 10, 2024."
CREDIT = "Yulia Zorina / AFP"
PICTURE_CODES = ("PD301", "PD302", "PD303", "PD304", "PD305")
LEGACY_IIM = "Exiv2__exiv2/exiv2-bug937.jpg"  # 1024×768, IIM "© Corbis" with no 1:90


def found(subject: PictureFacts, house: HouseStyle | None = None) -> dict[str, Finding]:
    """The PD3xx findings of a caption linked to ``subject``, by code."""
    checked = check_caption(facts(CAPTION, CREDIT, None, picture=subject), house or HouseStyle())
    return {f.code: f for f in checked if f.code in PICTURE_CODES}


def read(path: Path, missing: bool = False) -> PictureFacts:
    """A file's facts as the desk gets them from a scan."""
    return picture_facts(read_file(path), missing=missing)


def written(tmp_path: Path, mode: str, size: tuple[int, int], name: str = "p.jpg") -> PictureFacts:
    """A real JPEG that Pillow writes in ``mode``, read back."""
    path = tmp_path / name
    Image.new(mode, size, "white").save(path, "JPEG", quality=80)
    return read(path)


@pytest.mark.parametrize("name", sorted(p.name for p in PICTURES.glob("*.[jJ][pP][gG]")))
def test_a_demo_picture_fires_no_picture_rule(name: str) -> None:
    assert found(picture(name)) == {}


def test_pd301_a_vanished_file_is_an_error_and_nothing_else(tmp_path: Path) -> None:
    """Read at the scan, gone since: the other rules would judge a file that is not there."""
    subject = written(tmp_path, "CMYK", (300, 200))
    (tmp_path / "p.jpg").unlink()
    hits = found(replace(subject, missing=True))
    assert set(hits) == {"PD301"}
    assert hits["PD301"].severity is Severity.ERROR
    assert "gone since the scan" in hits["PD301"].message
    assert "PD301" not in found(subject)


def test_pd301_also_stands_alone_when_the_desk_recorded_why(tmp_path: Path) -> None:
    """The services keep the rescan's reason ("no such file") beside ``missing``: PD301 only."""
    path = tmp_path / "gone.jpg"
    subject = read(path, missing=True)
    assert subject.error == "no such file"
    assert set(found(subject)) == {"PD301"}


@pytest.mark.parametrize(("cut", "reason"), [(0, "empty file"), (100, "runs past the end")])
def test_pd302_an_empty_or_cut_off_file_says_why(tmp_path: Path, cut: int, reason: str) -> None:
    path = tmp_path / "cut.jpg"
    path.write_bytes((PICTURES / ZORINA_AFP).read_bytes()[:cut])
    hits = found(read(path))
    assert set(hits) == {"PD302"}
    assert hits["PD302"].severity is Severity.ERROR
    assert reason in hits["PD302"].message


def test_pd302_does_not_fire_on_a_readable_file_with_lesser_problems(tmp_path: Path) -> None:
    """A JPEG cut inside its image data still has its metadata: a warning, not unreadable."""
    data = (PICTURES / ZORINA_AFP).read_bytes()
    path = tmp_path / "short.jpg"
    path.write_bytes(data[: len(data) // 2])
    subject = read(path)
    assert subject.error is None and subject.warnings
    assert "PD302" not in found(subject)


def test_pd303_a_300x200_picture_is_too_small(tmp_path: Path) -> None:
    hits = found(written(tmp_path, "RGB", (300, 200)))
    assert set(hits) == {"PD303"}
    assert hits["PD303"].severity is Severity.WARNING
    assert "300×200" in hits["PD303"].message and "1024" in hits["PD303"].message


def test_pd303_judges_the_longer_side_against_the_house_minimum(tmp_path: Path) -> None:
    portrait = written(tmp_path, "RGB", (200, 300))
    assert "PD303" in found(portrait)
    assert "PD303" not in found(portrait, HouseStyle(min_long_edge=300))
    assert "PD303" in found(portrait, HouseStyle(min_long_edge=301))
    assert "PD303" not in found(picture(ZORINA_AFP), HouseStyle(min_long_edge=1200))


def test_pd304_a_cmyk_jpeg_is_an_error_for_the_web(tmp_path: Path) -> None:
    subject = written(tmp_path, "CMYK", (1600, 1000))
    assert subject.color_mode == "cmyk"
    hits = found(subject)
    assert set(hits) == {"PD304"}
    assert hits["PD304"].severity is Severity.ERROR
    assert "CMYK" in hits["PD304"].message and "RGB" in hits["PD304"].message


def test_pd304_is_silent_for_print_and_for_rgb_or_gray(tmp_path: Path) -> None:
    assert found(written(tmp_path, "CMYK", (1600, 1000)), HouseStyle(web=False)) == {}
    assert found(written(tmp_path, "L", (1600, 1000), "gray.jpg")) == {}
    assert found(written(tmp_path, "RGB", (1600, 1000), "rgb.jpg")) == {}


def test_pd305_fires_on_a_real_file_with_undeclared_8bit_iim(shared_dir: Path) -> None:
    hits = found(read(shared_dir / "corpus" / "real" / LEGACY_IIM))
    assert set(hits) == {"PD305"}
    assert hits["PD305"].severity is Severity.WARNING
    assert "cp1252" in hits["PD305"].message and hits["PD305"].fix is None


def test_pd305_is_silent_on_undeclared_iim_that_is_plain_ascii(shared_dir: Path) -> None:
    """ExifTool's IPTC.jpg has no 1:90 either, but ASCII reads the same in every code page."""
    subject = read(shared_dir / "corpus" / "real" / "exiftool__exiftool" / "IPTC.jpg")
    assert subject.charset == "cp1252"
    assert "PD305" not in found(subject)


@pytest.mark.parametrize(
    ("charset", "fires"), [(None, True), (b"\x1b%G", False)], ids=["undeclared", "utf-8"]
)
def test_pd305_on_a_hand_built_app13(tmp_path: Path, charset: bytes | None, fires: bool) -> None:
    """Montréal in cp1252 bytes with no 1:90 fires; in UTF-8 bytes declared by 1:90 it does not."""
    city = "Montréal".encode("utf-8" if charset else "cp1252")
    head = [(1, 90, charset)] if charset else []
    block = iim(*head, (2, 0, b"\x00\x04"), (2, 90, city), (2, 110, b"AFP"))
    app13 = segment(0xED, b"Photoshop 3.0\x00" + irb((0x0404, block)))
    path = tmp_path / "iim.jpg"
    path.write_bytes(with_segments(jpeg((1600, 1000)), app13))
    subject = read(path)
    assert subject.text("city") == "Montréal"
    assert any(w.startswith(LEGACY_IIM_CHARSET) for w in subject.warnings) is fires
    assert set(found(subject)) == ({"PD305"} if fires else set())


def test_an_unlinked_caption_fires_no_picture_rule() -> None:
    """A caption with no picture is PD401's finding; the picture rules have nothing to judge."""
    subject = CaptionFacts(CAPTION, CREDIT, None)
    assert not {f.code for f in check_caption(subject, HouseStyle())} & set(PICTURE_CODES)


def test_the_house_can_turn_a_picture_rule_down_or_off(tmp_path: Path) -> None:
    cmyk = written(tmp_path, "CMYK", (1600, 1000))
    turned_down = HouseStyle(severities={"PD304": Severity.WARNING})
    assert found(cmyk, turned_down)["PD304"].severity is Severity.WARNING
    assert found(cmyk, HouseStyle(severities={"PD304": None})) == {}
