"""``photodesk [--db URL] ingest ARTICLE...``: put articles' captions on the desk.

Prints one summary line, then one line per caption that a re-ingest changed or deliberately left
alone (``PATH #2 kept desk edit: credit``), so the editor sees at once what the article changed
and where the desk's own work won. An unreadable article gets its line on stderr; the others are
still ingested and the exit status is 2 at the end.
"""

from __future__ import annotations

from pathlib import Path

import click

from photodesk.cli.desk_options import pass_desk
from photodesk.cli.errors import USAGE_OR_INPUT_ERROR
from photodesk.cli.progress import progress_bar
from photodesk.services.desk import Desk
from photodesk.services.importing import ingest_articles


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_desk
def ingest(desk: Desk, articles: tuple[Path, ...]) -> None:
    """Import ARTICLE files (text, HTML, Markdown, ninjs); again is safe: edits are kept."""
    with progress_bar() as progress:
        report = ingest_articles(desk, articles, progress=progress)
    for failure in report.failures:
        click.echo(f"photodesk: {failure.path}: {failure.reason}", err=True)
    click.echo(report.summary())
    for result in report.articles:
        for change in result.changes:
            click.echo(f"  {result.path} {change.describe()}")
    if report.failures:
        raise SystemExit(USAGE_OR_INPUT_ERROR)
