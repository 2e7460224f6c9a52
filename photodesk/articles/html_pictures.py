"""The pictures of an HTML article, in reading order.

A picture is a ``<figure>`` holding an image (its ``<figcaption>`` and any credit element inside
the figure), or an ``<img>`` outside figures that the page captions: a WordPress-style caption box,
a caption or credit element right after it, a paragraph after it that reads as a caption, or
descriptive alt/title text. Icons, logos and tracking pixels are not pictures. The caller removes
chrome (nav, footer, aside…) first and drops duplicates afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from photodesk.articles.captioning import caption_in_paragraph
from photodesk.articles.htmlnodes import (
    credit_nodes,
    has_ancestor,
    image_source,
    is_credit_node,
    node_text,
)
from photodesk.core.captions import caption_from_parts
from photodesk.core.types import CaptionDraft

_SKIPPED_IMG_PARENTS = frozenset({"figure", "noscript"})
_INLINE_WRAPPERS = frozenset({"a", "picture", "span"})
_BLOCK_WRAPPERS = frozenset({"p", "div"})
_MIN_ALT_WORDS = 4  # shorter alt text is a label ("Logo", "Photo"), not a caption


def pictures(body: LexborNode) -> Iterator[CaptionDraft]:
    """Every captioned picture under ``body`` in document order (duplicates not yet removed)."""
    consumed: set[int] = set()
    for node in body.css("figure, img"):
        if node.tag == "figure":
            draft = _figure(node)
        elif has_ancestor(node, _SKIPPED_IMG_PARENTS) or _is_pixel(node):
            draft = None
        else:
            draft = _standalone(node, consumed)
        if draft is not None:
            yield draft


def _figure(figure: LexborNode) -> CaptionDraft | None:
    if len(figure.css("figure")) > 1:
        return None  # a gallery: its inner figures are the pictures
    images = figure.css("img, amp-img")
    sources = figure.css("picture source")
    if not images and not sources:
        return None  # pull quotes, embedded posts and videos are figures too
    found = (image_source(img) for img in images)
    image = next((src for src in found if src), None) or _srcset(sources)
    alt = _alt(images[0]) if images else ""
    return _draft(figure, figure.css_first("figcaption"), alt, image)


def _standalone(img: LexborNode, consumed: set[int]) -> CaptionDraft | None:
    box = _flow_box(img)
    boxed = _caption_box(box)
    caption: LexborNode | None
    if boxed is not None:
        scope, caption = boxed
    else:
        caption = _caption_after(box, consumed)
        scope = caption if caption is not None else box
    if caption is None and len(_alt(img).split()) < _MIN_ALT_WORDS:
        return None
    return _draft(scope, caption, _alt(img), image_source(img))


def _draft(
    scope: LexborNode, caption: LexborNode | None, alt: str, image: str | None
) -> CaptionDraft:
    """Caption and credit of one picture: credit elements are read, then taken out of the text."""
    credits = credit_nodes(scope, caption)
    credit_text = " / ".join(t for t in map(node_text, credits) if t) or None
    if caption is not None and any(n.mem_id == caption.mem_id for n in credits):
        return caption_from_parts(alt, credit_text, image)  # the element is a bare credit line
    for node in credits:
        node.decompose()
    return caption_from_parts(node_text(caption) or alt, credit_text, image)


def _flow_box(img: LexborNode) -> LexborNode:
    """The element that stands for the picture in the text flow (``<p><a><img></a></p>``…)."""
    box = img
    while box.parent is not None and box.parent.tag in _INLINE_WRAPPERS:
        box = box.parent
    parent = box.parent
    if parent is not None and parent.tag in _BLOCK_WRAPPERS and not node_text(parent):
        return parent
    return box


def _caption_box(box: LexborNode) -> tuple[LexborNode, LexborNode] | None:
    """(box, caption element) of a WordPress-style box: ``div.wp-caption > p.wp-caption-text``."""
    for holder in (box, box.parent):
        if holder is not None and "caption" in (holder.attributes.get("class") or "").casefold():
            inner = [n for n in holder.css('[class*="caption" i]') if n.mem_id != holder.mem_id]
            return (holder, inner[0]) if inner else None
    return None


def _caption_after(box: LexborNode, consumed: set[int]) -> LexborNode | None:
    """The element right after the picture, when it is its caption or credit line."""
    after = box.next
    while after is not None and after.tag in ("-text", "-comment") and not node_text(after):
        after = after.next
    if after is None or after.tag in ("-text", "-comment") or after.mem_id in consumed:
        return None
    classes = (after.attributes.get("class") or "").casefold()
    text = node_text(after)
    if "caption" in classes or is_credit_node(after) or caption_in_paragraph(text) is not None:
        consumed.add(after.mem_id)
        return after
    return None


def _srcset(sources: list[LexborNode]) -> str | None:
    """The first candidate of the first ``<source srcset>``, for a picture without an ``<img>``."""
    for source in sources:
        candidates = (source.attributes.get("srcset") or "").split(",")[0].split()
        if candidates:
            return candidates[0]
    return None


def _alt(img: LexborNode) -> str:
    return (img.attributes.get("alt") or img.attributes.get("title") or "").strip()


def _is_pixel(img: LexborNode) -> bool:
    sizes = (img.attributes.get("width"), img.attributes.get("height"))
    return any(s is not None and s.strip().isdigit() and int(s) <= 2 for s in sizes)
