"""A JPEG read from its head and tail must give exactly what parsing the whole file gives.

``read_file`` reads a large JPEG's first 16 KiB and last bytes instead of mapping it. Every test
here writes a file larger than that head and compares ``read._raw`` (the head path, or the
whole-file parse it falls back on) with ``parse_container`` on all of the file's bytes.
"""

from __future__ import annotations

import dataclasses
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from photodesk.metadata import read as read_module
from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import jpeg_head, parse_container
from photodesk.metadata.containers.jpeg_app import XMP_ID
from tests.metadata import crafted
from tests.metadata.crafted import iim, irb, segment, with_segments

PS_ID = b"Photoshop 3.0\x00"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'


def big_jpeg(*segments: bytes, noise: int = 40_000) -> bytes:
    """A real JPEG of about ``noise`` bytes (a noisy picture) with ``segments`` after SOI."""
    side = int(noise**0.5)  # random pixels at quality 90: about a byte a pixel
    pixels = random.Random(noise).randbytes(side * side * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), pixels).save(out, "JPEG", quality=90)
    return with_segments(out.getvalue(), *segments)


def outcome(raw_or_error: RawMetadata | str) -> object:
    return raw_or_error if isinstance(raw_or_error, str) else dataclasses.astuple(raw_or_error)


def whole(data: bytes) -> object:
    try:
        return outcome(parse_container(data))
    except UnreadableImage as error:
        return outcome(str(error))


def headed(path: Path, data: bytes) -> object:
    path.write_bytes(data)
    try:
        return outcome(read_module._raw(str(path)))
    except UnreadableImage as error:
        return outcome(str(error))


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What ``parse_jpeg_head`` answered: a RawMetadata, or how many bytes it asked for."""
    answers: list[object] = []
    original = jpeg_head.parse_jpeg_head

    def recording(head: bytes, tail: bytes, size: int) -> RawMetadata | int:
        answers.append(answer := original(head, tail, size))
        return answer

    monkeypatch.setattr(jpeg_head, "parse_jpeg_head", recording)
    return answers


APP13 = segment(0xED, PS_ID + irb((0x0404, iim((2, 110, b"REUTERS")))))
APP1_XMP = segment(0xE1, XMP_ID + XMP)


def test_a_large_agency_jpeg_is_read_from_its_head(tmp_path, answered):
    data = big_jpeg(APP1_XMP, APP13)
    assert len(data) > read_module.HEAD_BYTES
    assert headed(tmp_path / "a.jpg", data) == whole(data)
    assert isinstance(answered[-1], RawMetadata)  # no fallback


def test_metadata_past_the_first_read_grows_the_head(tmp_path, answered):
    padding = segment(0xE2, b"ICC_PROFILE\x00" + b"\x01" * 30_000)  # a large ICC profile
    data = big_jpeg(padding, APP1_XMP, APP13, noise=60_000)
    assert headed(tmp_path / "a.jpg", data) == whole(data)
    assert isinstance(answered[0], int) and isinstance(answered[-1], RawMetadata)


@pytest.mark.parametrize("after_eoi", [b"", b"\x00" * 100, b"junk" * 500, b"\xff\xd9" * 3])
def test_bytes_after_eoi(tmp_path, after_eoi):
    data = big_jpeg(APP13) + after_eoi
    assert headed(tmp_path / "a.jpg", data) == whole(data)


def test_trailers_are_left_to_the_whole_file_parse(tmp_path, answered):
    plain = big_jpeg(APP1_XMP)
    datasets = iim((2, 120, b"Caption in a trailer"))
    for trailer in crafted.iptc_trailers(plain, datasets):
        data = plain + trailer
        assert headed(tmp_path / "a.jpg", data) == whole(data)
        assert answered[-1] == len(data)  # "parse the whole file"


@pytest.mark.parametrize("cut", [20, 5_000, 15_000, 16_400, 30_000])
def test_truncated_files(tmp_path, cut):
    data = big_jpeg(APP1_XMP, APP13)[:-cut]
    assert headed(tmp_path / "a.jpg", data) == whole(data)


def test_a_segment_running_past_the_end_and_a_bad_head(tmp_path):
    runaway = big_jpeg(b"\xff\xe1\xff\xf0" + b"\x00" * 20)  # claims 65 KB in a 40 KB file
    no_sos = crafted.jpeg()[:-2][:20] + b"\x00" * 30_000
    for data in (runaway, no_sos, b"\xff\xd8\xff" + b"\x00" * 20_000):
        assert headed(tmp_path / "a.jpg", data) == whole(data)


def test_metadata_beyond_the_head_limit_is_read_through_a_map(tmp_path, monkeypatch):
    monkeypatch.setattr(jpeg_head, "MAX_HEAD_BYTES", 20_000)
    huge = segment(0xE1, b"Exif\x00\x00" + b"\x00" * 60_000)
    data = big_jpeg(huge, APP13)
    assert headed(tmp_path / "a.jpg", data) == whole(data)


def test_a_file_that_shrank_after_fstat_is_read_whole(tmp_path, monkeypatch):
    data = big_jpeg(APP13)
    real_pread = os.pread

    def short_tail(fd: int, n: int, at: int) -> bytes:
        data = real_pread(fd, n, at)
        return data[:-1] if n == jpeg_head.TAIL_BYTES else data

    monkeypatch.setattr(jpeg_head.os, "pread", short_tail)
    assert headed(tmp_path / "a.jpg", data) == whole(data)


SEED = big_jpeg(APP1_XMP, APP13, noise=30_000)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_large_jpegs_read_as_the_whole_file_parse_reads_them(tmp_path, data):
    mutated = bytearray(SEED)
    for _ in range(data.draw(st.integers(0, 8))):
        near = data.draw(st.sampled_from(["head", "tail", "anywhere"]))
        size = len(mutated)
        low, high = {"head": (0, 2_000), "tail": (size - 300, size - 1)}.get(near, (0, size - 1))
        mutated[data.draw(st.integers(low, high))] = data.draw(st.sampled_from([0, 0xD9, 0xFF, 7]))
    cut = data.draw(st.integers(len(mutated) // 2, len(mutated)))
    sample = bytes(mutated[:cut])
    assert headed(tmp_path / "fuzz.jpg", sample) == whole(sample)
