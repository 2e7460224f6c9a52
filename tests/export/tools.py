"""The external programs the export tests drive: ExifTool applies the ExifTool sheet and
headless Chromium renders the HTML sheet.

They are found through ``tests.tools``: skipped with the reason on a machine that lacks them,
failed under CI (where ``make tools`` installs both), so these tests cannot silently vanish.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from photodesk.export.exiftool_csv import APPLY_OPTIONS
from tests import tools

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
    """The exiftool executable (skipped, or failed under CI, when missing)."""
    return tools.exiftool("cannot apply the sheet")


def chromium() -> str:
    """A headless-capable Chromium (skipped, or failed under CI, when missing)."""
    return tools.chromium("cannot render the sheet")


def apply_sheet(sheet: Path, files: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """docs/exporting.md's command: ``exiftool -csv=sheet.csv -sep "; " -f FILE...``."""
    command = [exiftool(), f"-csv={sheet}", *APPLY_OPTIONS, *files]
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
