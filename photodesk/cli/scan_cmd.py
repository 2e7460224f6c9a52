"""``photodesk [--db URL] scan DIR...``: read the pictures under folders into the desk.

Prints ``scanned N: X new, Y changed, Z unchanged, M missing, E unreadable``. Every file this
scan could not read, and every folder it could not list, gets one line on stderr; those do not
stop the scan nor change the exit status (a desk folder holds the odd text file or broken
download, and a script must be able to rescan it). A named DIR that cannot be scanned at all
(missing, not permitted) is bad input: its line on stderr, the others scanned, exit status 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from photodesk.cli.desk_options import pass_desk
from photodesk.cli.errors import USAGE_OR_INPUT_ERROR
from photodesk.cli.progress import progress_bar
from photodesk.services.desk import Desk
from photodesk.services.scanning import scan_folders


@click.command()
@click.argument(
    "folders", metavar="DIR...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@pass_desk
def scan(desk: Desk, folders: tuple[Path, ...]) -> None:
    """Read the embedded metadata of the pictures under each DIR; only new or changed files."""
    with progress_bar() as progress:
        report = scan_folders(desk, folders, progress=progress)
    for problem in (*report.bad_roots, *report.unlisted, *report.problems):
        click.echo(f"photodesk: {problem.path}: {problem.reason}", err=True)
    click.echo(report.summary())
    if report.bad_roots:
        raise SystemExit(USAGE_OR_INPUT_ERROR)
