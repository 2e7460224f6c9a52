"""Small JPEG thumbnails for the desk and the contact sheet, as cheaply as the file allows.

A camera original is 24+ megapixels; the desk wants 320 pixels. So, cheapest first: the embedded
EXIF thumbnail when it is big enough, else a JPEG decoded at 1/2 .. 1/8 scale by libjpeg itself
(Pillow's ``draft``: the DCT does the shrinking, most pixels are never produced), and a full decode
only for formats that have no smaller path. Hostile files are bounded before any decoding: a header
claiming more than PIXEL_BUDGET pixels is refused, and every failure becomes a ThumbnailError.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import ExifTags, Image, ImageFile, UnidentifiedImageError

from photodesk.metadata.container import UnreadableImage

PIXEL_BUDGET = 100_000_000  # a 100 MP medium-format frame still passes; 50,000 x 50,000 does not
# Only formats a desk receives (JPEG covers MPO): never EPS (it runs Ghostscript) or other exotic
# plugins that would only widen what a hostile file can reach.
FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "AVIF", "GIF", "BMP", "PSD")
JPEG_OPTIONS = {"quality": 85, "optimize": False, "progressive": False}
# EXIF thumbnails are often letterboxed 160x120 for a 3:2 frame: accept only a matching aspect.
ASPECT_TOLERANCE = 0.03
ORIENTATION = 0x0112
THUMB_OFFSET, THUMB_LENGTH = 0x0201, 0x0202
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class ThumbnailError(UnreadableImage):
    """No thumbnail for this file; the message says why (without the path)."""


def make_thumbnail(path: Path, max_side: int = 320) -> bytes:
    """JPEG bytes of the picture fitted into ``max_side`` x ``max_side``, upright.

    Raises ThumbnailError, and only that, for any file it cannot thumbnail.
    """
    try:
        with _bounded(), Image.open(path, formats=FORMATS) as image:
            small, orientation, _route = decode_small(image, max_side)
            small.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=2.0)
            return _encode(_upright(small, orientation))
    except ThumbnailError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ThumbnailError(f"header claims more than {PIXEL_BUDGET:,} pixels") from None
    except UnidentifiedImageError:
        raise ThumbnailError("not a picture format photodesk can thumbnail") from None
    except Exception as error:  # Pillow raises many types on broken input; each is this file's
        raise ThumbnailError(_reason(error, path)) from None


def decode_small(image: Image.Image, max_side: int) -> tuple[Image.Image, int, str]:
    """The smallest decoded image that still covers ``max_side``, its EXIF orientation and the
    route taken (``exif-thumbnail``, ``draft`` or ``full``), before the final resize."""
    _check_budget(image)
    exif, orientation = _exif(image)
    if image.format in ("JPEG", "MPO"):
        embedded = _embedded_thumbnail(image, exif, max_side)
        if embedded is not None:
            return embedded, orientation, "exif-thumbnail"
        target = _fitted(image.size, max_side)
        if image.draft("RGB", target) is not None:
            image.load()
            return image, orientation, "draft"
    image.load()
    return image, orientation, "full"


def _embedded_thumbnail(image: Image.Image, exif: Image.Exif, max_side: int) -> Image.Image | None:
    """The EXIF (IFD1) JPEG thumbnail, if it is at least ``max_side`` long and not letterboxed."""
    raw = image.info.get("exif")
    if not isinstance(raw, bytes):
        return None
    try:
        ifd1 = exif.get_ifd(ExifTags.IFD.IFD1)
        offset, length = int(ifd1[THUMB_OFFSET]), int(ifd1[THUMB_LENGTH])
        start = offset + 6 if raw.startswith(b"Exif\0\0") else offset  # offsets count from TIFF
        thumb = Image.open(io.BytesIO(raw[start : start + length]), formats=("JPEG",))
        if max(thumb.size) < max_side or not _same_aspect(thumb.size, image.size):
            return None
        thumb.load()
    except Exception:  # a broken embedded thumbnail is no reason to fail: decode the picture
        return None
    return thumb


def _exif(image: Image.Image) -> tuple[Image.Exif, int]:
    """The picture's EXIF and orientation; none when too broken to read, pixels still decode."""
    try:
        exif = image.getexif()
        orientation = exif.get(ORIENTATION, 1)
    except Exception:
        return Image.Exif(), 1
    return exif, orientation if isinstance(orientation, int) else 1


def _check_budget(image: Image.Image) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ThumbnailError(f"header claims an empty picture ({width}x{height})")
    if width * height > PIXEL_BUDGET:
        raise ThumbnailError(f"header claims {width}x{height} pixels, over {PIXEL_BUDGET:,}")


def _fitted(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    width, height = size
    scale = min(1.0, max_side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _same_aspect(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return abs(a[0] / a[1] - b[0] / b[1]) <= ASPECT_TOLERANCE * (b[0] / b[1])


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    method = TRANSPOSE.get(orientation)
    return image if method is None else image.transpose(method)


def _encode(image: Image.Image) -> bytes:
    if image.mode not in ("RGB", "L"):
        image = _flatten(image)
    out = io.BytesIO()
    image.save(out, "JPEG", **JPEG_OPTIONS)
    return out.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency goes onto white, as a contact sheet shows it."""
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        backdrop = Image.new("RGB", rgba.size, "white")
        backdrop.paste(rgba, mask=rgba.getchannel("A"))
        return backdrop
    return image.convert("RGB")


def _reason(error: Exception, path: Path) -> str:
    """A short reason without the path: the caller names the file."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    text = str(error).replace(str(path), "the file").strip() or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


@contextmanager
def _bounded() -> Iterator[None]:
    """Pillow's own bomb check at our budget, and strict about truncated data, for this call.

    Pillow's check is process-global state; it is set here, around our own calls, rather than at
    import so that importing photodesk changes nothing for other Pillow users in the process.
    Pillow's other warnings about a damaged file ("Corrupt EXIF data", "Truncated File Read")
    are silenced: they would reach stderr as Python source lines in the middle of an export or
    the UI. A thumbnail is made or it is not (then ThumbnailError says why, in the sheet's
    cell); what is damaged in the file is our reader's to find and ``meta`` to show (for
    hopper_bad_exif.jpg: "IFD0 claims 32 entries; reading 10"), and a file it cannot read at
    all is named by ``scan``.
    """
    saved = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
    Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = PIXEL_BUDGET, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # checked first
            yield
    finally:
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = saved
