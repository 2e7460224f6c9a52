"""The HTML, PDF and ninjs renderers on hand-made rows: escaping, missing pictures and previews,
long sheets across pages (the demo desk's sheets are tested in tests/services)."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from photodesk.core.metadata import Metadata
from photodesk.export.html_sheet import render_html
from photodesk.export.ninjs_sheet import render_ninjs
from photodesk.export.pdf_sheet import render_pdf, render_pdf_sheet
from photodesk.export.sheet import Preview, Sheet, SheetCaption, SheetPicture

BROKEN = "/desk/broken.jpg"


def caption(number: int, text: str, picture: str | None, status: str = "ok") -> SheetCaption:
    return SheetCaption(
        id=number,
        article="/desk/story.md",
        position=number,
        caption=text,
        credit=None if picture is None else "Léa Fournier/Getty Images",
        parsed=None,
        picture=picture,
        status=status,
        findings=("PD401",) if picture is None else (),
    )


SHEET = Sheet(
    captions=(
        caption(1, "Kim <script>alert(1)</script> & Putin", None, "warning"),
        caption(2, "A broken file", BROKEN),
    ),
    pictures=(
        SheetPicture(BROKEN, Metadata(BROKEN, values={"usage_terms": "NO SALES"}), {}, (2,)),
    ),
)
PREVIEWS = {BROKEN: Preview(problem="not a picture format photodesk can thumbnail")}


def test_html_escapes_text_and_says_why_a_cell_has_no_picture() -> None:
    text = render_html(SHEET, PREVIEWS).decode("utf-8")
    assert "<script>" not in text and "Kim &lt;script&gt;alert(1)&lt;/script&gt; &amp;" in text
    assert "no picture linked" in text
    assert "no preview: not a picture format photodesk can thumbnail" in text
    assert "Usage terms: NO SALES" in text
    assert '<span class="symbol" aria-hidden="true">▲</span> warning' in text


def test_pdf_keeps_every_entry_whole_over_many_pages() -> None:
    long = "A long caption about the Amur Trade Forum in Khabarovsk. " * 12
    captions = tuple(caption(n, f"{n}: {long}", BROKEN) for n in range(1, 25))
    pictures = (SheetPicture(BROKEN, Metadata(BROKEN), {}, tuple(range(1, 25))),)
    data = render_pdf(Sheet(captions, pictures), PREVIEWS)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) > 3
    for n in range(1, 25):
        [page] = [p for p in pages if f" {n}: A long caption" in f" {p}"]
        assert f"caption {n} (#{n})" in page  # the entry's last line is on the same page


def test_ninjs_leaves_out_what_a_caption_does_not_have() -> None:
    document = json.loads(render_ninjs(SHEET))
    [article] = document["associations"]
    unlinked, linked = article["associations"]
    assert [d["role"] for d in unlinked["descriptions"]] == ["caption"]
    assert "renditions" not in unlinked and "by" not in unlinked
    assert linked["usageterms"] == "NO SALES"
    assert linked["renditions"] == [{"name": "original", "href": "file:///desk/broken.jpg"}]


def test_pdf_shows_a_character_its_font_lacks_as_a_placeholder_and_names_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Roboto has no CJK: fpdf2 alone would print " (Kim Jong Un) waves in ", a caption changed
    without a trace. The sheet shows U+FFFD in its place and names the characters once each."""
    kim = "金正恩 (Kim Jong Un) waves in 평양, 金正恩"
    pdf = render_pdf_sheet(Sheet((caption(1, kim, None),)), {})
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "\ufffd\ufffd\ufffd (Kim Jong Un) waves in \ufffd\ufffd, \ufffd\ufffd\ufffd" in text
    assert pdf.unshown == ("金", "正", "恩", "평", "양")
    assert pdf.notice == (
        "5 characters the PDF font cannot show (金 正 恩 평 양), shown as \ufffd; "
        "the HTML sheet shows them"
    )
    assert not [r for r in caplog.records if r.name.startswith("fpdf")]  # fpdf2's log kept quiet
    assert render_pdf_sheet(SHEET, PREVIEWS).notice is None  # Léa, Sŏng: Roboto has them
