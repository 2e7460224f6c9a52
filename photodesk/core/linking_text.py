"""Caption text reduced to what two tellings of one picture have in common.

An article prints an edited version of the agency's caption: another dateline, names without
(or with) diacritics, no restriction boilerplate, the credit in house style, clauses reordered or
cut. What survives every edit is the set of content words, so texts become folded, lightly stemmed
token sets; dates become day numbers so that "Sept. 17, 2023" and "2023-09-17" compare.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from photodesk.core.credit_split import split_credit

# Agency boilerplate after (or instead of) the credit; in capitals, as agencies send it.
_RESTRICTION_RE = re.compile(
    r"(?:\s*/)?\s*(?:-{2,}\s*)?\b(?:RESTRICTED TO EDITORIAL USE|MANDATORY CREDIT|EDITORIAL USE "
    r"ONLY|NO MARKETING|NO ADVERTISING|NO SALES|NO RESALES|NO ARCHIVES|ATTENTION EDITORS|EDITORS? "
    r"NOTE|EDITOR'S NOTE|THIS IMAGE HAS BEEN SUPPLIED|DISTRIBUTED AS A SERVICE)\b.*$",
    re.DOTALL,
)
# The note AP puts in every North Korean state-media picture's caption.
_STATE_MEDIA_NOTE_RE = re.compile(
    r"\s*Independent journalists\b[^.]*\.(?:\s*The content of this image\b[^.]*\.)?"
    r"(?:\s*Korean language watermark\b.*?\.(?=\s|$))?"
)
# Getty's dateline: ``VLADIVOSTOK, RUSSIA - SEPTEMBER 17:``.
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’()-]{1,60}? [-–—] [A-Z]{3,9}\.? \d{1,2}(?:, \d{4})?:\s*")
_TOKEN_RE = re.compile(r"[^\W_]+")
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
STOPWORDS = frozenset(
    "a an the and or of in on at to for from by with as is are was were be been this that these "
    "those it its his her their he she they them who which during after before while into near "
    "about over under than s photo shows show taken released handout".split()
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = ("", *"january february march april may june july august september".split())
_MONTH_NAMES += ("october", "november", "december")
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MDY_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_DMY_RE = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO_RE = re.compile(r"(\d{4})[-:]?(\d\d)[-:]?(\d\d)")


def fold(text: str) -> str:
    """Case-folded, diacritics dropped (NFKD), curly apostrophes straight: ``Sŏng`` → ``song``."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return _COMBINING_RE.sub("", decomposed).casefold()


def stem(word: str) -> str:
    """A crude English stem, enough for ``waves``/``waving``/``waved`` and ``Korea``/``Korean``.

    Agencies and editors write the same fact in another form of the word (``North Korean
    leader`` beside ``North Korea's leader``); both sides go through the same rules, so a stem
    only has to be consistent, not a word.
    """
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("an"):  # Russian → Russia
        word = word[:-1]
    if len(word) > 4 and word.endswith("a"):
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


@lru_cache(maxsize=65536)
def _word(raw: str) -> str | None:
    if raw in STOPWORDS or (len(raw) < 2 and not raw.isdigit()):
        return None
    if raw[:3] in _MONTHS and _MONTH_NAMES[_MONTHS[raw[:3]]].startswith(raw):
        return _MONTH_NAMES[_MONTHS[raw[:3]]]  # AP's ``Sept.`` is everyone else's September
    return stem(raw) if raw.isalpha() else raw


def tokens(text: str) -> frozenset[str]:
    """The content words of a text, folded and stemmed, as a set (word order is an edit)."""
    return frozenset(filter(None, map(_word, _TOKEN_RE.findall(fold(text)))))


def agency_parts(description: str) -> tuple[str, str | None]:
    """An embedded description as (caption proper, printed credit or None).

    Restrictions and AP's state-media note go first because the credit grammar keeps them with
    the caption; the credit is then split off with the same grammar that reads article captions,
    and a Getty dateline is dropped from what remains.
    """
    text = _RESTRICTION_RE.sub("", description).rstrip(" /-")
    split = split_credit(_STATE_MEDIA_NOTE_RE.sub("", text))
    return _DATELINE_RE.sub("", split.caption), split.credit


def day_number(text: str | None) -> int | None:
    """The first date in a text as a day number (proleptic ordinal), or None.

    Reads ``September 17, 2023``, ``Sept. 17, 2023``, ``17 September 2023`` and ISO/EXIF/IIM
    forms (``2023-09-17``, ``2023:09:17``, ``20230917``); the earliest match in the text wins.
    """
    if not text:
        return None
    found: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for match in _MDY_RE.finditer(text, 0, 4000):
        found.append((match.start(), int(match[3]), _MONTHS[match[1][:3].lower()], int(match[2])))
        break
    for match in _DMY_RE.finditer(text, 0, 4000):
        found.append((match.start(), int(match[3]), _MONTHS[match[2][:3].lower()], int(match[1])))
        break
    iso = _ISO_RE.match(text.strip())
    if iso:
        found.append((0, int(iso[1]), int(iso[2]), int(iso[3])))
    for _, year, month, day in sorted(found):
        try:
            return date(year, month, day).toordinal()
        except ValueError:
            continue
    return None
