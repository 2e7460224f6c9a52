"""docs/exporting.md states the ExifTool sheet's header and command line, as the code has them."""

from __future__ import annotations

import re
from pathlib import Path

from photodesk.export.exiftool_csv import APPLY_OPTIONS, columns, header
from photodesk.metadata.fields import FIELD_TABLE
from photodesk.services.exporting import FORMATS

DOC = Path(__file__).resolve().parents[2] / "docs" / "exporting.md"


def test_the_documented_header_row_is_the_one_the_sheet_writes() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```\n(SourceFile,[^\n]*)\n```", text)
    assert blocks == [",".join(header(columns(FIELD_TABLE)))]


def test_the_documented_command_line_splits_lists_as_the_sheet_joins_them() -> None:
    text = DOC.read_text(encoding="utf-8")
    options = " ".join(f'"{o}"' if " " in o else o for o in APPLY_OPTIONS)
    assert f"exiftool -csv=sheet.csv {options} PICTURE..." in text
    for fmt in FORMATS:
        assert f"| `{fmt}` |" in text
