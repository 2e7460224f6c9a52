"""``photodesk [--db URL] export --format FORMAT [-o PATH]``: the desk as a caption sheet.

Without ``-o`` the sheet goes to stdout; with it, to PATH atomically (a temporary file beside it,
then a rename), so a script that picks the file up never reads half an export. Only ``json``
exists yet; the other formats of the contract are accepted by name and refused with exit status
2 ("not implemented yet"), so scripts written against the contract fail loudly, not oddly.
"""

from __future__ import annotations

from pathlib import Path

import click

from photodesk.cli.desk_options import pass_desk
from photodesk.cli.errors import fail
from photodesk.services.desk import Desk
from photodesk.services.exporting import FORMATS, ExportFormatError, export_bytes, write_export


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Sheet format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@pass_desk
def export(desk: Desk, fmt: str, output: Path | None) -> None:
    """Export every caption and picture of the desk as a caption sheet."""
    try:
        data = export_bytes(desk, fmt)
    except ExportFormatError as error:
        fail(f"--format {fmt}", str(error).removeprefix(f"--format {fmt}: "))
    if output is None:
        click.echo(data, nl=False)
        return
    try:
        write_export(data, output)
    except OSError as error:
        fail(str(output), error.strerror or str(error))
