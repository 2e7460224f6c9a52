"""Finding the credit inside a caption, and separating the two.

Captions carry their credit in a few layouts (LABELING.md, ../shared): a trailing bracket
``(AP Photo/Name)``, a label ``Photograph: Name/Agency``, an unbracketed agency trailer
``REUTERS/Name``, a line of its own after or before the caption. Each layout proposes a candidate;
a candidate is accepted only if it reads as a credit (credit_shape), which is what keeps
datelines, sign-offs, ``(file photo)`` and ``(R-Wis.)`` out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from photodesk.core.credit_lexicon import LABEL_RE
from photodesk.core.credit_shape import Context, is_credit
from photodesk.core.types import CaptionSplit

_CLOSERS = {")": "(", "]": "["}
# Picture-desk keyword tags, ``(END)`` and similar furniture glued after a credit.
_TRAILING_FURNITURE_RE = re.compile(
    r"(?:\s*\((?:[^()]*\s[-–]\s)?Tags:[^()]*\)|\s*\(END\)|\s*\[\s*Editor:[^\]]*\]|\s+#)+\s*$",
    re.IGNORECASE,
)
# Places where a credit may start on a line: the line start, after a sentence, after a run of
# spaces, after a `` / `` separator or glued to a full stop (``Catlin.Credit:``).
_BOUNDARY_RE = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=[\d)\]”\"'’][.!?])|(?<=[.!?][”\"'’)]))\s+"
    r"|\s{2,}|\s/\s|\s(?:[-–—]{1,2})\s|(?<=\.)(?=\S)"
)
# ``… he said. —AFP``: a dash before a bare agency signs off a text story (LABELING.md).
_SIGN_OFF_RE = re.compile(r"(?:^|\s)(?:[-–—]{1,2})\s*$")
# Restrictions and notes that agencies append after the credit; they belong to the caption.
_TRAILER_RE = re.compile(
    r"\s+(?:ATTENTION EDITORS|EDITORS NOTE|THIS IMAGE HAS BEEN SUPPLIED|MANDATORY CREDIT|"
    r"NO RESALES|NO ARCHIVES|EDITORIAL USE ONLY|RESTRICTED TO EDITORIAL USE)\b.*$"
)
_TRAILING_PUNCT = ".,;:!?–—- "
_MAX_CREDIT_CHARS = 200


def strip_credit_brackets(text: str) -> str:
    """A credit without its enclosing brackets and trailing sentence punctuation."""
    text = text.strip()
    while len(text) >= 2 and text[-1] in _CLOSERS and text[0] == _CLOSERS[text[-1]]:
        text = text[1:-1].strip()
    return _trim(text)


def _trim(text: str) -> str:
    text = text.strip()
    while text and text[-1] in _TRAILING_PUNCT and not _ends_with_initial(text):
        text = text[:-1].rstrip()
    return text.lstrip("/ -–—").strip()


def _ends_with_initial(text: str) -> bool:
    return bool(re.search(r"(?:^|\s)[^\W\d_]\.$", text))


def _clean_caption(text: str) -> str:
    text = _TRAILING_FURNITURE_RE.sub("", text.strip())
    return text.rstrip(" /-–—#").strip()


def split_credit(text: str) -> CaptionSplit:
    """Separate a caption from its credit; the credit is None when the text has none."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines:
        return CaptionSplit("", None)
    last = _TRAILING_FURNITURE_RE.sub("", lines[-1])
    trailer = _TRAILER_RE.search(last)
    core = last[: trailer.start()] if trailer else last
    for finder in _LINE_FINDERS:
        found = finder(core, len(lines) > 1)
        if found is not None:
            start, credit = found
            kept = core[:start].rstrip() + (" " + trailer.group().strip() if trailer else "")
            return CaptionSplit(_clean_caption("\n".join([*lines[:-1], kept])), credit)
    if len(lines) > 1:
        first = _trim(lines[0])
        if is_credit(first, Context.LEADING_LINE):
            return CaptionSplit("\n".join(lines[1:]).strip(), first)
    return CaptionSplit(_clean_caption("\n".join(lines)), None)


