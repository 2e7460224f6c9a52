"""IPTC ninjs documents, 1.x and 2.x/3.x, read with one set of rules.

1.x keys associations by name and writes ``headline``, ``byline``, ``description_text``; 2.x and
3.x list associations, write ``headlines``/``descriptions`` with roles and ``by``; 3.x camel-cases
keys (``versionCreated``). Producers mix the two (TT ships 2.x with ``description_text``), so the
version only decides which spelling is tried first. Only picture associations become captions;
the item's own headline, byline and date describe the article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from photodesk.articles.dates import normalize_date
from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.ninjs_fields import (
    Item,
    description,
    first_text,
    headline,
    is_picture,
    lower_keys,
    rendition_href,
)
from photodesk.articles.unique import unique_pictures
from photodesk.core.captions import caption_from_parts
from photodesk.core.types import ArticleDraft, CaptionDraft

_NINJS_KEYS = frozenset(
    {
        "associations", "headline", "headlines", "body_text", "body_html", "body_xhtml",
        "bodies", "description_text", "descriptions", "byline", "by", "versioncreated",
        "firstcreated", "renditions", "creditline", "pubstatus", "representationtype",
    }
)  # fmt: skip
_CAMEL_KEYS = frozenset({"versionCreated", "firstCreated", "contentCreated", "pubStatus", "altIds"})


def read_ninjs(text: str) -> ArticleDraft:
    """An ArticleDraft from a ninjs JSON document; any other JSON is an ArticleFormatError."""
    document = load_ninjs(text)
    version = ninjs_version(document)
    item: Item = lower_keys(document)
    captions = tuple(unique_pictures(_pictures(item, version, top=True)))
    return ArticleDraft(
        "ninjs",
        title=headline(item, version),
        date=normalize_date(first_text(item, "versioncreated", "firstcreated", "contentcreated")),
        byline=first_text(item, "byline", "by")
        if version == 1
        else first_text(item, "by", "byline"),
        captions=captions,
    )


def load_ninjs(text: str) -> Item:
    """The document as loaded, or an ArticleFormatError saying why it is not ninjs."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleFormatError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    if not isinstance(data, dict):
        raise ArticleFormatError("JSON but not an IPTC ninjs document (not a JSON object)")
    if not _looks_like_ninjs(lower_keys(data)):
        raise ArticleFormatError(
            "JSON but not an IPTC ninjs document (no ninjs schema, uri, headline or associations)"
        )
    return data


def ninjs_version(document: Item) -> int:
    """The major version (1, 2 or 3) from the schema/standard hint, else from the shape.

    Takes the document as loaded: 3.x is told from 2.x by its camelCase keys.
    """
    for key in ("$schema", "$standard", "standard"):
        hint = document.get(key)
        text = json.dumps(hint) if isinstance(hint, dict) else str(hint or "")
        for major in (3, 2, 1):
            if f"schema_{major}." in text or f'"version": "{major}.' in text:
                return major
    if _CAMEL_KEYS.intersection(document):
        return 3
    shaped = isinstance(document.get("associations"), list)
    return 2 if shaped or "headlines" in document or "descriptions" in document else 1


def _looks_like_ninjs(item: Item) -> bool:
    hints = " ".join(str(item.get(key, "")) for key in ("$schema", "$standard", "standard"))
    if "ninjs" in hints.casefold():
        return True
    known = _NINJS_KEYS.intersection(item)
    return ("uri" in item and bool(known)) or len(known) >= 2


def _pictures(item: Item, version: int, *, top: bool = False) -> Iterator[CaptionDraft]:
    """Picture associations depth-first in document order; a bare picture item is one caption."""
    if top and is_picture(item):
        yield _caption(item, version)
    for child in _associations(item):
        if is_picture(child):
            yield _caption(child, version)
        else:
            yield from _pictures(child, version)


def _associations(item: Item) -> Iterator[Item]:
    value: Any = item.get("associations")
    children = (
        value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    )
    yield from (child for child in children if isinstance(child, dict))


def _caption(picture: Item, version: int) -> CaptionDraft:
    """One picture: its caption text, its credit line (creditline, else its byline), its file."""
    credit = first_text(picture, "creditline") or description(picture, version, credit=True)
    credit = credit or first_text(picture, "by", "byline")
    text = description(picture, version) or headline(picture, version) or ""
    return caption_from_parts(text, credit, rendition_href(picture))
