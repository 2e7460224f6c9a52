"""Hugo ``figure`` shortcodes in Markdown: ``{{< figure src="…" caption="…" attr="…" >}}``.

Hugo sites write their pictures this way instead of Markdown image syntax. The parameters say
what each part is: ``caption`` (else ``title``, else ``alt``) is the caption, ``credit`` (a
common theme extension) or ``attr`` is the credit line, ``src`` the picture. ``attrlink`` is only
the URL the credit links to, never a credit itself. Hugo renders ``caption`` and ``attr`` as
Markdown, so inline links and emphasis are reduced to their text.

These are Hugo's template syntax, not HTML, so reading them with a pattern is reading their own
grammar: ``name="value"`` pairs, quoted with ``"``, ``'`` or back-ticks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from photodesk.articles.textutil import squash, squash_lines
from photodesk.core.captions import caption_from_parts
from photodesk.core.types import CaptionDraft

FIGURE = re.compile(r"\{\{[<%]\s*figure\b(?P<params>[^{}]*?)/?\s*[>%]\}\}", re.IGNORECASE)
_PARAM = re.compile(
    r"(?P<name>[\w-]+)\s*=\s*"
    r"(?:\"(?P<double>(?:[^\"\\]|\\.)*)\"|'(?P<single>[^']*)'|`(?P<tick>[^`]*)`|(?P<bare>[^\s\"'`]+))"
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")


def figure_shortcodes(source: str) -> Iterator[CaptionDraft]:
    """The pictures of every ``figure`` shortcode in ``source``, in order."""
    for match in FIGURE.finditer(source):
        params = _params(match.group("params"))
        caption = params.get("caption") or params.get("title") or params.get("alt") or ""
        credit = params.get("credit") or params.get("attr")
        yield caption_from_parts(caption, credit, params.get("src") or None)


def _params(text: str) -> dict[str, str]:
    """``name → value`` of a shortcode's parameters, with Markdown reduced to plain text."""
    found: dict[str, str] = {}
    for match in _PARAM.finditer(text):
        raw = next(v for v in match.group("double", "single", "tick", "bare") if v is not None)
        value = raw.replace('\\"', '"') if match.group("double") is not None else raw
        found.setdefault(match.group("name").casefold(), _plain(value))
    return found


def _plain(markdown: str) -> str:
    text = _EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", markdown))
    return squash_lines(text) if "\n" in text else squash(text)
