"""``read_file``: a path in, reconciled metadata out; a failure is a one-line error, not a raise."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import photodesk.metadata.read as read_module
from photodesk.core.metadata import Conflict
from photodesk.metadata.read import read_file
from tests.metadata.test_iim import block
from tests.metadata.test_xmp import packet


def jpeg(*, exif: dict[int, str] | None = None, xmp: bytes | None = None, iim: bytes | None = None):
    """A small real JPEG (Pillow) with the given blocks; IIM goes in an APP13 Photoshop IRB."""
    tags = Image.Exif()
    for tag, value in (exif or {}).items():
        tags[tag] = value
    buffer = io.BytesIO()
    options = {"exif": tags} if exif else {}
    if xmp is not None:
        options["xmp"] = xmp
    Image.new("RGB", (40, 30), "gray").save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    if iim is None:
        return data
    resource = b"8BIM\x04\x04\x00\x00" + len(iim).to_bytes(4, "big") + iim + b"\0" * (len(iim) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return data[:2] + b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload + data[2:]


AGENCY_JPEG = jpeg(
    exif={0x010E: "OLYMPUS DIGITAL CAMERA", 0x013B: "Jane Doe", 0x8298: "(c) Somebody else"},
    xmp=packet("", attrs='photoshop:Credit="REUTERS" photoshop:City="Paris"'),
    iim=block((110, b"REUTERS"), (90, b"Paris"), (80, b"Jane Doe"), (116, b"(c) Reuters")),
)


def test_an_agency_jpeg_is_read_and_reconciled(tmp_path):
    path = tmp_path / "agency.jpg"
    path.write_bytes(AGENCY_JPEG)
    metadata = read_file(path)
    assert metadata.error is None
    assert (metadata.path, metadata.format, metadata.width, metadata.height) == (
        str(path),
        "jpeg",
        40,
        30,
    )
    assert metadata.values == {
        "creators": ("Jane Doe",),
        "credit": "REUTERS",
        "copyright": "(c) Reuters",
        "city": "Paris",
    }
    assert metadata.conflicts == (
        Conflict("copyright", {"iim": "(c) Reuters", "exif": "(c) Somebody else"}),
    )
    assert metadata.charset == "cp1252"
    assert [b.block for b in metadata.blocks] == ["xmp", "iim", "exif"]


def test_the_path_is_recognised_by_content_not_name(tmp_path):
    path = tmp_path / "actually-a-jpeg.png"
    path.write_bytes(AGENCY_JPEG)
    assert read_file(str(path)).format == "jpeg"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a directory, not an image file"),
        (lambda p: (p.write_bytes(b""), p)[1], "empty file"),
        (lambda p: (os.mkfifo(p), p)[1], "not a regular file"),
    ],
    ids=["missing", "directory", "empty", "fifo"],
)
def test_unreadable_paths_give_a_one_line_error(tmp_path, make, reason):
    path = make(tmp_path / "x.jpg")
    metadata = read_file(path)
    assert metadata.error == reason
    assert metadata.values == {} and metadata.format is None


def test_an_impossible_path_is_an_error_too():
    assert read_file("bad\x00name.jpg").error == "not a valid file name"


def test_a_non_image_says_what_it_looks_like(tmp_path):
    path = tmp_path / "page.jpg"
    path.write_text("<!doctype html><html><body>404</body></html>", encoding="utf-8")
    assert "not an image" in (read_file(path).error or "")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "locked.jpg"
    path.write_bytes(AGENCY_JPEG)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read_module.os, "open", denied)  # we run as root in CI: chmod is moot
    assert read_file(path).error == "permission denied"


def test_a_container_bug_costs_the_file_not_the_caller(tmp_path, monkeypatch):
    path = tmp_path / "a.jpg"
    path.write_bytes(AGENCY_JPEG)

    def broken(data):
        raise RuntimeError("boom")

    monkeypatch.setattr(read_module, "parse_container", broken)
    assert read_file(path).error == "internal error reading the file (RuntimeError)"


def test_a_decoder_bug_costs_its_block_not_the_file(tmp_path, monkeypatch):
    path = tmp_path / "a.jpg"
    path.write_bytes(AGENCY_JPEG)

    def broken(data):
        raise ZeroDivisionError

    decoders = tuple((name, broken if name == "xmp" else fn) for name, fn in read_module._DECODERS)
    monkeypatch.setattr(read_module, "_DECODERS", decoders)
    metadata = read_file(path)
    assert metadata.error is None
    assert metadata.values["credit"] == "REUTERS"  # from IIM
    assert "XMP block could not be decoded (ZeroDivisionError)" in metadata.warnings


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_files_never_raise(tmp_path, data):
    mutated = bytearray(AGENCY_JPEG)
    for _ in range(data.draw(st.integers(1, 10))):
        index = data.draw(st.integers(0, len(mutated) - 1))
        mutated[index] = data.draw(st.integers(0, 255))
    path = tmp_path / "fuzz.jpg"
    path.write_bytes(bytes(mutated[: data.draw(st.integers(0, len(mutated)))]))
    metadata = read_file(path)
    assert metadata.error is None or "\n" not in metadata.error
