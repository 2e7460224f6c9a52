"""Fingerprints: the image hash survives a caption rewrite, and nothing else does."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path

import exiv2
import pytest
from PIL import Image

from photodesk.metadata.fingerprint import EMPTY_SHA256, fingerprint, image_digest


def noise_picture(path: Path, fmt: str) -> Path:
    Image.effect_noise((640, 480), 40).convert("RGB").save(path, fmt)
    return path


def recaption(path: Path, caption: str) -> None:
    """Change only metadata, in place, with the same library the desk writes back with."""
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    image.xmpData()["Xmp.dc.description"] = caption
    if image.mimeType() == "image/jpeg":
        image.exifData()["Exif.Image.ImageDescription"] = caption
        image.iptcData()["Iptc.Application2.Caption"] = caption
    image.writeMetadata()


def flip_entropy_byte(path: Path) -> None:
    """Change one byte in the middle of the JPEG's entropy-coded data, never making a marker."""
    data = bytearray(path.read_bytes())
    sos = data.index(b"\xff\xda")
    at = sos + 2 + int.from_bytes(data[sos + 2 : sos + 4], "big") + 1000
    while 0xFF in (data[at - 1], data[at], data[at] ^ 0x01):
        at += 1
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_whole_file_hash_size_and_mtime(tmp_path):
    path = noise_picture(tmp_path / "a.jpg", "JPEG")
    print_ = fingerprint(path)
    info = path.stat()
    assert print_.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (print_.size, print_.mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert print_.image_sha256 is not None
    assert print_.image_sha256 != print_.sha256


@pytest.mark.parametrize(("name", "fmt"), [("a.jpg", "JPEG"), ("a.png", "PNG")])
def test_metadata_only_change_keeps_the_image_hash(tmp_path, name, fmt):
    original = noise_picture(tmp_path / name, fmt)
    copy = tmp_path / f"copy-{name}"
    shutil.copyfile(original, copy)
    recaption(copy, "Jürgen Müßig fotografiert den Rynek in Kraków, Łódź, Москва.")
    before, after = fingerprint(original), fingerprint(copy)
    assert after.sha256 != before.sha256
    assert after.size != before.size
    assert after.image_sha256 == before.image_sha256 is not None


def test_one_changed_byte_of_entropy_coded_data_changes_the_image_hash(tmp_path):
    original = noise_picture(tmp_path / "a.jpg", "JPEG")
    copy = tmp_path / "b.jpg"
    shutil.copyfile(original, copy)
    flip_entropy_byte(copy)
    before, after = fingerprint(original), fingerprint(copy)
    assert after.size == before.size
    assert after.sha256 != before.sha256
    assert after.image_sha256 != before.image_sha256
    assert after.image_sha256 is not None


def test_empty_file(tmp_path):
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    print_ = fingerprint(path)
    assert (print_.size, print_.sha256, print_.image_sha256) == (0, EMPTY_SHA256, None)


def test_non_picture_has_a_file_hash_but_no_image_hash(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_bytes(b"not a picture at all\n" * 100)
    print_ = fingerprint(path)
    assert print_.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert print_.image_sha256 is None


def test_missing_file_raises_oserror_for_the_scan_to_report(tmp_path):
    with pytest.raises(OSError):
        fingerprint(tmp_path / "gone.jpg")


def test_given_ranges_are_hashed_in_order_without_parsing():
    data = bytes(range(256)) * 4
    expected = hashlib.sha256(data[10:20] + data[500:600]).hexdigest()
    assert image_digest(data, [(10, 10), (500, 100)]) == expected
    assert image_digest(data, [(1000, 100)]) is None  # past the end: no hash of something else
    assert image_digest(data, []) is None


def test_fingerprint_with_ranges_skips_the_parser(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(os.urandom(4096))
    print_ = fingerprint(path, ranges=[(0, 100)])
    assert print_.image_sha256 == hashlib.sha256(path.read_bytes()[:100]).hexdigest()


def test_large_file_hash_matches_hashlib(tmp_path):
    path = tmp_path / "big.jpg"
    out = io.BytesIO()
    Image.effect_noise((3000, 2000), 60).convert("RGB").save(out, "JPEG", quality=95)
    path.write_bytes(out.getvalue())
    with path.open("rb") as handle:
        expected = hashlib.file_digest(handle, "sha256").hexdigest()
    assert fingerprint(path).sha256 == expected


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 1_000_000)],
        [(5, 10), (262_140, 10), (262_150, 300_000), (900_000, 100_000)],  # across chunk edges
        [(600_000, 1000), (100, 1000)],  # out of file order: hashed in the order given
        [(0, 0), (524_288, 1)],
        [(999_990, 20)],  # past the end: no image hash
    ],
)
def test_one_pass_hashing_equals_hashing_each_range(tmp_path, ranges):
    data = os.urandom(1_000_000)
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    print_ = fingerprint(path, ranges=ranges)
    assert print_.sha256 == hashlib.sha256(data).hexdigest()
    if any(offset + length > len(data) for offset, length in ranges):
        assert print_.image_sha256 is None
    else:
        expected = hashlib.sha256(b"".join(data[o : o + n] for o, n in ranges)).hexdigest()
        assert print_.image_sha256 == expected
