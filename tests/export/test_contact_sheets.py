"""The HTML, PDF and ninjs renderers on hand-made rows: escaping, missing pictures and previews,
long sheets across pages (the demo desk's sheets are tested in tests/services)."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader

from photodesk.core.metadata import Metadata
from photodesk.export.html_sheet import render_html
from photodesk.export.ninjs_sheet import render_ninjs
from photodesk.export.pdf_sheet import render_pdf
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
