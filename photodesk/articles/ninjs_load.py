"""Loading a ninjs document: valid JSON, a ninjs object, of a bounded depth, and its version.

Any JSON reaches this reader (``.json`` files, feeds saved under the wrong name), so everything
that is not a ninjs document is refused here with the reason, before a reader walks it.
"""

from __future__ import annotations

import json
from typing import Any

from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.ninjs_fields import Item

MAX_DEPTH = 200  # ninjs nests associations a few levels deep; thousands is an attack or garbage
_NINJS_KEYS = frozenset(
    {
        "associations", "headline", "headlines", "body_text", "body_html", "body_xhtml",
        "bodies", "description_text", "descriptions", "byline", "by", "versioncreated",
        "firstcreated", "renditions", "creditline", "pubstatus", "representationtype",
    }
)  # fmt: skip
_CAMEL_KEYS = frozenset({"versionCreated", "firstCreated", "contentCreated", "pubStatus", "altIds"})


def load_ninjs(text: str) -> Item:
    """The document as loaded, or an ArticleFormatError saying why it is not ninjs."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleFormatError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    except RecursionError as error:
        raise ArticleFormatError(f"JSON nested too deeply (over {MAX_DEPTH} levels)") from error
    if _depth(data) > MAX_DEPTH:
        raise ArticleFormatError(f"JSON nested too deeply (over {MAX_DEPTH} levels)")
    if not isinstance(data, dict):
        raise ArticleFormatError("JSON but not an IPTC ninjs document (not a JSON object)")
    if not _looks_like_ninjs(lower_keys(data)):
        raise ArticleFormatError(
            "JSON but not an IPTC ninjs document (no ninjs schema, uri, headline or associations)"
        )
    return data


def lower_keys(value: Any) -> Any:
    """The same JSON value with every object key lower-cased."""
    if isinstance(value, dict):
        return {str(key).casefold(): lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lower_keys(item) for item in value]
    return value


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


def _depth(value: Any) -> int:
    """How deeply ``value`` nests, measured without recursion (the readers recurse, this can't)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children)
            if deepest > MAX_DEPTH:
                break
    return deepest
