"""Small text helpers every reader needs, kept in one place so they normalise the same way."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def squash(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space and trim.

    Scraped pages and CMS exports pad text with tabs, newlines and NBSPs; comparisons for
    duplicates and the captions we print must not depend on that padding.
    """
    return _SPACE.sub(" ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a full stop, question or exclamation mark (quotes allowed)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def dedupe_key(text: str) -> str:
    """A comparison key under which alt text and the caption it repeats are equal.

    Case, punctuation spacing and curly/straight quotes vary between the alt attribute and the
    visible caption of the same picture, so they are ignored.
    """
    folded = text.casefold().translate(_QUOTES)
    return _SPACE.sub(" ", re.sub(r"[^\w]+", " ", folded)).strip()
