"""Finding and reading the desk's house style, ``photodesk.toml``.

The file lives beside the desk (the SQLite file's folder; for a team database, the folder the
command runs in) or wherever ``--config`` says. No file means the defaults; a file that is there
but wrong is an error naming the file and the key, because a typo must never switch a rule off
silently.
"""

from __future__ import annotations

from pathlib import Path

from photodesk.core.rules import RULE_CODES, HouseStyle, HouseStyleError, house_from_toml

CONFIG_NAME = "photodesk.toml"


class ConfigError(ValueError):
    """``photodesk.toml`` cannot be used; ``subject`` is the file, ``reason`` why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.subject = str(path)
        self.reason = reason


def config_path(folder: Path, explicit: Path | None = None) -> Path:
    """Where the house style is read from: ``explicit`` if given, else the desk's folder."""
    return explicit if explicit is not None else folder / CONFIG_NAME


def load_house_style(path: Path, required: bool = False) -> HouseStyle:
    """The house style in ``path``; the defaults when it does not exist and is not ``required``.

    Raises ConfigError for a file that cannot be read or holds a bad setting.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise ConfigError(path, "no such file") from None
        return HouseStyle()
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror
        raise ConfigError(path, f"cannot be read ({reason})") from None
    try:
        return house_from_toml(text, RULE_CODES)
    except HouseStyleError as error:
        raise ConfigError(path, str(error)) from None
