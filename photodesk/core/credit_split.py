"""Finding the credit inside a caption, and separating the two.

Captions carry their credit in a few layouts (LABELING.md, ../shared): a trailing bracket
``(AP Photo/Name)``, a label ``Photograph: Name/Agency``, an unbracketed agency trailer
``REUTERS/Name``, a line of its own after or before the caption. The finders in credit_finders
propose candidates; a candidate is accepted only if it reads as a credit (credit_shape), which
is what keeps datelines, sign-offs, ``(file photo)`` and ``(R-Wis.)`` out.
"""

from __future__ import annotations

import re

from photodesk.core.credit_finders import FINDERS, Found, strip_brackets, trim
from photodesk.core.credit_shape import Context, is_credit
from photodesk.core.types import CaptionSplit

# Picture-desk keyword tags, ``(END)`` and similar furniture glued after a credit.
_TRAILING_FURNITURE_RE = re.compile(
    r"(?:\s*\((?:[^()]*\s[-–]\s)?Tags:[^()]*\)|\s*\(END\)|\s*\[\s*Editor:[^\]]*\]|\s+#)+\s*$",
    re.IGNORECASE,
)
# Restrictions and notes that agencies append after the credit; they belong to the caption.
_TRAILER_RE = re.compile(
    r"(?:\s*/)?\s+(?:-{2,}\s*)?(?:ATTENTION EDITORS|EDITORS NOTE|THIS IMAGE HAS BEEN SUPPLIED|"
    r"MANDATORY CREDIT|NO RESALES|NO ARCHIVES|NO SALES|NO MARKETING|EDITORIAL USE ONLY|"
    r"RESTRICTED TO EDITORIAL USE|HANDOUT EDITORIAL USE ONLY)\b.*$"
)
# Runs of white space longer than any layout uses; capped so that no regex goes quadratic.
_LONG_SPACE_RE = re.compile(r"\s{8,}")


def strip_credit_brackets(text: str) -> str:
    """A credit without its enclosing brackets and trailing sentence punctuation."""
    return trim(strip_brackets(text))


def _clean_caption(text: str) -> str:
    text = _TRAILING_FURNITURE_RE.sub("", text.strip())
    return text.rstrip(" /-–—#").strip()


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").split("\n")
    return [_LONG_SPACE_RE.sub("   ", line).strip() for line in lines if line.strip()]


def split_credit(text: str) -> CaptionSplit:
    """Separate a caption from its credit; the credit is None when the text has none."""
    lines = _lines(text)
    if not lines:
        return CaptionSplit("", None)
    last = _TRAILING_FURNITURE_RE.sub("", lines[-1])
    trailer = _TRAILER_RE.search(last)
    core = last[: trailer.start()] if trailer else last
    for finder in FINDERS:
        found = finder(core, len(lines) > 1)
        if found is not None:
            kept = _without(core, found) + (" " + trailer.group().strip(" /") if trailer else "")
            caption = _clean_caption("\n".join([*lines[:-1], kept]))
            return CaptionSplit(caption, found.credit, pool_marker=found.pool_marker)
    if len(lines) > 1:
        first = trim(lines[0])
        if is_credit(first, Context.LEADING_LINE):
            return CaptionSplit("\n".join(lines[1:]).strip(), first)
    return CaptionSplit(_clean_caption("\n".join(lines)), None)


def _without(line: str, found: Found) -> str:
    before = line[: found.start].rstrip()
    after = line[found.end :].strip() if found.end is not None else ""
    return f"{before} {after}".strip()
