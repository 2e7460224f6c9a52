"""What is typographically broken in a credit line (PD104), and what can be mended safely.

Broken credits come from hand edits and CMS joins: a bracket left open, a photographer deleted
from ``Name / AFP`` leaving ``/ AFP``, ``Photo by`` with nobody after it, doubled spaces. Only
spacing and a separator dangling at either end can be mended without knowing what was meant;
a missing name or an open bracket needs the editor, so those are reported without a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from photodesk.core.credit_lexicon import COPYRIGHT_RE, LABEL_RE
from photodesk.core.rules.credit_house import CREDITS, unwrap

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = frozenset(_OPENERS.values())
_QUOTE_PAIRS = (("“", "”"), ("«", "»"))
_SEPARATORS = "/,;|-–—"
# ``/ /``, ``, ,``, ``//`` (but not the ``://`` of an address).
_EMPTY_SLOT_RE = re.compile(r"(?<!:)[/,;|]\s*[/,;|]")
_LEADING_RE = re.compile(r"^(?:[/,;|]|[-–—]+(?=\s|$))\s*")
_TRAILING_RE = re.compile(r"\s*(?:[/,;|]|(?<=\s)[-–—]+|^[-–—]+)$")
_ODD_SPACE_RE = re.compile(r"\s{2,}|[^\S ]")
_SPACE_COMMA_RE = re.compile(r"(?<=[^\s,/;|])\s+,")  # ``Name , AFP`` (``, ,`` is a slot)
# Characters any check below could object to; most credits have none and stop there.
_ODD_RE = re.compile(r"[()\[\]{}\"“”«»]|[^\S ]")
_EDGES = frozenset(" /,;|-–—:")


@dataclass(frozen=True, slots=True)
class Malformed:
    """The problems found (empty: none) and the mended text (None: nothing safe to mend)."""

    problems: tuple[str, ...]
    mended: str | None


def _balanced_brackets(text: str) -> bool:
    stack: list[str] = []
    for char in text:
        if char in _OPENERS:
            stack.append(_OPENERS[char])
        elif char in _CLOSERS and (not stack or stack.pop() != char):
            return False
    return not stack


def _balanced_quotes(text: str) -> bool:
    if text.count('"') % 2:
        return False
    return all(text.count(a) == text.count(b) for a, b in _QUOTE_PAIRS)


def _label_without_name(inner: str) -> bool:
    """``Photo by``, ``Photo:``, ``©`` alone, or ``Photo by / AFP``: a label naming nobody."""
    match = LABEL_RE.match(inner) or COPYRIGHT_RE.match(inner)
    if match is None:
        return False
    rest = inner[match.end() :].lstrip()
    return not rest or rest[0] in _SEPARATORS


def _structure_problems(inner: str) -> list[str]:
    problems = []
    if _EMPTY_SLOT_RE.search(inner):
        problems.append("an empty slot")
    if _LEADING_RE.match(inner):
        problems.append("a separator with nothing before it")
    if _TRAILING_RE.search(inner):
        problems.append("a separator with nothing after it")
    if _label_without_name(inner):
        problems.append("a label with no name")
    return problems


def _spacing_problems(text: str, inner: str) -> list[str]:
    problems = []
    if _ODD_SPACE_RE.search(text.strip()):
        problems.append("doubled spaces")
    if text != text.strip() or (inner and unwrap(text)[0] and _inner_padded(text)):
        problems.append("spaces at the start or end")
    if _SPACE_COMMA_RE.search(text):
        problems.append("a space before a comma")
    return problems


def _inner_padded(text: str) -> bool:
    """``( AFP )``: spaces just inside the enclosing brackets."""
    stripped = text.strip()
    return stripped[1:2].isspace() or stripped[-2:-1].isspace()


def _mend(opener: str, inner: str, closer: str) -> str:
    """Spacing normalised and dangling separators dropped (repeatedly: ``/ / AFP``)."""
    text = _SPACE_COMMA_RE.sub(",", " ".join(inner.split()))
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_RE.sub("", _LEADING_RE.sub("", text)).strip()
    return f"{opener}{text}{closer}" if text else ""


_FINE = Malformed((), None)


def _mended(text: str) -> str:
    """Mended until nothing changes: dropping ``;`` from ``;(Name;)`` reveals the brackets."""
    for _ in range(4):
        again = _mend(*unwrap(text))
        if again == text or not again:
            return again
        text = again
    return text


def _looks_fine(text: str) -> bool:
    """The quick pass: no odd character, clean ends, no doubled separator, a named label."""
    if not text or text[0] in _EDGES or text[-1] in _EDGES or "  " in text:
        return False
    if _ODD_RE.search(text) or _EMPTY_SLOT_RE.search(text) or _SPACE_COMMA_RE.search(text):
        return False
    return not _label_without_name(text)


@lru_cache(maxsize=CREDITS)
def malformed(text: str) -> Malformed:
    """What is wrong with a credit as typed (brackets and all), and the mended text if any."""
    if _looks_fine(text):
        return _FINE
    inner = unwrap(text)[1]
    problems = []
    if not _balanced_brackets(text):
        problems.append("unbalanced brackets")
    if not _balanced_quotes(text):
        problems.append("unbalanced quotes")
    problems += _structure_problems(inner) + _spacing_problems(text, inner)
    if not problems:
        return Malformed((), None)
    mended = _mended(text)
    return Malformed(tuple(problems), mended if mended and mended != text else None)
