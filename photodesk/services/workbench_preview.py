"""A picture small enough to draw in text cells: an RGB grid for half-block characters.

A terminal cell is about twice as tall as it is wide, so a half block (``▀``, top colour in the
foreground, bottom colour in the background) shows two square pixels per cell: a panel of
``columns`` x ``rows`` cells shows at most ``columns`` x ``2 * rows`` pixels. The picture is
fitted into that, aspect kept and never enlarged, through ``photodesk.metadata.thumbnail`` (the
EXIF thumbnail or a draft-mode JPEG decode at 1/2..1/8 scale: a camera original is never fully
decoded for a preview). The cell geometry is the UI's business; this grid is plain pixels.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from photodesk.metadata.thumbnail import ThumbnailError, make_thumbnail


@dataclass(frozen=True, slots=True)
class Preview:
    """``width`` x ``height`` pixels, ``pixels`` RGB bytes row by row (3 per pixel).

    ``height`` may be odd: the last text row then shows only its top half.
    """

    width: int
    height: int
    pixels: bytes

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The (r, g, b) of one pixel."""
        at = (y * self.width + x) * 3
        red, green, blue = self.pixels[at : at + 3]
        return red, green, blue

    def pixel_rows(self) -> list[list[tuple[int, int, int]]]:
        """The pixels as rows (top to bottom) of (r, g, b), as a half-block painter walks them."""
        data, width = self.pixels, self.width
        triples = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
        return [triples[top : top + width] for top in range(0, len(triples), width)]


def render_preview(path: str, columns: int, rows: int) -> Preview | None:
    """The picture at ``path`` fitted into ``columns`` x ``2 * rows`` pixels; None when the
    file cannot be thumbnailed (gone, broken, not a picture) or the panel has no room."""
    if columns < 1 or rows < 1:
        return None
    box = (columns, rows * 2)
    try:
        data = make_thumbnail(Path(path), max_side=max(box))
    except ThumbnailError:
        return None
    # The thumbnail is our own small JPEG, decoded from memory: no file opened here.
    with Image.open(io.BytesIO(data), formats=("JPEG",)) as image:
        small = image.convert("RGB")
    small.thumbnail(box, Image.Resampling.LANCZOS)
    return Preview(small.width, small.height, small.tobytes())


class PreviewCache:
    """The last few previews by (path, columns, rows): moving back to a caption costs nothing.

    Safe without a lock: worst case, two workers both render one preview, or evict one twice.
    """

    def __init__(self, kept: int = 64) -> None:
        self._kept = kept
        self._previews: dict[tuple[str, int, int], Preview | None] = {}

    def get(self, path: str, columns: int, rows: int) -> Preview | None:
        """The preview of ``path`` at this size, rendered on the first ask."""
        key = (path, columns, rows)
        if key not in self._previews:
            if len(self._previews) >= self._kept:  # the oldest goes
                self._previews.pop(next(iter(self._previews), key), None)
            self._previews[key] = render_preview(path, columns, rows)
        return self._previews.get(key)

    def clear(self) -> None:
        """Forget every preview (the files may have changed)."""
        self._previews.clear()
