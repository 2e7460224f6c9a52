"""scan_files: one result per path, in order, whatever each file is, in one process or two."""

from __future__ import annotations

import io
import os
import threading
from functools import partial
from pathlib import Path

import pytest
from PIL import Image

from photodesk.metadata import parallel, scan
from photodesk.metadata.parallel import WORKER_DIED, scan_files
from photodesk.metadata.scan import ScanOptions, ScanResult, scan_one


def jpeg(path: Path, size=(900, 600)) -> Path:
    Image.effect_noise(size, 30).convert("RGB").save(path, "JPEG")
    return path


@pytest.fixture
def mixed(tmp_path) -> list[Path]:
    """Good pictures with bad files between them, in a deliberately unsorted order."""
    good = [jpeg(tmp_path / f"good{n}.jpg") for n in range(5)]
    (tmp_path / "text.jpg").write_text("not a picture\n")
    (tmp_path / "empty.jpg").write_bytes(b"")
    data = (tmp_path / "good0.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    bad = [tmp_path / "text.jpg", tmp_path / "empty.jpg", tmp_path / "missing.jpg"]
    return [good[3], bad[0], good[1], tmp_path / "cut.jpg", bad[1], good[0], bad[2], good[4]]


def check_mixed(paths: list[Path], results: list[ScanResult]) -> None:
    assert [result.path for result in results] == paths
    by_name = {result.path.name: result for result in results}
    for name in ("good0.jpg", "good1.jpg", "good3.jpg", "good4.jpg"):
        result = by_name[name]
        assert result.metadata.error is None and result.error is None
        assert result.metadata.format == "jpeg"
        assert result.fingerprint is not None and result.fingerprint.image_sha256 is not None
    for name in ("text.jpg", "empty.jpg"):
        assert by_name[name].metadata.error
        assert by_name[name].fingerprint is not None  # the file is there, its hash too
    assert by_name["missing.jpg"].metadata.error and by_name["missing.jpg"].error
    assert by_name["missing.jpg"].fingerprint is None


@pytest.fixture(params=["fork", "forkserver"])
def method(request, monkeypatch):
    """Run a test with workers started each way the scan may start them."""
    monkeypatch.setattr(parallel, "_method", lambda: request.param)
    return request.param


def test_results_in_input_order_and_bad_files_only_fail_themselves(mixed):
    check_mixed(mixed, list(scan_files(mixed, workers=1)))


def test_the_same_from_two_processes_started_either_way(mixed, method):
    check_mixed(mixed, list(scan_files(mixed, workers=2)))


def test_workers_are_forked_only_from_a_process_without_other_threads():
    assert parallel._method() in ("fork", "forkserver")  # pytest-xdist may run threads
    release = threading.Event()
    helper = threading.Thread(target=release.wait)
    helper.start()
    try:
        assert parallel._method() in ("forkserver", "spawn")
    finally:
        release.set()
        helper.join()


def test_few_files_stay_in_this_process(mixed, monkeypatch):
    def no_pool(workers):
        raise AssertionError("a pool for a handful of files")

    monkeypatch.setattr(parallel, "_executor", no_pool)
    check_mixed(mixed, list(scan_files(mixed)))


def test_many_files_use_the_pool_by_default(tmp_path, monkeypatch):
    options = ScanOptions(fingerprints=False)
    count = next(n for n in range(1, 10_000) if parallel.pool_pays(n, 2, options))
    paths = [jpeg(tmp_path / "a.jpg", (64, 48))] * count
    used: list[int] = []
    real = parallel._executor

    def counted(workers):
        used.append(workers)
        return real(workers)

    monkeypatch.setattr(parallel, "_executor", counted)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    results = list(scan_files(paths, options=options))
    assert used == [2]
    assert len(results) == len(paths)


@pytest.mark.parametrize("workers", [1, 2])
def test_thumbnails_and_their_errors_are_per_file(mixed, workers):
    options = ScanOptions(thumbnails=True, max_side=120)
    results = {r.path.name: r for r in scan_files(mixed, workers=workers, options=options)}
    with Image.open(io.BytesIO(results["good0.jpg"].thumbnail)) as thumb:
        assert thumb.size == (120, 80)
    cut = results["cut.jpg"]
    assert cut.metadata.error is None  # the metadata is all there, the pixels are not
    assert cut.thumbnail is None and cut.thumbnail_error
    assert results["text.jpg"].thumbnail is None


def test_costlier_work_pays_for_a_pool_sooner():
    def least(options):
        return next(n for n in range(1, 10_000) if parallel.pool_pays(n, 2, options))

    read, hashed = least(ScanOptions(fingerprints=False)), least(ScanOptions())
    thumbs = least(ScanOptions(thumbnails=True))
    assert thumbs < hashed < read
    assert parallel.pool_pays(read, 4, ScanOptions(fingerprints=False))


def test_options_switch_off_fingerprints(mixed):
    results = list(scan_files(mixed[:1], options=ScanOptions(fingerprints=False)))
    assert results[0].fingerprint is None and results[0].metadata.error is None


def test_an_unexpected_error_in_one_file_is_that_files_error(tmp_path, monkeypatch):
    path = jpeg(tmp_path / "a.jpg")

    def broken(path, ranges=None):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(scan, "fingerprint", broken)
    result = scan_one(path, ScanOptions())
    assert result.error == "internal error (RuntimeError)"
    assert result.metadata.error is None


def crash_on_poison(path: Path) -> ScanResult:
    """A job for the pool that kills its worker outright, as a crashing C decoder would."""
    if path.name.startswith("poison"):
        os._exit(3)
    return scan_one(path, ScanOptions(fingerprints=False))


def test_a_dying_worker_costs_only_the_file_it_was_reading(tmp_path, method):
    paths = [jpeg(tmp_path / f"{n:02d}.jpg", (64, 48)) for n in range(12)]
    poison = tmp_path / "poison.jpg"
    poison.write_bytes(paths[0].read_bytes())
    paths[5:5] = [poison]
    results = list(parallel._in_pool(paths, partial(crash_on_poison), 2))
    assert [result.path for result in results] == paths
    assert [result.path for result in results if result.error] == [poison]
    assert results[5].error == WORKER_DIED == results[5].metadata.error
