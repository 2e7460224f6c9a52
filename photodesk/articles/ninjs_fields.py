"""Field access for ninjs items, tolerant of the 1.x, 2.x and 3.x spellings.

Every function takes an item whose keys were lower-cased (``lower_keys``) so that 3.x camelCase
(``versionCreated``, ``contentType``) and 2.x lower case read the same.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from photodesk.articles.htmlnodes import node_text
from photodesk.articles.textutil import squash

Item = dict[str, Any]

_CAPTION_ROLES = ("caption", "description", "summary", "alt", "text", "")
_CREDIT_ROLES = frozenset({"creditline", "credit"})
_PICTURE_TYPES = frozenset({"picture", "image", "photo", "graphic"})
_RENDITION_PREFERENCE = ("original", "baseimage", "main", "hires", "highres", "large", "full")


def lower_keys(value: Any) -> Any:
    """The same JSON value with every object key lower-cased."""
    if isinstance(value, dict):
        return {str(key).casefold(): lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lower_keys(item) for item in value]
    return value


def first_text(item: Item, *keys: str) -> str | None:
    """The first of ``keys`` holding non-empty text (a list of names is joined)."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
        if isinstance(value, (str, int, float)) and squash(str(value)):
            return squash(str(value))
    return None


def headline(item: Item, version: int) -> str | None:
    """The main headline: ``headlines[role=main]`` (2.x+) or ``headline`` (1.x), then ``title``."""
    listed = _by_role(item.get("headlines"), ("main", ""), credit=False)
    single = first_text(item, "headline")
    first, second = (single, listed) if version == 1 else (listed, single)
    return first or second or first_text(item, "title")


def description(item: Item, version: int, *, credit: bool = False) -> str | None:
    """The caption text (or, with ``credit``, a credit line filed as a description role)."""
    listed = _by_role(item.get("descriptions"), _CAPTION_ROLES, credit=credit)
    if credit:
        return listed
    single = first_text(item, "description_text") or _html_text(
        first_text(item, "description_html", "description_xhtml")
    )
    first, second = (single, listed) if version == 1 else (listed, single)
    return first or second or first_text(item, "body_text")


def is_picture(item: Item) -> bool:
    """True for a picture association (``type`` picture/image, or an image media type)."""
    kind = str(item.get("type") or "").casefold()
    media = str(item.get("contenttype") or item.get("mimetype") or "").casefold()
    return kind in _PICTURE_TYPES or kind.startswith("image/") or media.startswith("image/")


def rendition_href(item: Item) -> str | None:
    """The picture's file: the preferred rendition's ``href``, else the item ``uri``."""
    value = item.get("renditions")
    if isinstance(value, dict):
        named = [(str(name), r) for name, r in value.items() if isinstance(r, dict)]
    elif isinstance(value, list):
        named = [(str(r.get("name") or ""), r) for r in value if isinstance(r, dict)]
    else:
        named = []
    named = [(name.casefold(), r) for name, r in named if first_text(r, "href")]
    for preferred in _RENDITION_PREFERENCE:
        for name, rendition in named:
            if name == preferred:
                return first_text(rendition, "href")
    return first_text(named[0][1], "href") if named else first_text(item, "uri")


def _by_role(entries: Any, roles: tuple[str, ...], *, credit: bool) -> str | None:
    """The value of the first entry by role preference (2.x ``headlines``/``descriptions``)."""
    if not isinstance(entries, list):
        return None
    usable = [e for e in entries if isinstance(e, dict) and _value(e)]
    if credit:
        return next((_value(e) for e in usable if _role(e) in _CREDIT_ROLES), None)
    usable = [e for e in usable if _role(e) not in _CREDIT_ROLES]
    for role in roles:
        for entry in usable:
            if _role(entry) == role:
                return _value(entry)
    return _value(usable[0]) if usable else None


def _role(entry: Item) -> str:
    return str(entry.get("role") or "").casefold()


def _value(entry: Item) -> str | None:
    text = first_text(entry, "value")
    if text and "html" in str(entry.get("contenttype") or "").casefold():
        return _html_text(text)
    return text


def _html_text(markup: str | None) -> str | None:
    if not markup:
        return None
    return node_text(LexborHTMLParser(markup).body) or None
