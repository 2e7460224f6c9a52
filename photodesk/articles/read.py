"""One entry point for every format: detect, then hand the text to the matching reader."""

from __future__ import annotations

from collections.abc import Callable

from photodesk.articles.detect import detect_format
from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.html import read_html
from photodesk.articles.markdown import read_markdown
from photodesk.articles.ninjs import read_ninjs
from photodesk.articles.text import read_text
from photodesk.core.types import ArticleDraft

READERS: dict[str, Callable[[str], ArticleDraft]] = {
    "text": read_text,
    "html": read_html,
    "markdown": read_markdown,
    "ninjs": read_ninjs,
}


def read_article(text: str, suffix: str = "") -> ArticleDraft:
    """The article in ``text``, whatever its format (``suffix``: see ``detect_format``).

    Raises ArticleFormatError when the text is empty or is JSON that is not ninjs.
    """
    if not text.strip():
        raise ArticleFormatError("empty file (no text)")
    return READERS[detect_format(text, suffix)](text.lstrip("\ufeff"))
