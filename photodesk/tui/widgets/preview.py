"""A picture preview drawn with half blocks: two pixels per character cell, any terminal.

``▀`` painted with the upper pixel as foreground and the lower as background gives square-ish
pixels at twice the vertical resolution of text. The pixels come from ``wb.preview`` (a small
RGB grid the service made from the thumbnail); this widget only paints them, as ready-made
lines of segments (Textual's line API): a preview is 200-odd differently coloured cells, and
going through styled text would cost tens of milliseconds on every cursor step.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from photodesk.services.workbench import Preview

RGB = tuple[int, int, int]
UPPER_HALF = "▀"
BLACK: RGB = (0, 0, 0)


def half_block_lines(pixel_rows: Sequence[Sequence[RGB]]) -> list[list[Segment]]:
    """Pixel rows (top to bottom) as lines of cells, each the pair of rows ``2i``, ``2i+1``.

    An odd last row is paired with black, so a picture of any height draws.
    """
    lines = []
    for top in range(0, len(pixel_rows), 2):
        upper = pixel_rows[top]
        lower = pixel_rows[top + 1] if top + 1 < len(pixel_rows) else [BLACK] * len(upper)
        lines.append(
            [Segment(UPPER_HALF, _style(a, b)) for a, b in zip(upper, lower, strict=False)]
        )
    return lines


def _style(above: RGB, below: RGB) -> Style:
    """Colours built from the numbers, not parsed from text."""
    return Style.from_color(Color.from_rgb(*above), Color.from_rgb(*below))


@lru_cache(maxsize=64)
def preview_strips(preview: Preview) -> tuple[Strip, ...]:
    """The preview's lines, made once per picture: a worker makes them before the preview is
    posted, and coming back to a caption paints lines already made."""
    return tuple(Strip(line) for line in half_block_lines(preview.pixel_rows()))


class PicturePreview(Widget):
    """The linked picture, or a line saying why there is none to show."""

    DEFAULT_CSS = "PicturePreview { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: Sequence[Strip] = ()
        self._message: str | None = None

    def show(self, preview: Preview) -> None:
        """Paint the picture."""
        self._lines, self._message = preview_strips(preview), None
        self.refresh()

    def show_message(self, message: str) -> None:
        """No picture to paint (unlinked, missing file, still loading)."""
        if message == self._message:
            return
        text = Text(message, style="dim italic")
        self._lines = [Strip(list(text.render(self.app.console)))] if message else []
        self._message = message
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One line of the picture (blank under it); a line as wide as the widget as it is."""
        width = self.size.width
        line = self._lines[y] if y < len(self._lines) else None
        if line is not None and line.cell_length == width:
            return line
        return (line or Strip.blank(width)).crop_extend(0, width, self.rich_style)
