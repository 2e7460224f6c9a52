"""The whole reader on hypothesis-mutated real files: one per-file error, bounded time and memory.

test_hostile_structures covers the containers and EXIF; this runs the complete ``read_file``
(containers, EXIF, IIM, XMP, reconciliation) so that a broken IIM dataset or XMP packet inside an
otherwise valid file is covered too. Mutations land where the metadata lives: the first 64 KB.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photodesk.metadata.read import read_file

SEEDS = (
    "exiftool__exiftool/ExifTool.jpg",
    "exiftool__exiftool/IPTC.jpg",
    "exiftool__exiftool/XMP.jpg",
    "exiftool__exiftool/ExtendedXMP.jpg",
    "exiftool__exiftool/ExifTool.tif",
    "exiftool__exiftool/PNG.png",
    "exiftool__exiftool/RIFF.webp",
    "Exiv2__exiv2/Stonehenge.heic",
    "Exiv2__exiv2/ReaganSmallPng.png",
)
DEMO = sorted((Path(__file__).resolve().parents[2] / "media" / "pictures").iterdir())
TIME_LIMIT_SECONDS = 2.0  # a hang guard: real files read in well under a millisecond
MUTATIONS = ("flip", "inflate", "zero", "truncate", "splice")


def mutate(original: bytes, data: st.DataObject) -> bytes:
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, min(len(mutated), 65536) - 1))
        kind = data.draw(st.sampled_from(MUTATIONS))
        if kind == "flip":
            mutated[at] ^= data.draw(st.integers(1, 255))
        elif kind in ("inflate", "zero"):
            mutated[at : at + 4] = (b"\xff" if kind == "inflate" else b"\x00") * 4
        elif kind == "splice":  # markup that hostile XMP and IIM are made of
            mutated[at:at] = data.draw(st.sampled_from([b"<!DOCTYPE", b"&x;", b"\x1c\x02x", b"<"]))
        else:
            del mutated[at:]
            break
    return bytes(mutated)


def read_within_bounds(path: Path) -> None:
    started = time.perf_counter()
    metadata = read_file(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS
    assert metadata.error is None or "\n" not in metadata.error
    tracemalloc.start()
    try:
        read_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * path.stat().st_size + (24 << 20), f"peak {peak} bytes"


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_mutated_real_files_read_within_bounds(
    shared_dir: Path, tmp_path: Path, data: st.DataObject
) -> None:
    seed = data.draw(st.sampled_from([shared_dir / "corpus" / "real" / s for s in SEEDS] + DEMO))
    path = tmp_path / "mutated"
    path.write_bytes(mutate(seed.read_bytes(), data))
    read_within_bounds(path)
