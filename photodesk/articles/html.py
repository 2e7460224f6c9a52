"""HTML articles: metadata from the head, pictures from the body, chrome left out.

Parsed with selectolax (lexbor), a real HTML5 parser: pages in the wild are malformed, and only a
parser sees them the way a browser does.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from photodesk.articles.dates import normalize_date
from photodesk.articles.html_pictures import pictures
from photodesk.articles.htmlnodes import has_ancestor, node_text, parse_html
from photodesk.articles.textutil import dedupe_key, reads_as_names, squash
from photodesk.articles.unique import same_image, unique_pictures
from photodesk.core.captions import caption_from_parts
from photodesk.core.types import ArticleDraft, CaptionDraft

_CHROME = ["script", "style", "template", "nav", "aside", "form", "iframe", "svg", "button"]
_CONTENT = frozenset({"article", "main"})
_FIGURE = frozenset({"figure"})
_NOT_BYLINE = frozenset({"figure", "nav", "footer", "aside"})
# Most specific first: an author card's class names the author too, but holds a bio.
_BYLINE_SELECTORS = (
    '[class*="byline" i]',
    '[itemprop="author"]',
    '[rel~="author"]',
    '[class*="author" i]',
)


def read_html(text: str) -> ArticleDraft:
    """An ArticleDraft from an HTML page or fragment."""
    tree = parse_html(text)
    metas = _metas(tree)
    title, date, byline = _title(tree, metas), _date(tree, metas), _byline(tree, metas)
    _strip_chrome(tree)
    found = list(pictures(tree.body)) if tree.body is not None else []
    lead = _lead_picture(metas, found)
    captions = tuple(unique_pictures([*lead, *found]))
    return ArticleDraft("html", title=title, date=date, byline=byline, captions=captions)


def _metas(tree: LexborHTMLParser) -> dict[str, str]:
    """``<meta>`` values by lower-cased property/name/itemprop; the first of each name wins."""
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        value = squash(attrs.get("content") or "")
        if key and value:
            found.setdefault(key.casefold(), value)
    return found


def _first(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[name] for name in names if name in metas), None)


def _title(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    for node in tree.css("article h1"):
        if node_text(node):
            return node_text(node)
    first_h1 = next((node_text(n) for n in tree.css("h1") if node_text(n)), None)
    title = tree.css_first("title")
    return _first(metas, "og:title", "twitter:title") or first_h1 or node_text(title) or None


def _date(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    stamp = _first(metas, "article:published_time", "datepublished", "pubdate", "date", "dc.date")
    if stamp is None:
        time = tree.css_first("time[datetime]")
        stamp = time.attributes.get("datetime") if time is not None else None
    if stamp is None:
        time = tree.css_first("time")
        stamp = node_text(time) if time is not None else None
    return normalize_date(stamp)


def _byline(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    """The author meta, else the first byline element that holds names, inside the article first.

    Author cards and bios ("Jane Roe is our Madrid correspondent…") use the same class names as
    bylines; only a line of names is a byline.
    """
    named = _first(metas, "author", "byl", "article:author", "parsely-author")
    if named and "://" not in named:
        return _without_by(named)
    found = [n for selector in _BYLINE_SELECTORS for n in tree.css(selector)]
    usable = [n for n in found if n.tag != "meta" and not has_ancestor(n, _NOT_BYLINE)]
    inside = [n for n in usable if has_ancestor(n, _CONTENT)]
    for node in [*inside, *usable]:
        text = _without_by(node_text(node))
        if reads_as_names(text):
            return text
    return None


def _without_by(text: str) -> str:
    return text[3:].strip() if text[:3].casefold() == "by " else text


def _strip_chrome(tree: LexborHTMLParser) -> None:
    """Remove site furniture; a ``<header>``/``<footer>`` inside the article or a figure stays."""
    tree.strip_tags(_CHROME)
    for node in tree.css("header, footer"):
        if not has_ancestor(node, _CONTENT | _FIGURE):
            node.decompose()


def _lead_picture(metas: dict[str, str], found: list[CaptionDraft]) -> list[CaptionDraft]:
    """The ``og:image`` as the lead picture when the body does not show it and it has alt text.

    The social card is often another size of the lead figure's picture (``…_1200x630.jpg``
    beside ``…_800.jpg``): the same alt text as a body caption says it is the same picture.
    """
    image = _first(metas, "og:image", "og:image:url", "og:image:secure_url", "twitter:image")
    alt = _first(metas, "og:image:alt", "twitter:image:alt")
    if image is None or alt is None:
        return []
    lead = caption_from_parts(alt, None, image)
    key = dedupe_key(lead.caption)
    if any(same_image(image, d.image) or dedupe_key(d.caption) == key for d in found):
        return []
    return [lead]


def fragment_pictures(html: str) -> list[CaptionDraft]:
    """The pictures of an HTML fragment embedded in another format (Markdown, ninjs bodies)."""
    tree = parse_html(html)
    _strip_chrome(tree)
    return list(pictures(tree.body)) if tree.body is not None else []
