"""When a paragraph of running text is a picture caption, and when it is body text.

Scraped text and Markdown have no figure markup, so a caption has to be recognised from the
paragraph itself. Whether the trailing bracket *is a credit* is the credit grammar's call
(``caption_from_text``); this module only adds what the article around it tells us:

* wire conventions that are never captions whatever their brackets say: datelines opening a lede
  (``MOSCOW (AP) —``) and sign-offs (``(Reporting by …)``, ``— AFP``);
* a caption is a *picture's* text: either the page repeats it (alt text printed above the visible
  caption), or the credit stands after a complete sentence, or the credit names a person or body.
  A bracket glued to the middle of a sentence (``Sen. Ron Johnson (R-Wis.)``) is neither;
* a bare agency name is also how a *text* story cites its source (``… drones overnight.
  (Reuters)``), so it makes a caption only of a paragraph that describes a picture.
"""

from __future__ import annotations

import re

from photodesk.articles.textutil import ends_sentence
from photodesk.core.captions import caption_from_text
from photodesk.core.types import CaptionDraft, Credit

_SIGN_OFF = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|written|edited|"
    r"produced|translated)\s+(?:by|from)\b",
    re.IGNORECASE,
)
_TRAILING_SIGN_OFF = re.compile(r"(?:[.!?\"”]\s*|\s)[—–]\s?[A-Z][A-Za-z]{1,10}\s*$")
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*)?"
    r"\((?:[A-Z][A-Za-z.&]{1,15}\s?){1,3}\)\s*[-—–]{1,2}\s"
)
# Reported speech and story furniture: body text, never the description of a picture.
_REPORTING = re.compile(
    r"\b(?:said|says|saying|told|tells|according\s+to|reported|reports|added|announced|"
    r"warned|stated|claimed|confirmed|quoted|contributed|this\s+(?:story|article))\b",
    re.IGNORECASE,
)
_PHOTO_WORD = re.compile(r"©|\b(?:photo\w*|foto\w*|pictures?|images?|credit)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[A-Z\"“])")
MAX_CAPTION_CHARS = 400  # a caption is a sentence or two; a longer paragraph is body text
_MAX_CAPTION_SENTENCES = 3
_MIN_CAPTION_WORDS = 4  # "White House Reaction" is a subhead, not a caption


def is_decoy(paragraph: str) -> bool:
    """Datelines and sign-offs: wire furniture that carries brackets but never a photo credit."""
    text = paragraph.strip()
    return bool(_SIGN_OFF.match(text) or _DATELINE.match(text) or _TRAILING_SIGN_OFF.search(text))


def names_someone(credit: Credit) -> bool:
    """True when the parsed credit names a photographer or an organisation, not just one token."""
    return bool(credit.creators or credit.organizations)


def is_bare_agency(credit: Credit) -> bool:
    """A credit that is only an outlet's name (``Reuters``), which text stories print too.

    A photographer, a source body, a handout/pool/via marker or a photo word (``AFP Photo``,
    ``Getty Images``, ``©``) make it a picture credit.
    """
    marked = credit.handout or credit.pool or credit.via or _PHOTO_WORD.search(credit.text)
    return not (names_someone(credit) or marked)


def describes_picture(text: str) -> bool:
    """True for text shaped like a caption: short, a sentence or two, no reported speech.

    ``… drones launched overnight, officials said.`` reports; ``Police stand guard in Paris.``
    describes. Used where the page gives no other sign that a picture is there.
    """
    text = text.strip()
    if not text or is_decoy(text) or len(text) > MAX_CAPTION_CHARS or _REPORTING.search(text):
        return False
    if len(text.split()) < _MIN_CAPTION_WORDS:
        return False
    return len(_SENTENCE_BREAK.findall(text)) < _MAX_CAPTION_SENTENCES


def caption_in_paragraph(paragraph: str, *, repeated: bool = False) -> CaptionDraft | None:
    """The caption a paragraph of running text holds, or None when it is body text.

    ``repeated`` says the page printed the paragraph twice in a row (alt text + caption), which is
    how scraped pages betray a picture even when the caption carries no credit.
    """
    if is_decoy(paragraph):
        return None
    draft = caption_from_text(paragraph)
    if not draft.caption:
        return None
    if draft.credit is None or repeated:
        return draft if repeated else None
    if is_bare_agency(draft.credit):
        return draft if describes_picture(draft.caption) else None
    if ends_sentence(draft.caption) or names_someone(draft.credit):
        return draft
    return None


def credit_only(paragraph: str) -> Credit | None:
    """The credit of a paragraph that is nothing but a credit line (printed under its caption)."""
    if is_decoy(paragraph):
        return None
    draft = caption_from_text(paragraph)
    return draft.credit if not draft.caption else None
