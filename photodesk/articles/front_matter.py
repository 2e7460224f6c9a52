"""Front matter of a Markdown article: title, date and author, from YAML or TOML.

Static-site generators and CMS exports put the article's metadata there: YAML between ``---``
fences (Jekyll, most CMSs) or TOML between ``+++`` fences (Hugo). TOML types dates itself; YAML
dates are read as text, because PyYAML's date constructor raises on ``2024-02-30`` and the article
should not fail on a mistyped date. An author may be a list or a mapping with a name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from photodesk.articles.dates import normalize_date
from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.textutil import squash

_YAML_FENCE = re.compile(
    r"\A\ufeff?---[ \t]*\n(?P<body>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
_TOML_FENCE = re.compile(r"\A\ufeff?\+\+\+[ \t]*\n(?P<body>.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(yaml.SafeLoader):
    """``safe_load`` without dates and without aliases.

    Aliases are refused because a few lines of them expand to millions of values (the "billion
    laughs"); front matter has no use for them.
    """

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise ArticleFormatError("front matter uses YAML aliases, which are not supported")
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _timestamp_as_text(loader: _Loader, node: yaml.Node) -> Any:
    """An explicit ``!!timestamp`` stays text too, for the same reason."""
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_Loader.add_constructor(_TIMESTAMP, _timestamp_as_text)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the front matter says about the article (all optional)."""

    title: str | None = None
    date: str | None = None
    byline: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """(front matter, the Markdown after it); an empty FrontMatter when there is none."""
    for fence, load in ((_YAML_FENCE, _load_yaml), (_TOML_FENCE, _load_toml)):
        match = fence.match(text)
        if match is not None:
            return _meta(load(match.group("body") or "")), text[match.end() :]
    return FrontMatter(), text


def _load_yaml(source: str) -> Any:
    try:
        return yaml.load(source, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ArticleFormatError(f"front matter is not valid YAML{where}") from error
    except ArticleFormatError:
        raise
    except (ValueError, RecursionError) as error:
        raise ArticleFormatError("front matter is not valid YAML") from error


def _load_toml(source: str) -> Any:
    try:
        return tomllib.loads(source)
    except ValueError as error:  # TOMLDecodeError is a ValueError
        raise ArticleFormatError(f"front matter is not valid TOML ({error})") from error
    except RecursionError as error:
        raise ArticleFormatError("front matter is not valid TOML (nested too deeply)") from error


def _meta(data: Any) -> FrontMatter:
    if not isinstance(data, dict):
        return FrontMatter()
    return FrontMatter(
        title=_text(data.get("title")),
        date=_date(data.get("date") or data.get("published")),
        byline=_text(data.get("author") or data.get("byline") or data.get("authors")),
    )


def _text(value: Any) -> str | None:
    """A string from a scalar, a mapping with a ``name``, or a flat list of those."""
    items = value if isinstance(value, list) else [value]
    names = (item.get("name") if isinstance(item, dict) else item for item in items)
    joined = ", ".join(squash(str(n)) for n in names if n is not None and not _nested(n))
    return squash(joined) or None


def _nested(value: Any) -> bool:
    return isinstance(value, (dict, list))


def _date(value: Any) -> str | None:
    if isinstance(value, date):  # TOML dates; datetime is a date too
        return value.isoformat()
    return normalize_date(_text(value))
