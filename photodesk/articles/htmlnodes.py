"""Node helpers for the HTML reader: parsing, visible text, credit elements, image sources.

They hide the selectolax node API behind the few questions the reader asks, so the reading rules
in ``html_pictures`` stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser, LexborNode

from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.textutil import squash
from photodesk.articles.unique import is_placeholder

# Elements after which the visible text breaks: their text must not run into the next word.
_BREAKS = frozenset("br p div li figcaption h1 h2 h3 h4 h5 h6 td tr blockquote".split())
_CREDIT_WORDS = ("credit", "byline", "copyright", "photographer", "source")
CREDIT_SELECTOR = ", ".join(f'[class*="{word}" i]' for word in _CREDIT_WORDS)
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")
_SPACER_FORMATS = (".gif", ".svg")  # what a 1x1 stand-in is saved as
MAX_NESTING = 4096  # real pages nest a few dozen levels
# Opening and closing tags, except void elements and those the parser closes by itself.
_TAG_EDGE = re.compile(
    r"<(/?)(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|"
    r"dd|dt|td|th|tr|option)[\s/>])[a-zA-Z]",
    re.IGNORECASE,
)


def parse_html(markup: str) -> LexborHTMLParser:
    """The parsed document, or ArticleFormatError for markup nested absurdly deep.

    lexbor's tree building slows down faster than quadratically with nesting depth (100,000
    nested ``<div>`` take minutes), so the depth is estimated on the raw tags first (an
    over-estimate: unclosed tags count as open) and a page beyond any real article is refused.
    """
    steps = (-1 if closing else 1 for closing in _TAG_EDGE.findall(markup))
    if max(accumulate(steps), default=0) > MAX_NESTING:
        raise ArticleFormatError(f"HTML nested too deeply (over {MAX_NESTING} levels)")
    return LexborHTMLParser(markup)


def node_text(node: LexborNode | None) -> str:
    """The text a reader sees in ``node``: inline tags joined as printed, block tags spaced."""
    if node is None:
        return ""
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag in _BREAKS:
            parts.append(" ")
    return squash("".join(parts))


def is_credit_node(node: LexborNode) -> bool:
    """A short element whose class marks it as the picture's credit (``photo-credit``, ``byline``…).

    ``resource`` does not count as ``source``; a wrapper holding the image or the caption is
    not a credit element even if a theme names it ``media-source``.
    """
    classes = (node.attributes.get("class") or "").casefold()
    named = any(word in classes for word in _CREDIT_WORDS[:4])
    named = named or "source" in classes.replace("resource", "")
    return named and _is_leafish(node)


def credit_nodes(scope: LexborNode, caption: LexborNode | None) -> list[LexborNode]:
    """The outermost credit elements in ``scope``, plus ``<cite>``/``<small>`` in the caption."""
    found = [n for n in scope.css(CREDIT_SELECTOR) if is_credit_node(n)]
    if caption is not None:
        found += caption.css("cite, small")
    if len(found) < 2:
        return found
    outer: list[LexborNode] = []
    for node in sorted(found, key=_position(scope)):
        if not any(_contains(kept, node) for kept in outer):
            outer.append(node)
    return outer


def image_source(img: LexborNode) -> str | None:
    """The picture an ``<img>`` shows: ``src`` unless it is a lazy-loading placeholder.

    Lazy loading puts the real picture in ``data-src`` (or ``data-lazy-src``, ``data-original``,
    ``srcset``) and a stand-in in ``src``: a ``data:`` URI, a file named ``placeholder``/
    ``blank``/``spacer``/``lazy``, or a ``.gif``/``.svg`` spacer. A placeholder with nothing
    behind it is no image: reporting it would link every such figure to one blank file.
    """
    src = (img.attributes.get("src") or "").strip()
    lazy = next(filter(None, map(_candidate, (img.attributes.get(n) for n in _LAZY_SOURCES))), None)
    spacer = lazy is not None and _path(src).endswith(_SPACER_FORMATS)
    if src and not is_placeholder(src) and not spacer:
        return src
    return lazy


def has_ancestor(node: LexborNode, tags: frozenset[str]) -> bool:
    """True when one of ``node``'s ancestors is one of ``tags``."""
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _path(ref: str) -> str:
    """The lower-cased path of a reference, without query or fragment."""
    return ref.split("#", 1)[0].split("?", 1)[0].casefold()


def _candidate(value: str | None) -> str | None:
    """The first URL of an attribute that may be a ``srcset`` list, unless it is a placeholder."""
    first = (value or "").strip().split(",")[0].split()
    return first[0] if first and not is_placeholder(first[0]) else None


def _is_leafish(node: LexborNode) -> bool:
    """A credit element holds a short line of text, never the picture or its whole caption."""
    return node.css_first("img, figcaption, figure, p") is None and len(node_text(node)) <= 200


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    parent = inner.parent
    while parent is not None:
        if parent.mem_id == outer.mem_id:
            return True
        parent = parent.parent
    return outer.mem_id == inner.mem_id


def _position(scope: LexborNode) -> Callable[[LexborNode], int]:
    order = {node.mem_id: index for index, node in enumerate(scope.traverse())}

    def key(node: LexborNode) -> int:
        return order.get(node.mem_id, len(order))

    return key
