"""``photodesk meta FILE... [--json]``: each picture's reconciled embedded metadata, no database.

The JSON is the contract of DESIGN.md (``services.inspecting.metadata_record``): a list with one
object per FILE, unreadable files included with their ``error``. On a terminal each file gets a
table: the reconciled value of every field that has one (a conflicting field names the block it
came from) and under it what each other block says, so that the editor sees which copy
disagrees. Exit status 2 when any file could not be read, with one line on stderr per such file.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from photodesk.cli.errors import USAGE_OR_INPUT_ERROR
from photodesk.core.metadata import FIELDS, Metadata, Value
from photodesk.services.inspecting import inspect_files, metadata_record


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="A JSON list, one object per FILE.")
def meta(files: tuple[Path, ...], as_json: bool) -> None:
    """Show the embedded metadata (XMP, IPTC-IIM, EXIF) of each FILE, reconciled per field."""
    results = inspect_files(files)
    if as_json:
        records = [metadata_record(m) for m in results]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        console = Console(highlight=False, soft_wrap=False)
        for metadata in results:
            console.print(_table(metadata))
    failed = [m for m in results if m.error is not None]
    for metadata in failed:
        click.echo(f"photodesk: {metadata.path}: {metadata.error}", err=True)
    if failed:
        raise SystemExit(USAGE_OR_INPUT_ERROR)


def _table(metadata: Metadata) -> Table:
    """One file: a heading with format, size and charset, then field rows and conflict rows."""
    size = f"{metadata.width}×{metadata.height}" if metadata.width and metadata.height else "?"
    facts = [metadata.format or "?", size] + ([metadata.charset] if metadata.charset else [])
    table = Table(title=f"{metadata.path}  ({', '.join(facts)})", title_justify="left")
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    if metadata.error is not None:
        table.add_row("error", f"[red]{_escape(metadata.error)}[/red]")
        return table
    conflicts = {c.field: c for c in metadata.conflicts}
    for name in FIELDS:
        value = metadata.values.get(name)
        if value is None:
            continue
        if name not in conflicts:
            table.add_row(name, _escape(_show(value)))
            continue
        (winner, _), *others = conflicts[name].values.items()
        table.add_row(f"{name} [yellow]≠[/yellow] [dim]{winner}[/dim]", _escape(_show(value)))
        for block, other in others:
            table.add_row(f"  [dim]{block}[/dim]", f"[dim]{_escape(_show(other))}[/dim]")
    if not metadata.values:
        table.add_row("", "[dim](no embedded caption metadata)[/dim]")
    for warning in (*metadata.warnings, *(w for b in metadata.blocks for w in b.warnings)):
        table.add_row("[dim]warning[/dim]", f"[dim]{_escape(warning)}[/dim]")
    return table


def _show(value: Value) -> str:
    """Lists joined with "; ", old Mac line ends (IIM's CR) shown as line breaks."""
    text = value if isinstance(value, str) else "; ".join(value)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _escape(text: str) -> str:
    """Metadata is data: square brackets in a caption must not read as rich markup."""
    return text.replace("[", "\\[")
