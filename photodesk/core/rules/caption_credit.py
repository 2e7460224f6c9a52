"""A credit left inside a caption's text (PD205), found the way the importer finds credits.

Two ways a credit ends up printed twice: the caption still ends with a credit after the importer
split one off (agencies' captions often end ``… (Photo by X / AFP)`` and the page prints the
credit again), or an editor pastes the credit into the text. The first is found with the core's
own splitter (``caption_from_text``), so the check and the importer never disagree about what a
credit is; the second by looking for the caption's own credit text, spaced or cased differently.

The splitter costs 100–300 µs a caption, so it runs only when caption_credit_signs sees the
sign of a credit at the caption's end; the search for the caption's own credit starts with the
credit's first word, so that ``re`` scans fast, and takes a label before it afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from photodesk.core.captions import caption_from_text
from photodesk.core.credit_lexicon import LABEL_RE, LABELS
from photodesk.core.credit_parse import parse_credit
from photodesk.core.rules.caption_credit_signs import may_end_with_credit
from photodesk.core.rules.credit_house import CREDITS, stored_parse_of
from photodesk.core.rules.memo import remember
from photodesk.core.types import Credit


@dataclass(frozen=True, slots=True)
class Inside:
    """A credit found in a caption: as printed, as parsed, and the caption without it."""

    text: str
    credit: Credit
    caption: str


_LABEL_BEFORE_RE = re.compile(rf"(?:©|\(c\))?\s*(?:{'|'.join(LABELS)})\s*$", re.IGNORECASE)
_LABEL_REACH = 40
_SPACE_OR_SLASH_RE = re.compile(r"(\s*/\s*|\s+)")
_SEAM = frozenset(",.;:!?")


def credit_inside(caption: str, credit: str | None, parsed: Credit | None = None) -> Inside | None:
    """The credit the caption's text still carries, if any.

    A credit closing the caption comes first: the splitter also cleans the furniture around it
    (``#``, ``(Tags: …)``, a byline glued after the bracket), which a plain cut would leave.
    Nothing here is cached on the caption, which a desk checks once (every caption differs);
    only the splitter's answer is, being the one costly step. ``parsed`` is the caption's
    stored parse of ``credit`` (None: the text is parsed).
    """
    if may_end_with_credit(caption):
        trailing = _trailing(caption)
        if trailing is not None:
            return trailing
    text = (credit or "").strip()
    if not text or not _distinctive(text, parsed):
        return None
    folded = caption.casefold()
    if _credit_key(text) not in folded or not _may_repeat(caption, text, folded):
        return None  # the usual case, settled without compiling the pattern
    return _repeated(caption, text)


def _may_repeat(caption: str, credit: str, folded: str) -> bool:
    """Whether the caption holds every word of the credit, the pattern's necessary condition
    where it can be decided without it: in ASCII text, where the pattern's case-insensitive
    match is exactly a match of the case-folded words. Elsewhere (``İ``, ``ſ`` fold in ways a
    pattern does not) the pattern decides."""
    if not (caption.isascii() and credit.isascii()):
        return True
    return all(word in folded for word in _credit_words(credit))


@lru_cache(maxsize=CREDITS)
def _credit_words(credit: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _SPACE_OR_SLASH_RE.split(credit)[::2])


@lru_cache(maxsize=16384)
def _trailing(caption: str) -> Inside | None:
    """A credit closing the caption, as the importer would split it off (the splitter costs
    100-300 µs, so its answer is kept for the next check of the same caption)."""
    draft = caption_from_text(caption)
    if draft.credit is None:
        return None
    return Inside(draft.credit.text, draft.credit, draft.caption)


def _repeated(caption: str, credit: str) -> Inside | None:
    """The caption's own credit printed again inside it, with a label printed before it."""
    pattern = _credit_pattern(credit)
    match = next((m for m in pattern.finditer(caption) if not _glued(caption, m.start())), None)
    if match is None:
        return None
    start, end = match.span()
    label = _LABEL_BEFORE_RE.search(caption, max(0, start - _LABEL_REACH), start)
    if label is not None:
        start = label.start()
    found = caption[start:end].strip()
    return Inside(found, parse_credit(found), _join(caption[:start], caption[end:]))


def _glued(caption: str, start: int) -> bool:
    """A find inside a longer word (``XREUTERS/…``) is not the credit."""
    return start > 0 and caption[start - 1].isalnum()


def _join(left: str, right: str) -> str:
    """The caption's two sides after a cut, with the punctuation at the seam made whole.

    ``container, (X/AFP), in`` becomes ``container, in``; ``2024. X/AFP. More`` becomes
    ``2024. More``; only the seam is touched, never the rest of the editor's text.
    """
    left, right = left.rstrip(" \t"), right.lstrip(" \t")
    if left.endswith(("(", "[")) and right.startswith((")", "]")):
        left, right = left[:-1].rstrip(" \t"), right[1:].lstrip(" \t")
    if left[-1:] in _SEAM and right[:1] in _SEAM:
        mark = left[-1] if left[-1] in ".!?" or right[0] not in ".!?" else right[0]
        left, right = left[:-1] + mark, right[1:].lstrip(" \t")
    elif right[:1] in _SEAM or right[:1] in ")]":
        return (left + right).strip(" /-–—")
    return f"{left} {right}".strip(" /-–—")


@lru_cache(maxsize=CREDITS)
def _credit_key(credit: str) -> str:
    """The credit's longest word, case-folded: a caption without it cannot hold the credit.

    Found without a regular expression: a desk of 100,000 captions has tens of thousands of
    different credits, and compiling a pattern for each costs more than the whole check.
    """
    return max(_SPACE_OR_SLASH_RE.split(credit)[::2], key=len).casefold()


@lru_cache(maxsize=1024)
def _credit_pattern(credit: str) -> re.Pattern[str]:
    """The credit as a pattern: any case, any spacing around its words and slashes.

    The pattern starts with the credit's first word, not with an optional label or bracket, so
    that the search scans fast; the label before it and the brackets are taken afterwards.
    """
    parts = _SPACE_OR_SLASH_RE.split(credit)
    body = "".join(
        (r"\s*/\s*" if "/" in part else r"\s+") if index % 2 else re.escape(part)
        for index, part in enumerate(parts)
    )
    return re.compile(rf"{body}(?!\w)", re.IGNORECASE)


_DISTINCTIVE: dict[str, bool] = {}


def _distinctive(credit: str, parsed: Credit | None = None) -> bool:
    """Whether the credit's text could not be an ordinary phrase of a caption.

    ``Reuters``, ``AP Photo`` or a photographer's bare name also appear in captions as words
    (``Reuters reported``, ``Brian Ries, who …``); a chain of two names or a labelled credit does
    not. A lone name is found only where the splitter finds it, at the end. Cached on the text;
    ``parsed`` (the caption's stored parse) spares the parse when it is this text's.
    """
    known = _DISTINCTIVE.get(credit)
    if known is None:
        parse = stored_parse_of(parsed, credit) or parse_credit(credit)
        parties = len(parse.creators) + len(parse.organizations) + (parse.agency is not None)
        known = remember(_DISTINCTIVE, credit, parties >= 2 or _labelled(credit), CREDITS)
    return known


def _labelled(credit: str) -> bool:
    """A label (``Photo by``) with a name after it."""
    label = LABEL_RE.match(credit)
    return label is not None and 0 < label.end() < len(credit)


def same_credit(first: Credit, second: Credit) -> bool:
    """Whether two parses name the same people, bodies and agency, with the same flags.

    Names compare without case or accents: an agency's caption spells ``Lea Fournier`` and
    ``YULIA ZORINA`` where the page prints ``Léa Fournier`` and ``Yulia Zorina``.
    """
    return _shape(first) == _shape(second)


def _shape(credit: Credit) -> tuple[object, ...]:
    return (
        frozenset(_fold(name) for name in credit.creators),
        frozenset(_fold(name) for name in credit.organizations),
        _fold(credit.agency or ""),
        credit.handout,
        credit.pool,
        credit.via,
    )


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
