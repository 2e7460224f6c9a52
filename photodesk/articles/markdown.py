"""Markdown articles: front matter, ``![alt](src "title")`` images and their captions.

Markdown has no figure element, so the caption of an image is, in order: the image title, the
line right after the image when it is an italic caption or reads as a caption (ends with a credit),
or the alt text. A credit printed on that following line completes a title that has none. Raw
``<figure>`` blocks are read with the HTML rules, Hugo ``figure`` shortcodes by their parameters.
Whitespace runs are squashed before any text reaches the credit grammar.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from photodesk.articles.captioning import caption_in_paragraph, credit_only
from photodesk.articles.front_matter import split_front_matter
from photodesk.articles.html import fragment_pictures
from photodesk.articles.shortcodes import FIGURE, figure_shortcodes
from photodesk.articles.textutil import squash, squash_lines
from photodesk.articles.unique import unique_pictures
from photodesk.core.captions import caption_from_parts, caption_from_text
from photodesk.core.types import ArticleDraft, CaptionDraft

_PARSER = MarkdownIt("commonmark")
_BREAKS = frozenset({"softbreak", "hardbreak"})
_TEXTUAL = frozenset({"text", "code_inline", "softbreak", "hardbreak"})


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph's inline tokens, a heading's, or a raw HTML or shortcode block, in order."""

    kind: str  # "paragraph" | "heading" | "html" | "shortcode"
    children: list[Token]
    source: str = ""  # the raw Markdown of an html or shortcode block


def read_markdown(text: str) -> ArticleDraft:
    """An ArticleDraft from a Markdown document with optional YAML or TOML front matter."""
    meta, body = split_front_matter(text)
    blocks = list(_blocks(_PARSER.parse(body), body.splitlines()))
    captions = tuple(unique_pictures(_pictures(blocks)))
    return ArticleDraft(
        "markdown",
        title=meta.title or _first_heading(blocks),
        date=meta.date,
        byline=meta.byline,
        captions=captions,
    )


def _blocks(tokens: list[Token], lines: list[str]) -> Iterator[_Block]:
    """Flatten the token stream to the blocks whose adjacency decides captions."""
    for index, token in enumerate(tokens):
        if token.type == "html_block":
            yield _Block("html", [], token.content)
        elif token.type == "inline" and index > 0:
            opener = tokens[index - 1]
            source = "\n".join(lines[slice(*opener.map)]) if opener.map else token.content
            if FIGURE.search(source):
                yield _Block("shortcode", [], source)
            else:
                kind = "heading" if opener.type == "heading_open" else "paragraph"
                yield _Block(kind, token.children or [])


def _first_heading(blocks: list[_Block]) -> str | None:
    return next((_plain(b.children) for b in blocks if b.kind == "heading"), None)


def _pictures(blocks: list[_Block]) -> Iterator[CaptionDraft]:
    """Images in order, each with the caption line that follows it (same paragraph or next)."""
    for index, block in enumerate(blocks):
        if block.kind == "html":
            yield from fragment_pictures(block.source)
        if block.kind == "shortcode":
            yield from figure_shortcodes(block.source)
        if block.kind != "paragraph":
            continue
        images = [i for i, child in enumerate(block.children) if child.type == "image"]
        ends = [*images[1:], len(block.children)]
        for at, end in zip(images, ends[: len(images)], strict=True):
            follow = _caption_line(block.children[at + 1 : end])
            if follow is None and end == len(block.children):
                follow = _next_caption(blocks, index + 1)
            yield _image_caption(block.children[at], follow)


def _next_caption(blocks: list[_Block], index: int) -> str | None:
    """The paragraph after an image, when it is that image's caption line.

    Paragraphs without images never yield captions of their own, so a caption line read here is
    not reported twice.
    """
    if index >= len(blocks) or blocks[index].kind != "paragraph":
        return None
    if any(child.type == "image" for child in blocks[index].children):
        return None
    return _caption_line(blocks[index].children)


def _caption_line(children: list[Token]) -> str | None:
    """Inline text that captions an image: italic, a caption with a credit, or a bare credit."""
    content = [c for c in children if c.type not in _BREAKS and (c.content.strip() or c.nesting)]
    if not content:
        return None
    text = _plain(children)
    if content[0].type == "em_open" or caption_in_paragraph(text) or credit_only(text):
        return text
    return None


def _image_caption(image: Token, follow: str | None) -> CaptionDraft:
    """Title, else the caption line, else alt; a credit-only line lends its credit to the rest."""
    src = str(image.attrs.get("src") or "") or None
    title = squash(str(image.attrs.get("title") or ""))
    alt = squash(image.content)
    if title:
        draft = caption_from_text(title, src)
        extra = caption_from_text(follow) if follow else None
        if draft.credit is None and extra is not None and extra.credit is not None:
            draft = caption_from_parts(title, extra.credit.text, src)
    elif follow:
        draft = caption_from_text(follow, src)
        if not draft.caption and draft.credit is not None:
            draft = caption_from_parts(alt, draft.credit.text, src)
    else:
        draft = caption_from_text(alt, src)
    return replace(draft, caption=squash(draft.caption))


def _plain(children: list[Token]) -> str:
    """The visible text of inline tokens: breaks kept as new lines, markup dropped."""
    parts = ["\n" if c.type in _BREAKS else c.content for c in children if c.type in _TEXTUAL]
    return squash_lines("".join(parts))
