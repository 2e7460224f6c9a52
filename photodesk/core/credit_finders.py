"""One finder per layout a credit takes at the end of a caption line.

Each finder proposes where a credit starts (and, for a credit printed before its caption, where
it ends) and asks credit_shape whether the candidate reads as a credit in that place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from photodesk.core.credit_lexicon import LABEL_RE, MAX_CREDIT_CHARS
from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_segments import ends_with_initial, looks_like_person
from photodesk.core.credit_shape import Context, is_credit

_CLOSERS = {")": "(", "]": "["}
# Places where a credit may start on a line: the line start, after a sentence, after a run of
# spaces, after a `` / `` or a spaced dash, or glued to a full stop (``Catlin.Credit:``).
BOUNDARY_RE = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=[\d)\]”\"'’][.!?])|(?<=[.!?][”\"'’)]))\s+"
    r"|\s{2,}|\s/\s|\s(?:[-–—]{1,2})\s|(?<=\.)(?=\S)"
)
# ``… he said. —AFP``: a dash before a bare agency signs off a text story (LABELING.md).
_SIGN_OFF_RE = re.compile(r"(?:^|\s)(?:[-–—]{1,2})\s*$")
# ``Photo: X via AP.Kim Jong Un at …``: where a labelled credit may end before its caption.
_GLUED_END_RE = re.compile(r"(?<=[^\W\d_]{2})\.(?=\s*[A-Z])")
_POOL_MARKER_RE = re.compile(r"[(\[]\s*pool(?:\s+photo)?\s*[)\]]\s*$", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?–—- "


@dataclass(frozen=True, slots=True)
class Found:
    """A credit found on a line: it spans ``start``..``end`` (None: to the end of the line)."""

    start: int
    credit: str
    end: int | None = None
    pool_marker: bool = False


def trim(text: str) -> str:
    """A candidate without leading separators and trailing sentence punctuation."""
    text = text.strip()
    while text and text[-1] in _TRAILING_PUNCT and not ends_with_initial(text):
        text = text[:-1].rstrip()
    return text.lstrip("/ -–—").strip()


def trailing_bracket(line: str, multiline: bool) -> Found | None:
    """``… (Photo by Name/Agency)``, allowing a CMS byline glued after it."""
    for open_at, close_at in _trailing_groups(line):
        glue = line[close_at + 1 :].strip()
        inner = trim(line[open_at + 1 : close_at])
        if glue and not _is_byline_glue(glue, inner):
            continue
        if not is_credit(inner, Context.BRACKET):
            return None
        return _with_name_before(line, open_at, inner) or _with_pool_marker(line, open_at, inner)
    return None


def _with_name_before(line: str, open_at: int, inner: str) -> Found | None:
    """``OLIVIER HOSLET (EFE)``: a name right before a bare agency bracket is its photographer."""
    parsed = parse_credit(inner)
    if parsed.creators or parsed.organizations or parsed.agency is None:
        return None
    before = line[:open_at]
    start = max((m.end() for m in BOUNDARY_RE.finditer(before)), default=0)
    name = before[start:].strip()
    if not looks_like_person(name):
        return None
    return Found(start, f"{name} {line[open_at : open_at + len(inner) + 2].strip()}")


def _with_pool_marker(line: str, open_at: int, inner: str) -> Found:
    """``… (Pool photo) (Yonhap)``: a separate pool marker sets the flag (LABELING.md)."""
    marker = _POOL_MARKER_RE.search(line[:open_at])
    if marker is None:
        return Found(open_at, inner)
    return Found(marker.start(), inner, pool_marker=True)


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
    for index in range(close_at, max(-1, close_at - 2 * MAX_CREDIT_CHARS), -1):
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


def labelled(line: str, multiline: bool) -> Found | None:
    """``… Photograph: Name/Agency``: the last label on the line that starts a credit."""
    offset = max(0, len(line) - MAX_CREDIT_CHARS - 20)  # a credit is short: search the tail
    for match in reversed(list(LABEL_RE.finditer(line, offset))):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        if start > 0 and line[start - 1].isalnum():
            continue
        found = _labelled_before_caption(line, start)
        if found is not None:
            return found
        candidate = trim(line[start:])
        if is_credit(candidate, Context.LABELLED):
            return Found(start, candidate)
    return None


def _labelled_before_caption(line: str, start: int) -> Found | None:
    """``Photo: Kremlin Pool Photo via AP.Kim Jong Un at …``: the caption follows the credit.

    Only a credit that names an agency or a photographer may end at a full stop, so that
    ``Photo: St. Louis Post-Dispatch`` is not cut after ``St``.
    """
    for stop in _GLUED_END_RE.finditer(line, start):
        candidate = trim(line[start : stop.start()])
        parsed = parse_credit(candidate)
        if (parsed.agency or parsed.creators) and is_credit(candidate, Context.LABELLED):
            return Found(start, candidate, end=stop.end())
    return None


def trailing_plain(line: str, multiline: bool) -> Found | None:
    """``… in Moscow. REUTERS/Name``: an unbracketed credit closing the last sentence."""
    best: Found | None = None
    starts = [0, *(m.end() for m in BOUNDARY_RE.finditer(line))]
    for start in sorted(set(starts), reverse=True):
        candidate = trim(line[start:])
        if not candidate or len(candidate) > MAX_CREDIT_CHARS:
            break
        context = Context.SOLE if start == 0 and not multiline else Context.TRAILING
        signed_off = _SIGN_OFF_RE.search(line[:start]) or line[start:].lstrip()[:1] in "-–—"
        if signed_off and not re.search(r"[/,]|\bvia\b", candidate):
            continue
        if is_credit(candidate, context):
            best = Found(start, candidate)  # keep widening: ``Name / AFP`` beats ``AFP``
        elif best is not None:
            break
    return best


def own_line(line: str, multiline: bool) -> Found | None:
    """A whole last line that is a credit (``Tyrone Siu/Reuters``, ``Roie Galitz``)."""
    if not multiline:
        return None
    candidate = trim(strip_brackets(line))
    return Found(0, candidate) if is_credit(candidate, Context.OWN_LINE) else None


def strip_brackets(text: str) -> str:
    text = text.strip()
    while len(text) >= 2 and text[-1] in _CLOSERS and text[0] == _CLOSERS[text[-1]]:
        text = text[1:-1].strip()
    return text


FINDERS: tuple[Callable[[str, bool], Found | None], ...] = (
    trailing_bracket,
    labelled,
    trailing_plain,
    own_line,
)
