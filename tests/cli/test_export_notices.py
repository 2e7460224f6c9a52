"""What ``export`` says on stderr about the contact sheets, through the real command line in its
own process (so that Python's warnings and fpdf2's log reach stderr as they would for a user).

A caption with characters the PDF's font lacks is exported with a placeholder and one notice
line; a picture whose EXIF Pillow finds corrupt is thumbnailed without Pillow's warning lines.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.linking_manual import link_by_hand
from photodesk.services.scanning import scan_folders
from tests.desk_fixtures import new_desk, seed_captions

CAPTION = "金正恩 (Kim Jong Un) waves in 평양"
BAD_EXIF = "python-pillow__Pillow/hopper_bad_exif.jpg"  # Pillow: "Corrupt EXIF data. ..."


def export(desk_url: str, fmt: str, target: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "photodesk", "--db", desk_url, "export", "--format", fmt]
    return subprocess.run(
        [*command, "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def desk_with_one_caption(desk_url: str, shared_dir: Path, folder: Path) -> None:
    """A desk whose only caption is CAPTION, linked to a copy of BAD_EXIF."""
    desk = new_desk(desk_url)
    [caption_id] = seed_captions(desk, 1)
    view = get_caption(desk, caption_id)
    edit_caption(desk, caption_id, view.version, {"caption": CAPTION}, editor="ann")
    folder.mkdir()
    picture = folder / Path(BAD_EXIF).name
    shutil.copyfile(shared_dir / "corpus" / "real" / BAD_EXIF, picture)
    scan_folders(desk, [folder])
    link_by_hand(desk, caption_id, str(picture), editor="ann")


def test_the_pdf_shows_what_its_font_lacks_as_a_placeholder_and_says_so_once(
    desk_url: str, shared_dir: Path, tmp_path: Path
) -> None:
    desk_with_one_caption(desk_url, shared_dir, tmp_path / "pictures")
    sheet = tmp_path / "sheet.pdf"
    done = export(desk_url, "pdf", sheet)
    assert done.returncode == 0
    notice = (
        f"photodesk: {sheet}: 5 characters the PDF font cannot show (金 正 恩 평 양), shown as "
        "\ufffd; the HTML sheet shows them"
    )
    assert notice in done.stderr.splitlines()
    assert "missing the following glyphs" not in done.stderr  # fpdf2's own line
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet.read_bytes())).pages)
    assert "\ufffd" * 3 + " (Kim Jong Un) waves in " + "\ufffd" * 2 in text


def test_pillows_warnings_do_not_reach_stderr(
    desk_url: str, shared_dir: Path, tmp_path: Path
) -> None:
    desk_with_one_caption(desk_url, shared_dir, tmp_path / "pictures")
    page = tmp_path / "sheet.html"
    done = export(desk_url, "html", page)
    assert (done.returncode, done.stderr) == (0, "")
    html = page.read_text(encoding="utf-8")
    assert CAPTION in html and 'src="data:image/jpeg;base64,' in html  # the thumbnail was made
    done = export(desk_url, "pdf", tmp_path / "sheet.pdf")
    assert done.returncode == 0
    assert "Warning" not in done.stderr and len(done.stderr.splitlines()) == 1  # the notice
