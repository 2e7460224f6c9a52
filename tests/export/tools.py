"""The external programs the export tests drive, found on PATH or skipped with the reason.

ExifTool applies the ExifTool sheet and headless Chromium renders the HTML sheet; ``make tools``
installs both (CI runs it), so a skip here only happens on a machine that lacks them.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from photodesk.export.exiftool_csv import SEPARATOR

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Injected into a copy of the sheet (the sheet itself carries no script): once every image has
# loaded or failed, write each image's alt text and natural width into the DOM.
PROBE = """<script>
window.addEventListener("load", () => {
  const probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify(
    Array.from(document.images, (img) => [img.alt, img.complete, img.naturalWidth]));
  document.body.appendChild(probe);
});
</script>"""
PROBE_OUTPUT = re.compile(r'<pre id="probe">(.*?)</pre>', re.S)


def exiftool() -> str:
    """The exiftool executable, or a skip naming what is missing."""
    found = shutil.which("exiftool")
    if found is None:
        pytest.skip("exiftool is not installed (make tools installs it): cannot apply the sheet")
    return found


def chromium() -> str:
    """A headless-capable Chromium, or a skip naming what is missing."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    pytest.skip("chromium is not installed (make tools installs it): cannot render the sheet")


def apply_sheet(sheet: Path, files: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """docs/exporting.md's command: ``exiftool -csv=sheet.csv -sep "; " FILE...``."""
    command = [exiftool(), f"-csv={sheet}", "-sep", SEPARATOR, *files]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done


def loaded_images(page: Path, scratch: Path) -> list[tuple[str, bool, int]]:
    """Render ``page`` (with the probe) in headless Chromium: every image's alt, complete, width."""
    probed = scratch / "probed.html"
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    command = [
        chromium(),
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        f"--user-data-dir={scratch / 'profile'}",
        "--virtual-time-budget=20000",
        "--dump-dom",
        probed.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    found = PROBE_OUTPUT.search(done.stdout)
    assert found is not None, f"no probe in Chromium's DOM (exit {done.returncode}): {done.stderr}"
    return [tuple(item) for item in json.loads(html.unescape(found.group(1)))]


def printed(page: Path, scratch: Path) -> bytes:
    """``page`` printed to PDF by headless Chromium (A4 from the sheet's ``@page``), no headers."""
    target = scratch / "printed.pdf"
    command = [
        chromium(),
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        f"--user-data-dir={scratch / 'print-profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={target}",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert target.is_file(), f"Chromium printed nothing (exit {done.returncode}): {done.stderr}"
    return target.read_bytes()
