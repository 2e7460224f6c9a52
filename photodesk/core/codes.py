"""Code replacements as Photo Mechanic has them: type ``=kju=``, get the text the code stands for.

Desks keep years of these files (people, places, agencies' boilerplate), so photodesk reads them
as they are: UTF-8 text, one code a line, ``code<TAB>replacement<TAB>alternative…``. ``=kju=``
stands for the second column, ``=kju#2=`` for the third (``#1`` is the second again), and
anything that is not a known code, or asks for a column the code does not have, stays exactly as
typed: an ``=`` in a caption must never eat text. Pure: the file is read by the services
(``photodesk.services.codes_file``); the UI expands as the editor types the closing ``=``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

DELIMITER = "="
# A code between delimiters: no spaces (``a = b =`` is prose), an optional ``#n`` column.
_CODE_RE = re.compile(r"=([^\s=]+?)(?:#(\d+))?=")


@dataclass(frozen=True, slots=True)
class CodeTable:
    """The codes of one file: code → its replacements (the file's second column onwards).

    ``source`` names the file; ``error`` says why it could not be used (the table is then
    empty); ``problems`` lists lines that were skipped, each naming its line number.
    """

    entries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str | None = None
    error: str | None = None
    problems: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, code: str, column: int = 1) -> str | None:
        """The ``column``-th replacement of ``code`` (1: the file's second column), or None."""
        found = self.entries.get(code)
        if found is None or not 1 <= column <= len(found):
            return None
        return found[column - 1]

    def replacement(self, token: str) -> str | None:
        """What ``token`` (the text between the delimiters: ``kju`` or ``kju#2``) stands for."""
        match = _CODE_RE.fullmatch(f"{DELIMITER}{token}{DELIMITER}")
        if match is None:
            return None
        whole = self.lookup(token)  # a code may itself end in ``#2``
        if whole is not None or match.group(2) is None:
            return whole
        return self.lookup(match.group(1), int(match.group(2)))

    def expand_at_cursor(self, text: str, cursor: int) -> tuple[str, int]:
        """Expand the code that the ``=`` just before ``cursor`` closes; (text, cursor) after.

        Unchanged when the character before the cursor is no ``=`` or the code is unknown.
        """
        if cursor < 2 or cursor > len(text) or text[cursor - 1] != DELIMITER:
            return text, cursor
        opening = text.rfind(DELIMITER, 0, cursor - 1)
        if opening < 0:
            return text, cursor
        value = self.replacement(text[opening + 1 : cursor - 1])
        if value is None:
            return text, cursor
        return text[:opening] + value + text[cursor:], opening + len(value)

    def expand_all(self, text: str) -> str:
        """Every known code in ``text`` expanded (pasted text, a template); the rest as typed."""
        out: list[str] = []
        at = 0
        search_from = 0
        while (match := _CODE_RE.search(text, search_from)) is not None:
            value = self.replacement(text[match.start() + 1 : match.end() - 1])
            if value is None:  # ``=x=kju=``: the closing ``=`` may open the next code
                search_from = match.start() + 1
                continue
            out += (text[at : match.start()], value)
            at = search_from = match.end()
        out.append(text[at:])
        return "".join(out)


def parse_codes(text: str, source: str | None = None) -> CodeTable:
    """The table in a code-replacement file's text. Never raises: a line without a tab, or a
    code defined twice (the first one counts, as in Photo Mechanic), is listed in ``problems``.
    """
    entries: dict[str, tuple[str, ...]] = {}
    problems: list[str] = []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        code, tab, rest = line.partition("\t")
        code = code.strip()
        if not tab or not code:
            problems.append(f"line {number}: expected code<TAB>replacement")
        elif code in entries:
            problems.append(f"line {number}: {code!r} is defined again (the first one counts)")
        else:
            entries[code] = tuple(rest.split("\t"))
    return CodeTable(entries, source, None, tuple(problems))
