"""Shared fixtures: where ../shared is, and a clear skip where it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import tools

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout: always there in CI, maybe not on a laptop.

    Under CI a missing ../shared is a failure, so that conformance tests cannot silently vanish.
    """
    if not (SHARED_DIR / "README.md").is_file():
        reason = f"../shared is not beside the checkout (looked in {SHARED_DIR})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return SHARED_DIR


@pytest.fixture
def exiftool_installed() -> str:
    """ExifTool's path; skipped where it is missing, failed under CI (``tests.tools``)."""
    return tools.exiftool()


# Desks on SQLite and PostgreSQL for every test that needs one (see tests/desk_fixtures.py).
from tests.desk_fixtures import demo_copy, desk, desk_url  # noqa: E402, F401
