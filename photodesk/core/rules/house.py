"""House style: the desk's settings that the rules judge against, read from ``photodesk.toml``.

Every setting has a default a wire-fed news website would use, so a desk with no file is checked
sensibly. The TOML text is parsed here (pure: text in, settings out); finding and reading the
file is ``photodesk.services.config``'s job. An unknown key or a value of the wrong kind is an
error naming the key, never silently ignored: a typo in a house style must not switch a rule off.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from photodesk.core.rules.severity import Severity

CREDIT_STYLES = ("agency", "slash")


class HouseStyleError(ValueError):
    """The house-style text is not valid; ``key`` names the offending setting."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """The settings of one desk. Section and key in ``photodesk.toml`` are given per field."""

    territory: str | None = None
    """[house] territory: ISO 3166 code of the country the site publishes in (e.g. "GB"); a
    picture whose instructions say "<that country> OUT" is then an error (PD111)."""

    web: bool = True
    """[house] web: the site publishes on the web, where CMYK pictures are an error (PD304)."""

    credit_style: str = "agency"
    """[credit] style: "agency" prints each credit as its agency does (``REUTERS/Name``,
    ``AP Photo/Name``, ``Name / AFP``); "slash" prints every credit ``Name / Body / AGENCY``."""

    credit_label: str = ""
    """[credit] label: text the house puts before every credit (e.g. "Photo: "); "" for none."""

    extra_agencies: tuple[str, ...] = ()
    """[credit] agencies: distributors this desk knows beyond the built-in table, so that PD105
    does not call them unknown (local partners, the site's own staff name)."""

    caption_min_chars: int = 40
    """[caption] min_chars: a caption shorter than this is too thin to publish (PD203)."""

    caption_max_chars: int = 600
    """[caption] max_chars: a caption longer than this will not fit the page (PD204)."""

    require_date: bool = True
    """[caption] require_date: a caption must say when the picture was taken (PD201)."""

    require_place: bool = True
    """[caption] require_place: a caption must say where the picture was taken (PD202)."""

    min_long_edge: int = 1024
    """[picture] min_long_edge: pixels on the longer side below which a picture is too small
    for the site (PD303)."""

    severities: Mapping[str, Severity | None] = field(default_factory=dict)
    """[rules] PDnnn = "error" | "warning" | "info" | "off": the house's severity for a rule,
    replacing its default; "off" silences it."""

    codes_file: str | None = None
    """[codes] file: a Photo Mechanic code-replacement file (tab-separated UTF-8), relative to
    the desk's folder, for the UI's ``=code=`` expansion."""

    keys: Mapping[str, str] = field(default_factory=dict)
    """[keys] ACTION = "KEY[, KEY]": the UI's keys remapped by action (the ids in the help
    screen, e.g. ``save = "f2"``), so a desk can keep the keys its editors' hands know. Which
    actions and keys exist is the UI's to say: ``core.keymap`` judges the table by the UI's
    rules when it starts (unknown action or key, a key twice, a typing key in the editors)."""


# (section, key) → (field name, expected python type)
_KEYS: dict[tuple[str, str], tuple[str, type | tuple[type, ...]]] = {
    ("house", "territory"): ("territory", str),
    ("house", "web"): ("web", bool),
    ("credit", "style"): ("credit_style", str),
    ("credit", "label"): ("credit_label", str),
    ("credit", "agencies"): ("extra_agencies", list),
    ("caption", "min_chars"): ("caption_min_chars", int),
    ("caption", "max_chars"): ("caption_max_chars", int),
    ("caption", "require_date"): ("require_date", bool),
    ("caption", "require_place"): ("require_place", bool),
    ("picture", "min_long_edge"): ("min_long_edge", int),
    ("codes", "file"): ("codes_file", str),
}
_SEVERITY_WORDS: dict[str, Severity | None] = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "off": None,
}


