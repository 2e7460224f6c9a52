"""``photodesk extract ARTICLE [--json]``: the captions an article holds, no database.

The JSON shape is the contract of DESIGN.md: ``{"format", "title", "date", "byline", "captions":
[{"caption", "credit", "image", "parsed"}]}`` with every key present; ``credit`` and ``parsed`` are
null for a caption without a credit. ``parsed`` is ``Credit.as_dict()``, the same object
``credit --json`` prints, so both commands stay in step with the grammar.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from photodesk.cli.errors import fail
from photodesk.core.types import ArticleDraft, CaptionDraft
from photodesk.services.extracting import ArticleError, extract_article


def caption_record(draft: CaptionDraft) -> dict[str, object]:
    """One caption as ``extract --json`` prints it."""
    return {
        "caption": draft.caption,
        "credit": draft.credit.text if draft.credit else None,
        "image": draft.image,
        "parsed": draft.credit.as_dict() if draft.credit else None,
    }


def article_record(article: ArticleDraft) -> dict[str, object]:
    """The whole article as ``extract --json`` prints it."""
    return {
        "format": article.format,
        "title": article.title,
        "date": article.date,
        "byline": article.byline,
        "captions": [caption_record(c) for c in article.captions],
    }


def _listing(name: str, article: ArticleDraft) -> str:
    """The readable listing: the article's facts, then numbered captions with credit and agency."""
    lines = [
        f"{name}  ({article.format})",
        f"title:  {article.title or '-'}",
        f"date:   {article.date or '-'}",
        f"byline: {article.byline or '-'}",
        f"{len(article.captions)} caption{'' if len(article.captions) == 1 else 's'}",
    ]
    for number, draft in enumerate(article.captions, start=1):
        credit = draft.credit
        lines += ["", f"{number:>3}. {draft.caption or '(no caption text)'}"]
        lines.append(f"     credit: {credit.text if credit else '(none)'}")
        if credit is not None:
            lines.append(f"     agency: {credit.agency or '-'}")
        if draft.image:
            lines.append(f"     image:  {draft.image}")
    return "\n".join(lines)


@click.command()
@click.argument("article", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object (see DESIGN.md).")
def extract(article: Path, as_json: bool) -> None:
    """List the captions ARTICLE holds (scraped text, HTML, Markdown or ninjs)."""
    try:
        draft = extract_article(article)
    except ArticleError as error:
        fail(error.path, error.reason)
    if as_json:
        click.echo(json.dumps(article_record(draft), ensure_ascii=False, indent=2))
    else:
        click.echo(_listing(str(article), draft))
