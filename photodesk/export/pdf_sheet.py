"""``export --format pdf``: the contact sheet as a PDF (A4), for desks that file or mail a PDF.

The same entries and words as the HTML sheet (``export.contact``), laid out with fpdf2 in
Roboto (shipped by the ``font-roboto`` package: a Unicode font that needs no network and no
system fonts, so ``Léa Fournier`` and ``Ri Sŏng Chŏl`` print as spelled on any machine). Each
entry is first drawn on trial (``offset_rendering``): an entry that would cross a page boundary
starts on the next page instead, and an article's heading is kept with its first entry.

Roboto has no check mark or warning sign, so the status symbol is drawn as a shape (circle ok,
triangle warning, filled square error) beside the status word: it reads without colour.

Roboto has no CJK glyphs either, and fpdf2 would drop a character its font lacks without a
trace (``金正恩 (Kim Jong Un)`` printed as `` (Kim Jong Un)``, a caption silently changed). So
every string is checked against the font's own character map as it is drawn
(``normalize_text``, which fpdf2 runs on all text): a character the font cannot show becomes
U+FFFD, which it can, so the reader sees that something is missing, and is listed in
``RenderedPdf.unshown`` for the command line to name. fpdf2's own log line about missing glyphs
is kept off the console (only the CLI prints).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import font_roboto
from fpdf import FPDF
from fpdf.fonts import TTFFont

from photodesk.export.contact import NO_PICTURE, Entry, Group, file_name, groups, summary
from photodesk.export.sheet import Preview, Sheet

FONT = "Roboto"
THUMB = 42.0  # mm, the thumbnail's box
GAP = 4.0  # mm between thumbnail and text, and between entries
LINE = 4.6  # mm per line of 9-point text
PLACEHOLDER = "\ufffd"  # shown for a character the font lacks (Roboto has U+FFFD)
LISTED = 10  # unshown characters a notice names


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """The PDF and the characters its font could not show (each once, in order of appearance),
    which it shows as PLACEHOLDER instead."""

    data: bytes
    unshown: tuple[str, ...] = ()

    @property
    def notice(self) -> str | None:
        """One line for the person exporting, or None when every character was shown."""
        if not self.unshown:
            return None
        listed = " ".join(self.unshown[:LISTED]) + (" …" if len(self.unshown) > LISTED else "")
        count = len(self.unshown)
        return (
            f"{count} character{'s' if count > 1 else ''} the PDF font cannot show ({listed}), "
            f"shown as {PLACEHOLDER}; the HTML sheet shows them"
        )


class _SheetPdf(FPDF):
    """fpdf2's FPDF that shows a character its current font lacks as PLACEHOLDER, and keeps it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unshown: dict[str, None] = {}  # an ordered set

    def normalize_text(self, text: str) -> str:
        font = self.current_font
        if isinstance(font, TTFFont):
            missing = {c for c in text if c >= " " and ord(c) not in font.cmap}
            if missing:
                self.unshown.update((c, None) for c in text if c in missing)
                text = "".join(PLACEHOLDER if c in missing else c for c in text)
        return super().normalize_text(text)


def render_pdf(sheet: Sheet, previews: Mapping[str, Preview], generated: str = "") -> bytes:
    """The contact sheet as PDF bytes."""
    return render_pdf_sheet(sheet, previews, generated).data


def render_pdf_sheet(
    sheet: Sheet, previews: Mapping[str, Preview], generated: str = ""
) -> RenderedPdf:
    """The contact sheet as PDF bytes, with the characters it had to show as PLACEHOLDER."""
    pdf = _document()
    with _fpdf_quiet():
        pdf.add_page()
        _title(pdf, sheet, generated)
        for group in groups(sheet, previews):
            for index, entry in enumerate(group.entries):
                heading = group if index == 0 else None
                with pdf.offset_rendering() as trial:
                    _block(cast(FPDF, trial), heading, entry)
                if trial.page_break_triggered:
                    pdf.add_page()
                _block(pdf, heading, entry)
        data = bytes(pdf.output())
    return RenderedPdf(data, tuple(pdf.unshown))


