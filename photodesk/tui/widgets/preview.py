"""A picture preview drawn with half blocks: two pixels per character cell, any terminal.

``▀`` painted with the upper pixel as foreground and the lower as background gives square-ish
pixels at twice the vertical resolution of text. The pixels come from ``wb.preview`` (a small
RGB grid the service made from the thumbnail); this widget only paints them, as ready-made
lines of segments (Textual's line API): a preview is 200-odd differently coloured cells, and
going through styled text would cost tens of milliseconds on every cursor step.

Where the terminal draws real images (the Kitty graphics protocol, Sixel), the panel shows the
picture itself through textual-image in a ``PictureFrame`` instead. textual-image asks the
terminal what it can do *when it is imported* (escape-sequence queries answered on stdin, 0.1 s
each at most), which only works before Textual starts reading stdin: so ``GRAPHICS`` is settled
here, at import, which ``photodesk edit`` does before it runs the app. Nothing is asked, and
textual-image is not even imported, unless stdin and stdout are both terminals that could answer
(not under pytest, a pipe or CI; not the Linux console) and ``PHOTODESK_IMAGES`` is not
``cells``. A headless app (tests, snapshots, the benchmark) always gets half blocks.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Container
from textual.strip import Strip
from textual.widget import Widget

from photodesk.services.workbench import Preview

if TYPE_CHECKING:
    from PIL.Image import Image as PictureImage
    from textual_image.widget._base import Image as ImageWidget

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


IMAGES_SETTING = "PHOTODESK_IMAGES"  # "cells": half blocks even where the terminal draws images
MUTE_TERMINALS = {"", "dumb", "linux"}  # no answer to expect, or the query would print as text
FALLBACK_CELL = (10, 20)  # pixels of a cell when textual-image was never asked (VT340's)


def _detect() -> type[ImageWidget] | None:
    """textual-image's widget for this terminal if it draws images, else None (half blocks).

    Its warnings go nowhere: logging's last resort would print them over the terminal.
    """
    if os.environ.get(IMAGES_SETTING, "auto").strip().lower() == "cells":
        return None
    streams = (sys.__stdin__, sys.__stdout__)
    if any(stream is None or not stream.isatty() for stream in streams):
        return None
    if os.environ.get("TERM", "") in MUTE_TERMINALS:
        return None
    logging.getLogger("textual_image").addHandler(logging.NullHandler())
    try:
        from textual_image import renderable as found
        from textual_image import widget as widgets
    except Exception:  # a terminal that answers oddly, a stream closed meanwhile: half blocks
        return None
    if found.Image is found.TGPImage:
        return widgets.TGPImage
    if found.Image is found.SixelImage:
        return widgets.SixelImage
    return None


GRAPHICS: type[ImageWidget] | None = _detect()
_forced: list[type[ImageWidget]] = []


def graphics_widget(app: App[object]) -> type[ImageWidget] | None:
    """The textual-image widget that draws pictures in ``app``; None for half blocks. A
    headless app never draws images, whatever terminal runs it: the snapshots stay as they are."""
    if _forced:
        return _forced[-1]
    return None if app.is_headless else GRAPHICS


@contextmanager
def graphics_forced(widget: type[ImageWidget]) -> Iterator[None]:
    """Draw pictures with ``widget`` (one of textual-image's) even headless: for tests of the
    image path, which no test terminal would otherwise take."""
    _forced.append(widget)
    try:
        yield
    finally:
        _forced.remove(widget)


def cell_pixels() -> tuple[int, int]:
    """A cell's width and height in pixels, as textual-image measured them (it asks once)."""
    if "textual_image" not in sys.modules:
        return FALLBACK_CELL
    from textual_image._terminal import get_cell_size

    try:
        size = get_cell_size()
    except Exception:  # stdout closed: its own fallback is VT340's too
        return FALLBACK_CELL
    return size.width, size.height


def picture_side(columns: int, rows: int) -> int:
    """The thumbnail side that covers ``columns`` x ``rows`` cells at this terminal's cell size:
    enough pixels to look sharp, no more to send."""
    width, height = cell_pixels()
    return max(columns * width, rows * height)


class PictureFrame(Container):
    """The real picture, on a terminal that draws images: ``columns`` x ``rows`` cells holding
    one of textual-image's widgets, sized to the picture's aspect inside them.

    Hidden until a picture is there. A picture is handed to textual-image only when it is not
    the one shown already: each hand-over sends the image to the terminal again.
    """

    DEFAULT_CSS = """
    PictureFrame { display: none; }
    PictureFrame > * { width: auto; height: auto; }
    """

    def __init__(
        self, widget: type[ImageWidget], columns: int, rows: int, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.styles.width, self.styles.height = columns, rows
        self.picture = widget()
        self.shown: Preview | None = None

    def compose(self) -> ComposeResult:
        yield self.picture

    def show(self, preview: Preview, picture: PictureImage) -> None:
        """Draw ``picture`` (made from ``preview``'s file) unless it is drawn already."""
        if self.shown is None or self.shown.picture is not preview.picture:
            self.picture.image = picture
            self.shown = preview
        self.display = True
