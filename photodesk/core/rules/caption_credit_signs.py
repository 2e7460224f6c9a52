"""Whether a caption may end with a credit: the cheap test run before the splitter.

The core's splitter (``caption_from_text``) costs 100–300 µs a caption, most of it in scanning
for labels and sentence boundaries, which is ten times the whole check's budget. A caption that
the importer has already split almost never ends with a second credit, so PD205 asks the
splitter only when the caption shows the sign of one of the layouts its finders look for
(credit_finders): a second line, a slash, a restriction trailer, a bracket near the end that is
no aside, a label among the last words, or a last sentence short enough to be a list of names
that ends with an agency's or a newspaper's word or has ``via`` in it.

Each test mirrors what a finder needs (credit_shape's name-list test, loosened), so a caption
that passes is then split for real: a sign that is too eager costs time, never a false alarm.
Measured against the splitter itself on 18,000 captions with real credits appended in every
layout, the signs missed none but a credit with a made-up word glued after it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from photodesk.core.agencies import AGENCIES
from photodesk.core.credit_lexicon import MAX_CREDIT_CHARS, MEDIA_WORDS
from photodesk.core.rules.caption_words import MONTHS, trie

# Words that start a labelled credit (``Photo by``, ``Photograph:``, ``Courtesy of``).
_LABEL_WORDS = frozenset(
    """photo photos photograph photography foto fotó pic pics picture pictures image images
    credit credits courtesy pool handout source illustration video file bild фото""".split()
)
# Looked for in the case-folded end of the caption before any word is looked at, as
# substrings: fifteen ``in`` tests cost less than one search of their alternation.
_LABEL_STEMS = tuple(
    "photo foto fotó pic image credit courtesy pool handout source illustration video file "
    "bild фото".split()
)
_LABEL_FOLLOWERS = frozenset("by courtesy credit credits".split())
_NAMING = frozenset("photo foto courtesy".split())  # ``foto ANSA/NAME``, ``Courtesy Name``
# Lower-case words a credit may hold (a superset of credit_shape's, so the test stays loose).
_CREDIT_LOWER = (
    frozenset(
        "via for by of the and de da di do du des del della der den van von al el le la y a an bin "
        "ibn".split()
    )
    | _LABEL_WORDS
)
_MAX_NAME_WORDS = 16  # credit_shape allows 14 words after a label of up to two
_MAX_LOWER = 3
_TAIL_WORDS = 18
_BRACKET_REACH = 80  # the splitter looks for a credit's closing bracket this near the end
_GLUE_WORDS = 6  # a byline the page glues after a bracketed credit (credit_finders)
# (R-Mich.), (left), (Reporting by …; Editing by …)
_ASIDE_RE = re.compile(r"^[DRI]-|^[a-z ]+$|\b(?:[Rr]eporting|[Ww]riting|[Ee]diting) by\b")
# Restriction trailers after a credit (``… REUTERS/Name ATTENTION EDITORS - …``) and
# right-to-left and CJK labels: the splitter decides where the credit is.
_TRAILERS = ("EDITOR", "SUPPLIED", "NO ", "MANDATORY")
_NON_ASCII_TRAILER_RE = re.compile(trie(("קרדיט", "צילום", "写真", "사진")))
_FURNITURE_RE = re.compile(
    r"(?:\s*\([^()]*Tags:[^()]*\)|\s*\(END\)|\s*\[\s*Editor:[^\]]*\]|\s+#)+\s*$", re.IGNORECASE
)
_FURNITURE_REACH = 300
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»：#"
_SENTENCE_MARKS = ".!?/–—"


def _sign_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words a credit ends with: the last word of an agency's name, newspaper words, labels.

    Short all-capital names (AP, PA, AA) count only as printed, so that ``Bethlehem, Pa.`` does
    not count; every other word counts in any case.
    """
    aliases = [alias for agency in AGENCIES for alias in (agency.canonical, *agency.aliases)]
    exact = frozenset(a for a in aliases if len(a) <= 3 and " " not in a)
    last = (alias.split()[-1] for alias in aliases)
    words = {word.casefold() for word in last if len(word) > 3 or not word.isupper()}
    return exact, frozenset(words | MEDIA_WORDS | _LABEL_WORDS)


_SIGN_EXACT, _SIGN_FOLDED = _sign_words()


def may_end_with_credit(caption: str) -> bool:
    """Whether the splitter could find a credit in ``caption`` (see the module docstring)."""
    body = caption.strip()
    if not body:
        return False
    if "\n" in body:  # a credit on a line of its own, before or after the caption
        if any(_reads_like_names(line) for line in (body[: body.find("\n")], _last(body))):
            return True
        body = _last(body).strip()
    if body[-1] in "#)]":
        body = _without_furniture(body)
    tail = body[-MAX_CREDIT_CHARS:]
    if "/" in tail or "©" in body or _has_trailer(body):
        return True
    if _ends_with_date(body):
        return False
    if _ends_with_bracket_credit(body):
        return True
    folded = tail.casefold()
    if _has_label_stem(folded) and _has_label(tail):
        return True
    named = " via " in folded or _ends_with_agency(tail)
    return named and _reads_like_names(_last_sentence(body))


