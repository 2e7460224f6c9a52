"""``photodesk demo``: show the demo desk that ships in the source checkout.

For now it prints a short desk report (each article's captions with their credit and agency, then
the pictures); once the store and the UI exist it will load the desk and open it, as DESIGN.md
describes.
"""

from __future__ import annotations

import click

from photodesk.cli.errors import fail
from photodesk.core.types import CaptionDraft
from photodesk.services.demo import DemoArticle, DemoDesk, DemoDeskMissingError, load_demo_desk

CAPTION_WIDTH = 90


@click.command()
def demo() -> None:
    """Show the demo desk (media/ in the source checkout): captions, credits, pictures."""
    try:
        desk = load_demo_desk()
    except DemoDeskMissingError as error:
        fail(str(error.root), "demo desk not found (it ships with the source checkout only)")
    for line in desk_report(desk):
        click.echo(line)


def desk_report(desk: DemoDesk) -> list[str]:
    """The whole report: a count line, one block per article, then the pictures."""
    lines = [
        f"demo desk: {len(desk.articles)} articles, {len(desk.pictures)} pictures in {desk.root}"
    ]
    for article in desk.articles:
        lines += ["", *article_block(article)]
    lines += ["", "pictures:", *(f"  {path.name}" for path in desk.pictures)]
    return lines


def article_block(article: DemoArticle) -> list[str]:
    """An article's name and format, then two lines per caption; or why it was unreadable."""
    if article.draft is None:
        return [f"{article.path.name}: unreadable: {article.error}"]
    captions = article.draft.captions
    lines = [f"{article.path.name} ({article.draft.format}, {len(captions)} captions)"]
    for number, caption in enumerate(captions, start=1):
        lines += caption_lines(number, caption)
    return lines


def caption_lines(number: int, caption: CaptionDraft) -> list[str]:
    """The caption, shortened to one line, and its credit with the agency it resolves to."""
    text = caption.caption
    if len(text) > CAPTION_WIDTH:
        text = text[: CAPTION_WIDTH - 1].rstrip() + "…"
    credit = caption.credit
    if credit is None:
        detail = "credit: none"
    else:
        detail = f"credit: {credit.text}  agency: {credit.agency or 'unknown'}"
    return [f"  {number}. {text}", f"     {detail}"]
