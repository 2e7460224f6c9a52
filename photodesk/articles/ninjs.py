"""IPTC ninjs documents, 1.x and 2.x/3.x, read with one set of rules.

1.x keys associations by name and writes ``headline``, ``byline``, ``description_text``; 2.x and
3.x list associations, write ``headlines``/``descriptions`` with roles and ``by``; 3.x camel-cases
keys (``versionCreated``). Producers mix the two (TT ships 2.x with ``description_text``), so the
version only decides which spelling is tried first. Only picture associations become captions,
then any picture that only the HTML body shows; the item's own headline, byline and date describe
the article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from photodesk.articles.dates import normalize_date
from photodesk.articles.html import fragment_pictures
from photodesk.articles.ninjs_fields import (
    Item,
    body_html,
    description,
    first_text,
    headline,
    is_picture,
    names,
    rendition_href,
)
from photodesk.articles.ninjs_load import load_ninjs, lower_keys, ninjs_version
from photodesk.articles.unique import unique_pictures
from photodesk.core.captions import caption_from_parts, caption_from_text
from photodesk.core.types import ArticleDraft, CaptionDraft

__all__ = ["load_ninjs", "ninjs_version", "read_ninjs"]
# Publication first, like HTML's published time: a correction must not move the article's date.
_DATE_KEYS = ("firstcreated", "versioncreated", "contentcreated")


def read_ninjs(text: str) -> ArticleDraft:
    """An ArticleDraft from a ninjs JSON document; any other JSON is an ArticleFormatError."""
    document = load_ninjs(text)
    version = ninjs_version(document)
    item: Item = lower_keys(document)
    body = body_html(item)
    inline = fragment_pictures(body) if body else []
    byline_keys = ("byline", "by") if version == 1 else ("by", "byline")
    return ArticleDraft(
        "ninjs",
        title=headline(item, version),
        date=normalize_date(first_text(item, *_DATE_KEYS)),
        byline=names(item, *byline_keys),
        captions=tuple(unique_pictures([*_pictures(item, version, top=True), *inline])),
    )


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
    """One picture: its caption text, its credit line, its file.

    The credit is the ``creditline`` (or a description filed with a credit role), else the credit
    printed in the caption. ``by``/``byline`` names the photographer, not the credit line
    (``by: Valentyn Ogirenko`` beside a caption ending ``REUTERS/Valentyn Ogirenko``), so it
    stands in only for a picture that carries no credit at all.
    """
    text = description(picture, version) or headline(picture, version) or ""
    image = rendition_href(picture)
    credit = first_text(picture, "creditline") or description(picture, version, credit=True)
    if credit:
        return caption_from_parts(text, credit, image)
    draft = caption_from_text(text, image)
    creator = names(picture, "by", "byline")
    if draft.credit is None and creator:
        return caption_from_parts(text, creator, image)
    return draft