def house_from_toml(text: str, known_codes: frozenset[str] = frozenset()) -> HouseStyle:
    """Settings from the text of a ``photodesk.toml``; ``known_codes`` validates ``[rules]``.

    Raises HouseStyleError naming the first bad key.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HouseStyleError("photodesk.toml", f"not valid TOML ({error})") from None
    settings: dict[str, Any] = {}
    for section, table in document.items():
        if not isinstance(table, dict):
            raise HouseStyleError(section, "expected a [section] table")
        if section == "rules":
            settings["severities"] = _severities(table, known_codes)
            continue
        if section == "keys":
            settings["keys"] = _keys(table)
            continue
        for key, value in table.items():
            settings.update(_setting(section, key, value))
    return _validated(HouseStyle(**settings))


def _setting(section: str, key: str, value: object) -> dict[str, Any]:
    where = f"[{section}] {key}"
    if (section, key) not in _KEYS:
        raise HouseStyleError(where, f"unknown setting (known: {_known_keys(section)})")
    name, kind = _KEYS[(section, key)]
    # bool is an int in Python; a house style that says `min_chars = true` is a mistake.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = kind.__name__ if isinstance(kind, type) else "value"
        raise HouseStyleError(where, f"expected {_kind_word(expected)}, got {value!r}")
    if name == "extra_agencies":
        if not all(isinstance(item, str) and item.strip() for item in value):  # type: ignore[attr-defined]
            raise HouseStyleError(where, "expected a list of agency names")
        return {name: tuple(item.strip() for item in value)}  # type: ignore[attr-defined]
    if name == "territory":
        return {name: _territory(where, str(value))}
    return {name: value}


def _territory(where: str, value: str) -> str:
    code = value.strip().upper()
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise HouseStyleError(where, f"expected a two-letter ISO 3166 country code, got {value!r}")
    return code


def _severities(table: dict[str, Any], known: frozenset[str]) -> dict[str, Severity | None]:
    out: dict[str, Severity | None] = {}
    for code, word in table.items():
        where = f"[rules] {code}"
        if known and code not in known:
            raise HouseStyleError(where, "no such rule")
        if not isinstance(word, str) or word.lower() not in _SEVERITY_WORDS:
            raise HouseStyleError(where, 'expected "error", "warning", "info" or "off"')
        out[code] = _SEVERITY_WORDS[word.lower()]
    return out


def _keys(table: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for action, keys in table.items():
        if not isinstance(keys, str) or not all(k.strip() for k in keys.split(",")):
            expected = 'expected keys as text, e.g. "f2" or "f2, ctrl+s"'
            raise HouseStyleError(f"[keys] {action}", expected)
        out[action] = ", ".join(k.strip() for k in keys.split(","))
    return out


def _validated(house: HouseStyle) -> HouseStyle:
    if house.credit_style not in CREDIT_STYLES:
        raise HouseStyleError("[credit] style", f"expected one of {', '.join(CREDIT_STYLES)}")
    for name in ("caption_min_chars", "caption_max_chars", "min_long_edge"):
        if getattr(house, name) < 0:
            raise HouseStyleError(name, "must not be negative")
    if house.caption_min_chars > house.caption_max_chars:
        raise HouseStyleError("[caption] min_chars", "is larger than max_chars")
    return house


def _known_keys(section: str) -> str:
    keys = sorted(key for sect, key in _KEYS if sect == section)
    if keys:
        return ", ".join(keys)
    sections = sorted({sect for sect, _ in _KEYS} | {"rules", "keys"})
    return "sections " + ", ".join(sections)


def _kind_word(name: str) -> str:
    return {"str": "text", "bool": "true or false", "int": "a whole number", "list": "a list"}.get(
        name, name
    )


def setting_keys() -> tuple[tuple[str, str], ...]:
    """Every ``(section, key)`` a ``photodesk.toml`` may set (``[rules]`` and ``[keys]`` aside,
    whose keys are rule codes and UI actions), for the docs."""
    return tuple(_KEYS)
