"""Does a caption say where its picture was taken? (PD202)

There is no gazetteer here on purpose: a desk covers the whole world, and a list of places is
always missing the village the story is about. Captions name places in a few structural ways,
and those are what we look for:

- a place preposition before a capitalised name: ``in Khabarovsk``, ``at the Artyom railway
  station``, ``outside Khabarovsk``, ``near Vladivostok``, ``in the Kremlin``, ``in the far
  eastern Amur region``, ``on the South Lawn``, and a few other languages' (``dans le … Lviv``);
- a name, a comma and a capitalised region or country that ends the phrase or leads to a date:
  ``Khabarovsk, Russia, on …``, ``Bethlehem, Pa., Thursday`` (``Kim Jong Un, Sergei Shoigu and``
  or ``his wife, Cecilia Morel, launch`` are people, not places);
- a capitalised name with a place noun (``Primorsky region``, ``Al Nusairat refugee camp``), or a
  place noun with ``of`` (``the city of Tsiolkovsky``);
- a dateline in capitals (``KHABAROVSK, RUSSIA - OCTOBER 8:``, ``LAS VEGAS – FEB. 11:``), or one
  title-case word and a comma opening the caption (``Görlitz, …``).

Doubt is resolved towards "has a place": a missed warning costs less than an editor who learns
to ignore the rule. As in caption_dates, every searched pattern starts with literal text (a
space and a preposition, a comma, a noun) so that ``re`` scans fast; the words around a find
are checked afterwards.
"""

from __future__ import annotations

import re

from photodesk.core.rules.caption_words import NOT_PLACES, PLACE_NOUNS, UPPER, trie

_WORD = rf"{UPPER}[\w'’.-]*"
_PREPOSITIONS = (
    "in at near outside inside from off across around aboard along within beside behind "
    "à au aux dans en em bei im nahe în nel nella w we"
).split()
_ARTICLE = r"the|a|an|le|la|les|l'|el|los|las|il|der|die|das|dem|den|des|o|os"
# Up to two lower-case words between the preposition and the name (``in the far eastern Amur``),
# but not a clause: ``in a basement as Iraqi forces``, ``in buying North Korean ammunition``.
_FUNCTION = (
    r"as|during|of|in|for|to|with|by|on|at|and|or|after|before|while|when|where|which|who|"
    r"that|is|was|are|were|has|have|had|said|says|outside|inside|near|from"
)
_LOWER = rf"(?!(?:{_FUNCTION})\s|[a-z]*ing\s)[a-z][\w'’-]*\s+"
_AFTER_PREPOSITION = rf"\s+(?:(?:{_ARTICLE})\s+)?(?:{_LOWER}){{0,2}}(?P<name>{_WORD})"
_WORDS = trie([*_PREPOSITIONS, *(p.title() for p in _PREPOSITIONS), "outskirts of"])
_PREPOSITION_RE = re.compile(rf"[ (\[\"“](?:{_WORDS}|on(?=\s+the\s)){_AFTER_PREPOSITION}")
_OPENING_PREPOSITION_RE = re.compile(rf"\W*(?:{_WORDS}){_AFTER_PREPOSITION}")
_LEADS_ON = (
    r"(?:on|in|at|during|before|after|where|as|when|while|to|the|a|an|which|near|outside)\b"
    r"|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
)
# ``, Russia`` after a capitalised name, then punctuation, the end, or what leads on to a date
# (``Russia October 10``, ``Pa., Thursday``).
_PAIR_RE = re.compile(
    rf", (?:{_WORD} ){{0,2}}(?P<name>{_WORD})"
    rf"(?=\s*(?:[;:)]|\.(?:\s|$)|$)|(?<=\.)\s|\s+(?:{_LEADS_ON})|,\s+(?:{_LEADS_ON}))"
)
_PAIR_FIRSTS = frozenset("region province district county state territory oblast".split())
_NOUNS = trie([*PLACE_NOUNS, *(n.title() for n in PLACE_NOUNS)])
_NOUN_RE = re.compile(rf" (?:{_NOUNS})\b")
_NAME_BEFORE_NOUN_RE = re.compile(rf"(?P<name>{_WORD})\s+(?:[a-z]+\s+)?$")
_OF_RE = re.compile(rf" of (?:the )?(?P<name>{_WORD})")
_NOUNS_OF = frozenset(
    "city town village region province capital port island republic territory state "
    "outskirts suburb suburbs center centre heart streets".split()
)
_DATELINE_RE = re.compile(
    r"\W*[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3}"
    r"(?:\s*,\s*(?:[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+)*\s*[-–—(:]|[A-Z][a-z]{2})"
    r"|\s+[-–—]{1,2}\s|\s*\(|\s*[-–—]{2})"
)
_OPENING_NAME_RE = re.compile(rf"\W*(?P<name>{_WORD}),\s")
_PARTIES = frozenset("DRI")  # ``Elijah Cummings, D-Md.``: a party and state, not a place
_REACH = 48


def has_place(text: str) -> bool:
    """Whether the caption says where, by one of the structural signs in the module docstring.

    Not memoised: a desk checks each caption once, and every caption differs.
    """
    return (
        _named_after_preposition(text)
        or _named_in_pair(text)
        or _named_with_noun(text)
        or _opens_with_place(text)
    )


def _named_after_preposition(text: str) -> bool:
    opening = _OPENING_PREPOSITION_RE.match(text)
    if opening and is_place_word(opening["name"]):
        return True
    for match in _PREPOSITION_RE.finditer(text):  # noqa: SIM110  (any() costs a generator)
        if is_place_word(match["name"]):
            return True
    return False


def _named_in_pair(text: str) -> bool:
    """``Khabarovsk, Russia``: the word before the comma is a name or a place noun."""
    for match in _PAIR_RE.finditer(text):
        first = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
        named = first[:1].isupper() or first.casefold() in _PAIR_FIRSTS
        if named and is_place_word(match["name"]) and is_place_word(first):
            return True
    return False


def _named_with_noun(text: str) -> bool:
    """``Primorsky region``, ``Gaza Strip``; ``the city of Tsiolkovsky``."""
    for match in _NOUN_RE.finditer(text):
        start = match.start()
        before = _NAME_BEFORE_NOUN_RE.search(text, max(0, start - _REACH), start + 1)
        if before and is_place_word(before["name"]):
            return True
    for match in _OF_RE.finditer(text):
        noun = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
        if noun.casefold() in _NOUNS_OF and is_place_word(match["name"]):
            return True
    return False


def _opens_with_place(text: str) -> bool:
    """A dateline in capitals, or ``Görlitz, …``: one title-case word and a comma."""
    if _DATELINE_RE.match(text):
        return True
    opening = _OPENING_NAME_RE.match(text)
    if opening is None:
        return False
    return not opening["name"].isupper() and is_place_word(opening["name"])


def is_place_word(word: str) -> bool:
    """A capitalised word in a place's position that is not a date, pronoun or party tag."""
    if word[1:2] == "-" and word[:1] in _PARTIES:  # ``D-Md.``: a party and state, not a place
        return False
    return word.rstrip(".’',").casefold() not in NOT_PLACES
