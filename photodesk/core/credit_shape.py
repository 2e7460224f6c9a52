"""Does a candidate string read as a photo credit, given where it was found?

The same words mean different things in different places: ``(Fabio Bucciarelli)`` closing a
caption is a credit, the same name at the end of a sentence is not; ``Reuters`` alone after a
full stop is a credit, ``(Reuters)`` after a city is a dateline. The splitter proposes
candidates with their place (Context); this module decides, using the parser's own reading so
that splitting and parsing never disagree about what a credit is.
"""

from __future__ import annotations

import re
from enum import Enum

from photodesk.core.agencies import find_agency
from photodesk.core.credit_lexicon import LABEL_RE, NON_MEDIA_ACRONYMS, ORGANIZATION_WORDS
from photodesk.core.credit_parse import parse_credit, strip_labels
from photodesk.core.credit_segments import has_word
from photodesk.core.types import Credit


class Context(Enum):
    BRACKET = "bracket"  # the last bracket group of a caption
    LABELLED = "labelled"  # starts with Photo:, Credit:, Photograph by …
    TRAILING = "trailing"  # the unbracketed end of a sentence
    OWN_LINE = "own_line"  # a whole line after the caption
    SOLE = "sole"  # the whole text is one line: a credit only if it could be nothing else
    LEADING_LINE = "leading_line"  # a whole line before the caption


_ALLOWED_LOWER = frozenset(
    "via for by of the and de da di do du des del della der den van von al el le la y a an "
    "photo photos foto pool handout file courtesy".split()
)
_NOT_A_CREDIT_RE = re.compile(
    r"\b(?:reporting|writing|editing|additional reporting|compiled) by\b"
    r"|\b(?:editorial use only|no sales|no archives|mandatory credit|no marketing)\b"
    r"|\b[A-Z]{2,} OUT$|\(\s*(?:AP|Reuters|AFP|CNN)\s*\)\s*[-–—]",
    re.IGNORECASE,
)
_BRACKETS_RE = re.compile(r"[()\[\]{}]")
# A full stop after a word of three letters or a number ends a sentence; a credit has none.
_SENTENCE_END_RE = re.compile(r"([^\W\d_]{3,}|[a-z]{2}|\d+)[.!?]\s")
_ABBREVIATIONS = frozenset("inc ltd corp bros intl dept govt assn".split())
_NUMBER_TOKEN_RE = re.compile(r"(?:^|\s)\d[\d.,]*(?:\s|$)")
_MAX_TOKENS = 14
_MAX_SHORT_CHAIN = 8
_MAX_LOWER = 3
_SEPARATOR_RE = re.compile(r"/|,\s|\s[-–—]\s|—|\bvia\b|\bfor\b|:", re.IGNORECASE)
_TRAILING_LABEL_WORD_RE = re.compile(r"\b(?:photo(?:graph)?|handout)$", re.IGNORECASE)


def _lower_words(text: str) -> int:
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return sum(1 for w in words if w[0].islower() and w.casefold() not in _ALLOWED_LOWER)


def _reads_like_a_name_list(body: str) -> bool:
    """Few tokens, few ordinary lower-case words, no sentence inside."""
    tokens = body.split()
    if not tokens or len(tokens) > _MAX_TOKENS:
        return False
    if body.endswith("?") or any(
        m.group(1).casefold() not in _ABBREVIATIONS for m in _SENTENCE_END_RE.finditer(body)
    ):
        return False
    return _lower_words(body) <= _MAX_LOWER


def _bodies_read_as_names(credit: Credit) -> bool:
    """``Biden in Warsaw`` is a phrase, ``Government of Primorsky region`` a body's name."""
    for body in credit.organizations:
        lower = [w for w in body.split() if w[:1].islower() and w.casefold() not in _ALLOWED_LOWER]
        if lower and not has_word(body, ORGANIZATION_WORDS) and find_agency(body) is None:
            return False
    return True


def _named(credit: Credit) -> bool:
    return bool(credit.creators or credit.organizations or credit.agency)


def _has_name_letters(credit: Credit) -> bool:
    names = (*credit.creators, *credit.organizations, *([credit.agency] if credit.agency else []))
    return all(
        len(re.findall(r"[^\W\d_]", n)) >= 2 and not _NUMBER_TOKEN_RE.search(n) for n in names
    )


def is_credit(candidate: str, context: Context) -> bool:
    """Whether ``candidate`` (already without brackets) is a photo credit in ``context``."""
    if not candidate or _NOT_A_CREDIT_RE.search(candidate) or _BRACKETS_RE.search(candidate):
        return False
    body, _, _ = strip_labels(candidate)
    if not _reads_like_a_name_list(body):
        return False
    credit = parse_credit(candidate)
    if not _has_name_letters(credit) or not _bodies_read_as_names(credit):
        return False
    labelled = bool(LABEL_RE.match(candidate)) and body != candidate.strip()
    marked = credit.pool or credit.handout
    if context is Context.LABELLED:
        return labelled  # ``Courtesy of the Authors`` is a credit that names nobody
    if context is Context.LEADING_LINE:
        return credit.agency is not None or labelled or marked
    if context is Context.TRAILING:
        return _trailing_credit(candidate, body, credit)
    if context is Context.SOLE:
        return _sole_credit(body, credit, labelled)
    return _bracket_or_line_credit(body, credit, labelled)


def _sole_credit(body: str, credit: Credit, labelled: bool) -> bool:
    """A one-line text is a caption unless it is unmistakably a credit.

    ``Smoke rises over Gaza City`` names no agency, has no label and no chain: a caption.
    ``Kent Nishimura/AFP via Getty Images`` or a bare ``Reuters`` can only be credits.
    """
    if labelled or credit.pool or credit.handout or _names_known_agency(credit):
        return True
    return bool(_SEPARATOR_RE.search(body)) and bool(credit.creators or credit.agency)


def _names_known_agency(credit: Credit) -> bool:
    return credit.agency is not None and find_agency(credit.agency) is not None


def _trailing_credit(candidate: str, body: str, credit: Credit) -> bool:
    """An unbracketed sentence end must name an agency, or be a short ``Name/Body`` chain."""
    if credit.agency is None:
        return bool(credit.creators) and "/" in body and len(body.split()) <= _MAX_SHORT_CHAIN
    if not credit.creators and not credit.organizations:  # a bare ``Reuters`` or ``© AFP``
        return True
    return bool(_SEPARATOR_RE.search(body)) or credit.via or bool(credit.creators)


def _bracket_or_line_credit(body: str, credit: Credit, labelled: bool) -> bool:
    if not _named(credit):
        return False
    if credit.agency or credit.creators or labelled or credit.pool or credit.handout:
        return True
    chain = bool(_SEPARATOR_RE.search(body))
    return chain or bool(_TRAILING_LABEL_WORD_RE.search(body)) or _is_organisation_name(body)


def _is_organisation_name(body: str) -> bool:
    """``Israel Defense Forces``, ``Kramatorsk City Council``: a proper name of a body."""
    words = body.split()
    capitalised = all(w[:1].isupper() or w.casefold() in _ALLOWED_LOWER for w in words)
    named_body = has_word(body, ORGANIZATION_WORDS) or any(w in NON_MEDIA_ACRONYMS for w in words)
    return capitalised and named_body
