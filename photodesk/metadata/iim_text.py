"""How IIM text bytes become text: the 1:90 declaration, cp1252, UTF-8 and ISO 2022 escapes.

IIM predates Unicode. A block declares its character set with ISO 2022 escape sequences in 1:90;
``ESC % G`` means UTF-8, a few others designate an ISO 8859 set, and no declaration at all means
the writer's 8-bit code page — in practice Windows-1252. An undeclared dataset whose bytes are
valid UTF-8 with non-ASCII sequences is read as UTF-8, dataset by dataset (one block may mix a
cp1252 caption with a UTF-8 place name): cp1252 text is practically never valid UTF-8 by
chance, while reading UTF-8 as cp1252 gives mojibake (``KÃ¥lltorp``), which a write-back would
make permanent by declaring the block UTF-8 (the writer converts with this same function).
ExifTool reads such text as cp1252; docs/accuracy.md lists where the two differ. Escape
sequences inside the text itself
(Japanese agencies used ISO-2022-JP) are decoded where Python has a codec for them and otherwise
removed with a warning, so nothing crashes and nothing is changed without saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from photodesk.core.metadata import LEGACY_IIM_CHARSET

_UTF8_DECLARATIONS = (b"\x1b%G", b"\x1b%/G", b"\x1b%/H", b"\x1b%/I")
_ESCAPE = re.compile(rb"\x1b[\x20-\x2f]+[\x30-\x7e]")
# 96-character sets designated to G1-G3 (ESC - F, ESC . F, ESC / F), by final byte.
_ISO8859 = {"A": 1, "B": 2, "C": 3, "D": 4, "L": 5, "G": 6, "F": 7, "H": 8, "M": 9, "b": 15}
# Bytes 0x80-0x9F as Windows-1252 has them; its five undefined bytes stay C1 controls (as Latin-1).
_CP1252_TABLE = str.maketrans(
    {chr(b): bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xA0)}
)


@dataclass(slots=True)
class Charset:
    """How one IIM block's text is decoded, and the 8-bit text seen on the way."""

    name: str
    declared: bool
    non_ascii: int = 0  # undeclared 8-bit datasets decoded as cp1252
    utf8: int = 0  # undeclared datasets read as UTF-8

    def finish(self, warnings: list[str]) -> None:
        """Add the block-level warning once every dataset has been decoded."""
        if self.declared or not (self.non_ascii or self.utf8):
            return
        how = "decoded as cp1252" if self.non_ascii else "its 8-bit text is UTF-8, read as such"
        warnings.append(f"{LEGACY_IIM_CHARSET}; {how}")


def charset_of(declaration: bytes | None, warnings: list[str]) -> Charset:
    """The character set 1:90 declares; cp1252 (undeclared) when it declares nothing usable."""
    if declaration is None:
        return Charset("cp1252", declared=False)
    if any(d in declaration for d in _UTF8_DECLARATIONS):
        return Charset("utf-8", declared=True)
    escapes = [m.group().decode("latin-1") for m in _ESCAPE.finditer(declaration)]
    if not escapes:
        warnings.append(
            f"IIM: 1:90 holds {declaration!r}, which is no ISO 2022 escape sequence; "
            "text decoded as cp1252"
        )
        return Charset("cp1252", declared=False)
    for escape in escapes:
        if len(escape) == 3 and escape[1] in "-./" and escape[2] in _ISO8859:
            name = f"iso8859-{_ISO8859[escape[2]]}"
            warnings.append(f"IIM: 1:90 declares ISO 2022 {_show(escape)}; decoded as {name}")
            return Charset(name, declared=True)
    if escapes != ["\x1b(B"]:  # ESC ( B is plain ASCII: nothing to say
        shown = ", ".join(_show(e) for e in escapes)
        warnings.append(
            f"IIM: 1:90 declares ISO 2022 {shown}, which photodesk does not decode as a block "
            "character set; text decoded as cp1252"
        )
    return Charset("cp1252", declared=False)


def decode_text(raw: bytes, charset: Charset, label: str, warnings: list[str]) -> str:
    """One dataset's text under the block's character set; problems become warnings."""
    if raw.isascii() and 0x1B not in raw:
        return raw.decode("ascii")
    if 0x1B in raw:
        return _decode_escaped(raw, charset, label, warnings)
    if charset.name == "utf-8":
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            warnings.append(
                f"IIM: {label} is not valid UTF-8 although 1:90 declares it; "
                "undecodable bytes shown as U+FFFD"
            )
            return raw.decode("utf-8", "replace")
    return _decode_8bit(raw, charset, label, warnings)


def _decode_8bit(raw: bytes, charset: Charset, label: str, warnings: list[str]) -> str:
    if charset.name != "cp1252":
        text = raw.decode(charset.name, "replace")
        if "\ufffd" in text:
            warnings.append(f"IIM: {label} has bytes undefined in {charset.name}; shown as U+FFFD")
        return text
    text = raw.decode("latin-1").translate(_CP1252_TABLE)
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        charset.non_ascii += 1
        return text
    charset.utf8 += 1
    warnings.append(
        f"IIM: {label} is UTF-8 although no character set is declared; read as UTF-8 "
        f"({as_utf8!r}, not {text!r} as cp1252)"
    )
    return as_utf8


def _decode_escaped(raw: bytes, charset: Charset, label: str, warnings: list[str]) -> str:
    """Text with ISO 2022 escapes: ISO-2022-JP-2 when it decodes so, else escapes removed."""
    shown = ", ".join(sorted({_show(m.group().decode("latin-1")) for m in _ESCAPE.finditer(raw)}))
    try:
        text = raw.decode("iso2022_jp_2")
    except UnicodeDecodeError:
        pass
    else:
        warnings.append(f"IIM: {label} holds ISO 2022 escapes ({shown}); decoded as ISO-2022-JP-2")
        return text
    rest = _ESCAPE.sub(b"", raw).replace(b"\x1b", b"")
    warnings.append(
        f"IIM: {label} holds ISO 2022 escapes ({shown or 'a lone ESC'}) that photodesk cannot "
        f"interpret; they were removed and the rest decoded as {charset.name}"
    )
    return decode_text(rest, charset, label, warnings)


def _show(escape: str) -> str:
    """``\\x1b-A`` as ``ESC - A``: how the IIM and ISO 2022 documents write it."""
    return "ESC " + " ".join(escape[1:])
