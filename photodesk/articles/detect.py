"""Which reader an article needs, decided by its content.

Feeds arrive misnamed (``.txt`` holding HTML, ``.json`` saved as ``.txt``), so the text decides:
a JSON object is ninjs (or an error), front matter (YAML ``---`` or TOML ``+++``), image syntax
or a Hugo ``figure`` shortcode means Markdown, tags mean HTML,
and prose without markup is scraped text: even in a ``.md`` file, the text reader is the one that
finds captions in plain paragraphs. The suffix counts only for ``.json``: a file that says it is
JSON but is not gets the JSON error rather than being read as prose.
This is a sniff, not a parse; the chosen reader parses properly.
"""

from __future__ import annotations

import json
import re

FORMATS = ("text", "html", "markdown", "ninjs")

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n.*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?\n\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL
)
_OPENING_TAG = re.compile(
    r"\A(?:<!--.*?-->\s*)*<(?:!doctype\b|\?xml\b|[a-z][a-z0-9-]*[\s/>])", re.I | re.S
)
_TAG = re.compile(
    r"</?(?:p|div|figure|figcaption|img|article|section|span|h[1-6]|br|a)\b[^<>]*>", re.I
)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]+\)")
_SHORTCODE = re.compile(r"\{\{[<%]\s*figure\b")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_MD_EMPHASIS_LINE = re.compile(r"^[*_][^*_\n].*[*_][ \t]*$", re.MULTILINE)
_MIN_TAGS = 3


def detect_format(text: str, suffix: str = "") -> str:
    """One of FORMATS for ``text``; ``suffix`` matters only when it is ``.json``."""
    head = text.lstrip("\ufeff \t\r\n")
    json_object = head.startswith("{") and not head.startswith("{{")  # "{{" opens a shortcode
    if suffix.casefold() == ".json" or json_object or (head[:1] == "[" and _is_json(head)):
        return "ninjs"
    if _FRONT_MATTER.match(head):
        return "markdown"
    if _OPENING_TAG.match(head):
        return "html"
    markdown = (_MD_IMAGE, _SHORTCODE, _MD_HEADING, _MD_EMPHASIS_LINE)
    if any(pattern.search(text) for pattern in markdown):
        return "markdown"
    if len(_TAG.findall(text, 0, 65536)) >= _MIN_TAGS:
        return "html"
    return "text"


def _is_json(text: str) -> bool:
    """True for text that parses as JSON, or nests too deeply to (the ninjs reader says so)."""
    try:
        json.loads(text)
    except ValueError:
        return False
    except RecursionError:
        pass
    return True