@contextmanager
def _fpdf_quiet() -> Iterator[None]:
    """Keep fpdf2's log (its "missing glyphs" line) off the console: only the CLI prints, and
    what the log would say is in ``RenderedPdf.unshown``."""
    logger = logging.getLogger("fpdf")
    handler, propagate = logging.NullHandler(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _block(pdf: FPDF, heading: Group | None, entry: Entry) -> None:
    """One entry, after its article's heading when it is the first: drawn whole on one page."""
    if heading is not None:
        _heading(pdf, heading)
    _entry(pdf, entry)


def _document() -> _SheetPdf:
    pdf = _SheetPdf(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(auto=True, margin=12)
    regular = Path(font_roboto.Roboto)
    pdf.add_font(FONT, "", regular)
    pdf.add_font(FONT, "B", regular.with_name("Roboto-Bold.ttf"))
    pdf.add_font(FONT, "I", regular.with_name("Roboto-Italic.ttf"))
    pdf.set_title("Caption sheet")
    pdf.set_creator("photodesk")
    return pdf


def _title(pdf: FPDF, sheet: Sheet, generated: str) -> None:
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 8, "Caption sheet", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, LINE, summary(sheet), align="L", new_x="LMARGIN", new_y="NEXT")
    _legend(pdf)
    if generated:
        pdf.multi_cell(0, LINE, generated, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(GAP)


def _legend(pdf: FPDF) -> None:
    """``Status:`` then each status's shape and word, on one line."""
    pdf.set_font(FONT, "", 9)
    pdf.cell(pdf.get_string_width("Status: ") + 1, LINE, "Status: ")
    for status in ("ok", "warning", "error"):
        _symbol(pdf, status, pdf.get_x() + 1.6, pdf.get_y() + LINE / 2)
        pdf.set_x(pdf.get_x() + 4.5)
        pdf.cell(pdf.get_string_width(status) + 4, LINE, status)
    pdf.ln(LINE)


def _heading(pdf: FPDF, group: Group) -> None:
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(0, 5.5, group.heading, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _entry(pdf: FPDF, entry: Entry) -> None:
    top = pdf.get_y()
    left = pdf.l_margin
    bottom = top + _thumbnail(pdf, entry, left, top)
    text_x = left + THUMB + GAP
    width = pdf.w - pdf.r_margin - text_x
    pdf.set_xy(text_x, top)
    _status(pdf, entry, text_x, width)
    _line(pdf, text_x, width, entry.caption, "", 9)
    _line(pdf, text_x, width, entry.credit or "no credit", "B" if entry.credit else "I", 9)
    where = file_name(entry.picture) if entry.picture else NO_PICTURE
    _line(pdf, text_x, width, f"{where} · {entry.key}" if entry.key else where, "", 7.5)
    for restriction in entry.restrictions:
        _line(pdf, text_x, width, f"• {restriction}", "", 8)
    end = max(bottom, pdf.get_y())
    pdf.set_draw_color(160)
    pdf.line(left, end + GAP / 2, pdf.w - pdf.r_margin, end + GAP / 2)
    pdf.set_xy(left, end + GAP)


def _thumbnail(pdf: FPDF, entry: Entry, x: float, y: float) -> float:
    """Draw the thumbnail (or the reason there is none) at x, y; its height in mm."""
    preview = entry.preview
    if preview is not None and preview.jpeg is not None:
        info = pdf.image(io.BytesIO(preview.jpeg), x, y, w=THUMB, h=THUMB, keep_aspect_ratio=True)
        return float(info.rendered_height)
    reason = NO_PICTURE if preview is None else f"no preview: {preview.problem or 'unknown'}"
    height = THUMB * 2 / 3
    pdf.set_draw_color(120)
    pdf.set_dash_pattern(dash=1, gap=1)
    pdf.rect(x, y, THUMB, height)
    pdf.set_dash_pattern()
    pdf.set_font(FONT, "I", 7.5)
    pdf.set_xy(x + 1, y + 2)
    pdf.multi_cell(THUMB - 2, 3.6, reason, align="C")
    return height


def _status(pdf: FPDF, entry: Entry, x: float, width: float) -> None:
    y = pdf.get_y()
    _symbol(pdf, entry.status, x + 1.6, y + LINE / 2)
    pdf.set_xy(x + 4.5, y)
    pdf.set_font(FONT, "B", 9)
    codes = f"  {', '.join(entry.codes)}" if entry.codes else ""
    pdf.multi_cell(
        width - 4.5, LINE, f"{entry.status}{codes}", align="L", new_x="LEFT", new_y="NEXT"
    )
    pdf.set_x(x)


def _symbol(pdf: FPDF, status: str, cx: float, cy: float) -> None:
    """A status shape centred on cx, cy: circle ok, triangle warning, filled square error."""
    pdf.set_draw_color(0)
    pdf.set_fill_color(0)
    pdf.set_line_width(0.3)
    r = 1.4
    if status == "ok":
        pdf.circle(cx, cy, r)
    elif status == "warning":
        pdf.polygon([(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)])
    elif status == "error":
        pdf.rect(cx - r, cy - r, 2 * r, 2 * r, style="F")
    else:
        pdf.line(cx - r, cy, cx + r, cy)
    pdf.set_line_width(0.2)


def _line(pdf: FPDF, x: float, width: float, text: str, style: str, size: float) -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_x(x)
    pdf.multi_cell(width, LINE * size / 9, text, align="L", new_x="LEFT", new_y="NEXT")
