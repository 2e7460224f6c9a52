"""A picture small enough to draw in text cells: an RGB grid for half-block characters.

A terminal cell is about twice as tall as it is wide, so a half block (``▀``, top colour in the
foreground, bottom colour in the background) shows two square pixels per cell: a panel of
``columns`` x ``rows`` cells shows at most ``columns`` x ``2 * rows`` pixels. The picture is
fitted into that, aspect kept and never enlarged, through ``photodesk.metadata.thumbnail`` (the
EXIF thumbnail or a draft-mode JPEG decode at 1/2..1/8 scale: a camera original is never fully
decoded for a preview). The cell geometry is the UI's business; this grid is plain pixels.

A terminal that draws real images (Kitty graphics, Sixel) wants more than the grid: each preview
carries a ``PictureFile`` whose ``thumbnail`` makes, on the first ask, a bigger thumbnail of the
same file through the same route. It is asked for by the UI's worker only on such a terminal, so
the grid (all a half-block terminal, a test or the benchmark needs) costs what it always did.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from photodesk.metadata.thumbnail import ThumbnailError, make_thumbnail


class PictureFile:
    """The file a preview was made from, for a bigger thumbnail on request.

    The UI holds it and asks; the service reads the file (in the asking worker), so the UI still
    opens nothing. Thumbnails are kept per size: coming back to a caption reads nothing again.
    """

    __slots__ = ("_lock", "_made", "_path")

    def __init__(self, path: str) -> None:
        self._path = path
        self._made: dict[int, Image.Image | None] = {}
        self._lock = threading.Lock()  # two workers asking at once read the file once

    def thumbnail(self, max_side: int) -> Image.Image | None:
        """The picture fitted into ``max_side`` x ``max_side``, upright, RGB and decoded (never
        enlarged); None when it cannot be thumbnailed now. Treat it as read-only: it is shared."""
        with self._lock:
            if max_side not in self._made:
                self._made[max_side] = _decoded_thumbnail(self._path, max_side)
            return self._made[max_side]


@dataclass(frozen=True, slots=True)
class Preview:
    """``width`` x ``height`` pixels, ``pixels`` RGB bytes row by row (3 per pixel).

    ``height`` may be odd: the last text row then shows only its top half. ``picture`` is where
    it came from (None for a grid made by hand); it takes no part in equality, so two previews
    with the same pixels still paint from the same cached lines.
    """

    width: int
    height: int
    pixels: bytes
    picture: PictureFile | None = field(default=None, compare=False, repr=False)

    def thumbnail(self, max_side: int) -> Image.Image | None:
        """A bigger picture of the same file, for a terminal that draws images (see
        ``PictureFile.thumbnail``); it reads the file on the first ask, so call it in a worker."""
        return None if self.picture is None else self.picture.thumbnail(max_side)

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
    return Preview(small.width, small.height, small.tobytes(), PictureFile(path))


def _decoded_thumbnail(path: str, max_side: int) -> Image.Image | None:
    """``make_thumbnail``'s JPEG at ``max_side``, decoded from memory; None when it fails."""
    if max_side < 1:
        return None
    try:
        data = make_thumbnail(Path(path), max_side=max_side)
    except ThumbnailError:
        return None
    with Image.open(io.BytesIO(data), formats=("JPEG",)) as image:
        return image.convert("RGB")


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
