"""Small text helpers every reader needs, kept in one place so they normalise the same way."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_MAX_NAME_WORDS = 10
# Lower-case words a list of names may hold: joiners, particles and staff roles ("Reuters staff").
_NAME_JOINERS = frozenset(
    "and & with de van von der da di la le staff reporter reporters correspondent "
    "correspondents writer writers editor editors team desk".split()
)


def squash(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space and trim.

    Scraped pages and CMS exports pad text with tabs, newlines and NBSPs; comparisons for
    duplicates and the captions we print must not depend on that padding.
    """
    return _SPACE.sub(" ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()


def squash_lines(text: str) -> str:
    """``squash`` each line, keep the line breaks, drop blank lines.

    The credit grammar reads a line break as a layout signal (a credit on its own line), so it
    must survive, while padding inside a line must not reach the grammar: its patterns slow down
    on huge whitespace runs, and a caption's spacing is not information.
    """
    lines = (squash(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a full stop, question or exclamation mark (quotes allowed)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def reads_as_names(text: str) -> bool:
    """True for a list of names or an agency ("Jane Roe and Sam Doe", "Reuters staff").

    Bylines and author bios share markup; only the names are a byline, a sentence about the
    author ("Jane Roe is our Madrid correspondent") is not.
    """
    words = text.replace(",", " ").split()
    if not words or len(words) > _MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word.casefold() in _NAME_JOINERS for word in words)


def dedupe_key(text: str) -> str:
    """A comparison key under which alt text and the caption it repeats are equal.

    Case, punctuation spacing and curly/straight quotes vary between the alt attribute and the
    visible caption of the same picture, so they are ignored.
    """
    folded = text.casefold().translate(_QUOTES)
    return _SPACE.sub(" ", re.sub(r"[^\w]+", " ", folded)).strip()