def _has_label_stem(folded: str) -> bool:
    for stem in _LABEL_STEMS:  # noqa: SIM110  (any() costs a generator, on most captions)
        if stem in folded:
            return True
    return False


def _has_trailer(body: str) -> bool:
    """A restriction trailer or a right-to-left or CJK label anywhere in the caption.

    The Latin words are looked for as substrings, which is several times faster than one
    alternation; the others only in a caption that is not ASCII.
    """
    for word in _TRAILERS:
        if word in body:
            return True
    return not body.isascii() and _NON_ASCII_TRAILER_RE.search(body) is not None


def _without_furniture(body: str) -> str:
    """The caption without the desk furniture the splitter drops first: ``#``, ``(END)``,
    ``(RUSSIA - Tags: …)``, ``[Editor: …]``."""
    furniture = _FURNITURE_RE.search(body, max(0, len(body) - _FURNITURE_REACH))
    return body[: furniture.start()] if furniture else body


def _ends_with_agency(tail: str) -> bool:
    """``… Reuters``, ``… The Associated Press``, ``… AP Photo``, ``… Xinhua 2024``: the last
    name-like word (a number or ``for``/``by`` after it passed over) is an agency's or a paper's."""
    for token in reversed(tail.rsplit(None, _GLUE_WORDS)[-_GLUE_WORDS:]):
        word = token.strip(_PUNCTUATION)
        if word in _SIGN_EXACT or word.casefold() in _SIGN_FOLDED:
            return True
        if not (word.isdigit() or word in _CREDIT_LOWER):
            return False
    return False


def _ends_with_date(body: str) -> bool:
    """``… on October 10, 2024.``, ``… in 2019.``: a number after a number, a month or a
    lower-case word ends a sentence; a credit's last number follows a name (``Xinhua 2024``)."""
    last_two = body.rsplit(None, 2)[-2:]
    if len(last_two) < 2 or not last_two[1].rstrip(" .,;)").isdigit():
        return False
    before = last_two[0].rstrip(".,;")
    return before[:1].isdigit() or before[:1].islower() or before.casefold() in MONTHS


def _last(body: str) -> str:
    return body[body.rfind("\n") + 1 :]


def _ends_with_bracket_credit(body: str) -> bool:
    """``… (Name/Agency)``, perhaps with a few words glued after it, that is no aside."""
    close = max(body.rfind(")"), body.rfind("]"))
    if close < len(body) - _BRACKET_REACH or len(body[close + 1 :].split()) > _GLUE_WORDS:
        return False
    start = max(body.rfind("(", 0, close), body.rfind("[", 0, close))
    inner = body[start + 1 : close].strip()
    if start < 0 or len(inner) < 3 or _ASIDE_RE.search(inner) or not _reads_like_names(inner):
        return False
    words = [word.strip(_PUNCTUATION) for word in inner.split()]
    if any(char.isdigit() for char in inner):  # (125 miles), (Jan. 7), but (Xinhua 2024)
        return any(w in _SIGN_EXACT or w.casefold() in _SIGN_FOLDED for w in words)
    return not all(w.casefold() in _LABEL_WORDS for w in words)  # ``(file photo)``


def _has_label(body: str) -> bool:
    """``Photo by``, ``Photograph:``, ``Courtesy of``, ``Foto Name`` among the last words, and
    after it a list of names up to the first full stop (``IMAGE: Putin and Kim visit the …``
    is a kicker)."""
    tokens = body.replace(":", ": ").rsplit(None, _TAIL_WORDS)[-_TAIL_WORDS:]  # ``Credit:Name``
    for index, (token, following) in enumerate(pairwise(tokens)):
        word = token.strip(_PUNCTUATION).casefold()
        if word not in _LABEL_WORDS or not _starts_credit(token, word, following):
            continue
        if _reads_like_names(_first_sentence(tokens[index + 1 :])):
            return True
    return False


def _starts_credit(token: str, word: str, following: str) -> bool:
    after = following.strip(_PUNCTUATION)
    if token.endswith(":") or after.casefold() in _LABEL_FOLLOWERS:
        return True
    return (word == "courtesy" and after == "of") or (word in _NAMING and after[:1].isupper())


def _first_sentence(tokens: list[str]) -> str:
    end = next((i for i, token in enumerate(tokens) if token.endswith(".")), len(tokens))
    return " ".join(tokens[: end + 1])


def _last_sentence(body: str) -> str:
    """The text after the last sentence mark: no credit found after a boundary is shorter.

    Any full stop counts, abbreviations too; that only makes the text shorter and the test
    looser, which is the safe direction.
    """
    text = body.rstrip(_PUNCTUATION + " ")
    start = max(text.rfind(mark) for mark in _SENTENCE_MARKS)
    return text[max(start, text.rfind(" - "), text.rfind("  ")) + 1 :]


def _reads_like_names(text: str) -> bool:
    """Few words, few ordinary lower-case ones: credit_shape's name-list test, loosened."""
    if len(text.split()) > _MAX_NAME_WORDS:
        return False
    words = _WORD_RE.findall(text)
    lower = sum(1 for w in words if w[0].islower() and w.casefold() not in _CREDIT_LOWER)
    return lower <= _MAX_LOWER
