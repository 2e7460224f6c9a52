"""YAML front matter of a Markdown article: title, date and author, read with ``safe_load``.

Static-site generators and CMS exports put the article's metadata there, typed by YAML: a date may
arrive as a ``date``/``datetime`` object, an author as a list or a mapping with a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from photodesk.articles.dates import normalize_date
from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.textutil import squash

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the front matter says about the article (all optional)."""

    title: str | None = None
    date: str | None = None
    byline: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """(front matter, the Markdown after it); an empty FrontMatter when there is none."""
    match = _FENCE.match(text)
    if match is None:
        return FrontMatter(), text
    try:
        data = yaml.safe_load(match.group("yaml") or "")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ArticleFormatError(f"front matter is not valid YAML{where}") from error
    if not isinstance(data, dict):
        return FrontMatter(), text[match.end() :]
    meta = FrontMatter(
        title=_text(data.get("title")),
        date=_date(data.get("date") or data.get("published")),
        byline=_text(data.get("author") or data.get("byline") or data.get("authors")),
    )
    return meta, text[match.end() :]


def _text(value: Any) -> str | None:
    """A string from a YAML scalar, a list of them, or a mapping with a ``name``."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [_text(item) for item in value]
        value = ", ".join(name for name in names if name)
    if value is None or isinstance(value, (dict, list)):
        return None
    return squash(str(value)) or None


def _date(value: Any) -> str | None:
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    return normalize_date(_text(value))
