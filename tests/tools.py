"""The external programs some tests drive (ExifTool, headless Chromium): found on PATH, or the
test is skipped with the reason, or, under CI, failed.

``make tools`` installs them and CI runs it, so in CI a missing tool means that step broke:
a skip there would let every test that proves a file written by photodesk (or by ExifTool from
our sheet) reads back right vanish without a sound. Every tool-dependent test asks here, as
``conftest.shared_dir`` does for ../shared.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def require_tool(names: Sequence[str], purpose: str) -> str:
    """The first of ``names`` on PATH; else skip (CI: fail) saying what cannot be tested."""
    for name in names:
        found = shutil.which(name)
        if found is not None:
            return found
    reason = f"{names[0]} is not installed (make tools installs it): {purpose}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run this test (did make tools fail?)")
    pytest.skip(reason)


def exiftool(purpose: str = "cannot check files against ExifTool") -> str:
    """The exiftool executable (see ``require_tool``)."""
    return require_tool(("exiftool",), purpose)


def chromium(purpose: str = "cannot render the sheet") -> str:
    """A headless-capable Chromium (see ``require_tool``)."""
    return require_tool(CHROMIUM_NAMES, purpose)
