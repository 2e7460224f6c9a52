"""The cyclic collector is paused for a batch job and always given back as it was."""

from __future__ import annotations

import gc

import pytest

from photodesk.services.collector import collector_paused


def test_the_collector_is_paused_inside_and_running_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_after_an_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the check failed")
    assert gc.isenabled()


def test_a_caller_that_paused_it_keeps_control() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()
