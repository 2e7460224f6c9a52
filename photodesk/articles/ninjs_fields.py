"""Field access for ninjs items, tolerant of the 1.x, 2.x and 3.x spellings.

Every function takes an item whose keys were lower-cased (``ninjs_load.lower_keys``) so that
3.x camelCase (``versionCreated``, ``contentType``) and 2.x lower case read the same.
"""

from __future__ import annotations

from typing import Any

from photodesk.articles.htmlnodes import node_text, parse_html
from photodesk.articles.textutil import squash

Item = dict[str, Any]

_CAPTION_ROLES = ("caption", "description", "summary", "alt", "text", "")
_CREDIT_ROLES = frozenset({"creditline", "credit"})
_PICTURE_TYPES = frozenset({"picture", "image", "photo", "graphic"})
_RENDITION_PREFERENCE = ("original", "baseimage", "main", "hires", "highres", "large", "full")


def first_text(item: Item, *keys: str) -> str | None:
    """The first of ``keys`` holding non-empty text (a list of names is joined)."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
        if isinstance(value, (str, int, float)) and squash(str(value)):
            return squash(str(value))
    return None


def names(item: Item, *keys: str) -> str | None:
    """People as ``by``/``byline`` name them: text, a list, or 3.x ``{"name": …}`` objects."""
    for key in keys:
        value = item.get(key)
        listed = value if isinstance(value, list) else [value]
        found = [_name(entry) for entry in listed]
        joined = ", ".join(name for name in found if name)
        if joined:
            return joined
    return None


def body_html(item: Item) -> str | None:
    """The article body as HTML: ``body_html``/``body_xhtml`` (1.x), else an HTML ``bodies`` entry.

    Pictures that only the body shows (an inline ``<figure>``) are the article's pictures too.
    """
    for key in ("body_html", "body_xhtml"):
        if isinstance(item.get(key), str) and item[key].strip():
            return str(item[key])
    bodies = item.get("bodies")
    entries = [e for e in bodies if isinstance(e, dict)] if isinstance(bodies, list) else []
    for entry in sorted(entries, key=lambda e: _role(e) not in ("main", "")):
        if "html" in str(entry.get("contenttype") or "").casefold():
            value = entry.get("value")
            if isinstance(value, str) and value.strip():
                return value
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


def _name(entry: Any) -> str | None:
    if isinstance(entry, dict):
        entry = entry.get("name")
    if not isinstance(entry, str):
        return None
    return squash(entry) or None


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
    return node_text(parse_html(markup).body) or None
