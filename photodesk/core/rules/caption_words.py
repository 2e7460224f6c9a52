"""Word lists the caption checks share: what a capital letter is, and capitalised words that
follow a place preposition without naming a place.

Kept apart from the patterns so that the date and place checks agree on months and weekdays,
and so that a new false alarm is fixed by adding a word, not by rewriting a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_LATIN_END = 0x250  # Basic Latin to IPA Extensions: every letter a Latin-script caption uses
_LATIN_CHAR = chr(_LATIN_END)


def _upper_class() -> str:
    """A character class of the upper-case letters of the Latin script.

    ``re`` has no ``\\p{Lu}``; captions say ``in Ürümqi`` and ``in Łódź``, so ``[A-Z]`` is not
    enough. Built once at import from ``str.isupper`` so that no letter is forgotten.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x41, _LATIN_END):
        if not chr(code).isupper():
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = (chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)
    return "[" + "".join(parts) + "]"


UPPER = _upper_class()
_LETTER_RE = re.compile(r"[^\W\d_]")
# A letter outside the Latin block: most non-ASCII captions have none (only accents, curly
# quotes and dashes), and one search for it settles them without counting every letter.
_NON_LATIN_LETTER_RE = re.compile(rf"[^\W\d_\x00-{chr(_LATIN_END - 1)}]")


def is_latin_script(text: str) -> bool:
    """Whether most of the caption's letters are Latin.

    The date and place checks read capitals, prepositions and month names of languages written
    in Latin script; a Hebrew, Arabic or Chinese caption cannot be judged by them and is left
    alone rather than reported as missing what it may well say.
    """
    if text.isascii() or _NON_LATIN_LETTER_RE.search(text) is None:
        return True
    letters = _LETTER_RE.findall(text)
    latin = sum(1 for letter in letters if letter < _LATIN_CHAR)
    return 2 * latin >= len(letters)


MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Capitalised words after ``in``/``at``/``from`` … or opening a caption before a comma that
# are not places: dates, pronouns and determiners, sentence adverbs, credit words.
NOT_PLACES = (
    MONTHS
    | WEEKDAYS
    | {day + "s" for day in WEEKDAYS}
    | frozenset(
        """
        the a an this that these those his her their its our my your i he she we they it
        today yesterday tonight tomorrow meanwhile however here there above below left right
        earlier later also now then still instead finally inside outside again top bottom
        front back file photo picture image pictured video handout pool
        ap afp reuters getty epa xinhua
        """.split()
    )
)

# Nouns that make the capitalised name before them a place: ``Primorsky region``, ``Gaza
# Strip``, ``Artyom railway station``, ``Al Nusairat refugee camp``.
PLACE_NOUNS = tuple(
    """
    region province county district oblast krai territory prefecture city town village island
    islands river valley mountains mountain lake sea bay coast street square avenue road
    boulevard park airport station stadium arena palace cathedral church mosque temple border
    strip peninsula desert forest harbour harbor port bridge hall museum hospital prison airbase
    aerodrome cosmodrome embassy capitol zoo aquarium courthouse market beach camp
    """.split()
)


def trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, grouped by shared beginnings.

    ``re`` tries the branches of an alternation one by one at every position it scans; grouped
    as a trie (``i(?:n|nside)|a(?:t|round)``) it rejects a position after one character instead
    of after trying every word, which is most of the cost of the caption checks.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(tree)


def _pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
