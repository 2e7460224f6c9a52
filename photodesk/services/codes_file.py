"""The desk's code-replacement file: ``[codes] file`` in ``photodesk.toml``, read for the UI.

The file is named relative to the desk's folder (beside ``photodesk.toml``), so a desk folder
moves with its codes. Whatever goes wrong (no setting, no file, not UTF-8, a bad house style)
comes back as a ``CodeTable`` whose ``error`` says so in one line: the editor is on deadline,
and a missing codes file must cost them their shortcuts, never the session.
"""

from __future__ import annotations

from pathlib import Path

from photodesk.core.codes import CodeTable, parse_codes
from photodesk.services.config import ConfigError
from photodesk.services.desk import Desk


def codes_path(desk: Desk) -> Path | None:
    """Where the desk's codes file is, or None when the house style names none."""
    name = desk.house.codes_file
    if not name or not name.strip():
        return None
    path = Path(name.strip()).expanduser()
    return path if path.is_absolute() else desk.folder / path


def load_codes(desk: Desk) -> CodeTable:
    """The desk's code table; empty with ``error`` set when it cannot be read."""
    try:
        path = codes_path(desk)
    except ConfigError as error:
        return CodeTable(source=error.subject, error=f"{error.subject}: {error.reason}")
    if path is None:
        return CodeTable()
    return read_codes(path)


def read_codes(path: Path) -> CodeTable:
    """The code table in ``path``; empty with ``error`` set when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _failed(path, "no such file")
    except UnicodeDecodeError:
        return _failed(path, "not UTF-8 text (save the codes file as UTF-8)")
    except OSError as error:
        return _failed(path, f"cannot be read ({error.strerror or type(error).__name__})")
    return parse_codes(text, str(path))


def _failed(path: Path, reason: str) -> CodeTable:
    return CodeTable(source=str(path), error=f"codes file {path}: {reason}")
