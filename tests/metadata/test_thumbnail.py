"""Thumbnails: the cheapest route that covers the size, and a clean error for anything broken."""

from __future__ import annotations

import contextlib
import io
import struct
import warnings
import zlib
from pathlib import Path

import exiv2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from photodesk.metadata.container import UnreadableImage
from photodesk.metadata.thumbnail import (
    PIXEL_BUDGET,
    ThumbnailError,
    decode_small,
    make_thumbnail,
)

BLUE, RED = (20, 40, 200), (220, 20, 20)


def picture(size: tuple[int, int], colour=BLUE) -> Image.Image:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).ellipse((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), "white")
    return image


def jpeg_bytes(image: Image.Image, quality: int = 85) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def with_exif(path: Path, thumb: Image.Image | None = None, orientation: int | None = None):
    """Embed an EXIF block (and an IFD1 thumbnail) the way cameras and agencies do."""
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    exif = image.exifData()
    exif["Exif.Image.Make"] = "Canon"
    if orientation is not None:
        exif["Exif.Image.Orientation"] = orientation
    if thumb is not None:
        exiv2.ExifThumb(exif).setJpegThumbnail(jpeg_bytes(thumb))
    image.writeMetadata()


@pytest.fixture(scope="module")
def camera_jpeg(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("thumb") / "camera.jpg"
    path.write_bytes(jpeg_bytes(picture((6000, 4000))))
    return path


def open_small(path: Path, max_side: int):
    with Image.open(path) as image:
        small, orientation, route = decode_small(image, max_side)
        return small.size, orientation, route


def test_camera_original_is_decoded_at_one_eighth_by_the_dct(camera_jpeg):
    # 320 px from 6000 px: libjpeg's smallest DCT scale, 1/8 (750 px), is the floor.
    assert open_small(camera_jpeg, 320) == ((750, 500), 1, "draft")


@pytest.mark.parametrize("max_side", [640, 1000, 1500, 2000])
def test_decoded_size_is_at_most_twice_the_target_when_a_dct_scale_allows(camera_jpeg, max_side):
    (width, height), _, route = open_small(camera_jpeg, max_side)
    target = (max_side, round(max_side * 4000 / 6000))
    assert route == "draft"
    assert target[0] <= width <= 2 * target[0]
    assert target[1] <= height <= 2 * target[1]


def test_thumbnail_is_a_small_jpeg_of_the_right_shape(camera_jpeg):
    data = make_thumbnail(camera_jpeg)
    with Image.open(io.BytesIO(data)) as thumb:
        assert thumb.format == "JPEG"
        assert thumb.size == (320, 213)
        assert thumb.getpixel((5, 5)) == pytest.approx(BLUE, abs=12)


def test_big_enough_exif_thumbnail_is_used_instead_of_the_pixels(tmp_path):
    path = tmp_path / "agency.jpg"
    path.write_bytes(jpeg_bytes(picture((3000, 2000), BLUE)))
    with_exif(path, thumb=picture((480, 320), RED))
    assert open_small(path, 320)[2] == "exif-thumbnail"
    with Image.open(io.BytesIO(make_thumbnail(path, 320))) as thumb:
        assert thumb.size == (320, 213)
        assert thumb.getpixel((5, 5)) == pytest.approx(RED, abs=12)  # the thumbnail's colour


def test_small_exif_thumbnail_is_not_blown_up(tmp_path):
    path = tmp_path / "agency.jpg"
    path.write_bytes(jpeg_bytes(picture((3000, 2000), BLUE)))
    with_exif(path, thumb=picture((160, 107), RED))
    assert open_small(path, 320)[2] == "draft"
    assert open_small(path, 160)[2] == "exif-thumbnail"
    with Image.open(io.BytesIO(make_thumbnail(path, 320))) as thumb:
        assert thumb.getpixel((5, 5)) == pytest.approx(BLUE, abs=12)


def test_letterboxed_exif_thumbnail_is_not_used(tmp_path):
    path = tmp_path / "letterbox.jpg"
    path.write_bytes(jpeg_bytes(picture((3000, 2000))))
    with_exif(path, thumb=picture((480, 360), RED))  # 4:3 for a 3:2 frame: black bars
    assert open_small(path, 320)[2] == "draft"


def test_exif_orientation_makes_the_thumbnail_upright(tmp_path):
    path = tmp_path / "rotated.jpg"
    path.write_bytes(jpeg_bytes(picture((1200, 800))))
    with_exif(path, orientation=6)
    with Image.open(io.BytesIO(make_thumbnail(path, 300))) as thumb:
        assert thumb.size == (200, 300)


def test_png_with_alpha_is_thumbnailed_onto_white(tmp_path):
    path = tmp_path / "logo.png"
    Image.new("RGBA", (1000, 500), (0, 0, 0, 0)).save(path)
    assert open_small(path, 100)[2] == "full"
    with Image.open(io.BytesIO(make_thumbnail(path, 100))) as thumb:
        assert (thumb.mode, thumb.size) == ("RGB", (100, 50))
        assert thumb.getpixel((50, 25)) == pytest.approx((255, 255, 255), abs=3)


def test_small_picture_is_not_enlarged(tmp_path):
    path = tmp_path / "small.jpg"
    path.write_bytes(jpeg_bytes(picture((200, 100))))
    with Image.open(io.BytesIO(make_thumbnail(path, 320))) as thumb:
        assert thumb.size == (200, 100)


def huge_jpeg(width: int, height: int) -> bytes:
    """A valid small JPEG whose SOF0 header is patched to claim width x height."""
    data = bytearray(jpeg_bytes(picture((16, 16))))
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def huge_png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"\0\0\0\0IEND\xaeB`\x82"


def truncated_jpeg() -> bytes:
    data = jpeg_bytes(Image.effect_noise((800, 600), 50).convert("RGB"))
    return data[: len(data) // 2]


BROKEN = {
    "empty.jpg": b"",
    "text.jpg": b"This is not a picture, only a name that says so.\n" * 20,
    "truncated.jpg": truncated_jpeg(),
    "header-only.jpg": jpeg_bytes(picture((64, 64)))[:40],
    "bomb.jpg": huge_jpeg(50_000, 50_000),
    "bomb.png": huge_png(50_000, 50_000),
    "zero-width.png": huge_png(0, 10),
    "eps.jpg": b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_give_the_clean_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BROKEN[name])
    with pytest.raises(ThumbnailError) as caught:
        make_thumbnail(path)
    assert isinstance(caught.value, UnreadableImage)
    assert str(caught.value)
    assert str(path) not in str(caught.value)  # the caller names the file


def test_pixel_budget_is_named_in_the_error(tmp_path):
    path = tmp_path / "bomb.jpg"
    path.write_bytes(huge_jpeg(50_000, 50_000))
    with pytest.raises(ThumbnailError, match="pixels"):
        make_thumbnail(path)
    assert PIXEL_BUDGET < 50_000 * 50_000


def test_pillow_global_limits_are_restored(tmp_path):
    before = Image.MAX_IMAGE_PIXELS
    path = tmp_path / "bomb.jpg"
    path.write_bytes(huge_jpeg(50_000, 50_000))
    with pytest.raises(ThumbnailError):
        make_thumbnail(path)
    assert before == Image.MAX_IMAGE_PIXELS


def test_missing_file_is_the_clean_error(tmp_path):
    with pytest.raises(ThumbnailError):
        make_thumbnail(tmp_path / "gone.jpg")


SEED_JPEG = jpeg_bytes(picture((96, 64)))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(0, len(SEED_JPEG)),
    flips=st.lists(st.tuples(st.integers(0, len(SEED_JPEG) - 1), st.integers(1, 255)), max_size=8),
)
def test_mutated_jpegs_give_a_thumbnail_or_the_clean_error(tmp_path, cut, flips):
    data = bytearray(SEED_JPEG[:cut])
    for at, mask in flips:
        if at < len(data):
            data[at] ^= mask
    path = tmp_path / "mutant.jpg"
    path.write_bytes(bytes(data))
    try:
        thumb = make_thumbnail(path, 32)
    except ThumbnailError:
        return
    with Image.open(io.BytesIO(thumb)) as image:
        assert max(image.size) <= 32


@pytest.mark.parametrize(
    "name",
    ["python-pillow__Pillow/hopper_bad_exif.jpg", "Exiv2__exiv2/heap-oob-write.tiff"],
)
def test_pillows_warnings_about_a_damaged_file_do_not_escape(shared_dir: Path, name: str) -> None:
    """Pillow warns ("Corrupt EXIF data", "Truncated File Read") on these corpus files; a warning
    shown would be a Python source line on stderr in the middle of an export."""
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        # heap-oob-write.tiff has no picture to show: a "no preview" cell, and no warning
        with contextlib.suppress(ThumbnailError):
            make_thumbnail(shared_dir / "corpus" / "real" / name)
    assert [str(w.message) for w in shown] == []