def _own_line(line: str, multiline: bool) -> tuple[int, str] | None:
    """A whole last line that is a credit (``Tyrone Siu/Reuters``, ``Roie Galitz``)."""
    if not multiline:
        return None
    candidate = strip_credit_brackets(line)
    return (0, candidate) if is_credit(candidate, Context.OWN_LINE) else None


def _trailing_bracket(line: str, multiline: bool) -> tuple[int, str] | None:
    """``… (Photo by Name/Agency)``, allowing a CMS byline glued after it."""
    for open_at, close_at in _trailing_groups(line):
        glue = line[close_at + 1 :].strip()
        inner = _trim(line[open_at + 1 : close_at])
        if glue and not _is_byline_glue(glue, inner):
            continue
        if is_credit(inner, Context.BRACKET):
            return open_at, inner
        return None
    return None


def _trailing_groups(line: str) -> Iterator[tuple[int, int]]:
    """Bracket groups near the end of a line, last first (at most two: a credit and glue)."""
    end = len(line.rstrip(" .")) - 1
    seen = 0
    while end >= 0 and seen < 2:
        close_at = max(line.rfind(")", 0, end + 1), line.rfind("]", 0, end + 1))
        if close_at < 0 or len(line) - close_at > 80:
            return
        open_at = _matching_open(line, close_at)
        if open_at is None:
            return
        yield open_at, close_at
        seen += 1
        end = open_at - 1


def _matching_open(line: str, close_at: int) -> int | None:
    closer = line[close_at]
    opener = _CLOSERS[closer]
    depth = 0
    for index in range(close_at, -1, -1):
        if line[index] == closer:
            depth += 1
        elif line[index] == opener:
            depth -= 1
            if depth == 0:
                return index
    return None


def _is_byline_glue(glue: str, credit: str) -> bool:
    """``(Jim Hollander/Pool via AP) Jim Hollander AP``: words repeated from the credit."""
    words = re.findall(r"\w+", glue.casefold())
    known = set(re.findall(r"\w+", credit.casefold()))
    return 0 < len(words) <= 6 and all(w in known for w in words)


def _labelled(line: str, multiline: bool) -> tuple[int, str] | None:
    """``… Photograph: Name/Agency``: the last label on the line that starts a credit."""
    offset = max(0, len(line) - _MAX_CREDIT_CHARS - 20)  # a credit is short: search the tail
    for match in reversed(list(LABEL_RE.finditer(line, offset))):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        if start > 0 and line[start - 1].isalnum():
            continue
        candidate = _trim(line[start:])
        if is_credit(candidate, Context.LABELLED):
            return start, candidate
    return None


def _trailing_plain(line: str, multiline: bool) -> tuple[int, str] | None:
    """``… in Moscow. REUTERS/Name``: an unbracketed credit closing the last sentence."""
    best: tuple[int, str] | None = None
    starts = [0, *(m.end() for m in _BOUNDARY_RE.finditer(line))]
    for start in sorted(set(starts), reverse=True):
        candidate = _trim(line[start:])
        if not candidate or len(candidate) > _MAX_CREDIT_CHARS:
            break
        context = Context.OWN_LINE if start == 0 and not multiline else Context.TRAILING
        signed_off = _SIGN_OFF_RE.search(line[:start]) or line[start:].lstrip()[:1] in "-–—"
        if signed_off and not re.search(r"[/,]|\bvia\b", candidate):
            continue
        if is_credit(candidate, context):
            best = (start, candidate)  # keep widening: ``Name / AFP`` beats ``AFP``
        elif best is not None:
            break
    return best


_LINE_FINDERS: tuple[Callable[[str, bool], tuple[int, str] | None], ...] = (
    _trailing_bracket,
    _labelled,
    _trailing_plain,
    _own_line,
)
