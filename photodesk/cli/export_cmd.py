"""``photodesk [--db URL] export --format FORMAT [--force] [-o PATH]``: the desk as a caption sheet.

Formats: ``json`` (the contract of DESIGN.md), ``exiftool-csv`` (``exiftool -csv=sheet.csv -sep
"; " -f FILES...`` writes it into the pictures), ``ninjs`` (IPTC ninjs 2.1), ``html`` (a contact
sheet in one self-contained file) and ``pdf`` (the same sheet); docs/exporting.md has each.

Without ``-o`` the sheet goes to stdout; with it, to PATH atomically (a temporary file beside it,
then a rename), so a script that picks the file up never reads half an export. A picture the
ExifTool sheet cannot carry (captions that disagree about it, a missing file) is left out and
named on stderr, one line each (``photodesk: PATH: left out of the sheet: REASON``); the sheet
is still written and the exit status stays 0, since every other row is good to apply. A picture
whose caption fails the check is left out the same way, as ``write`` holds it back; ``--force``
(ExifTool sheet only) puts it on the sheet.

``-o`` replaces an existing file, as it does for every tool, but never a picture the desk has
scanned: a sheet named like a picture is refused (exit 2) before anything is written.

A PDF whose font cannot show some characters (CJK in Roboto) shows them as U+FFFD and says so
in one line on stderr (``photodesk: FILE: N characters the PDF font cannot show (...)``), exit 0.

The PDF is binary: without ``-o`` and with stdout a terminal the command refuses (exit 2) and
suggests ``-o``, as ``curl`` does, instead of filling the terminal with bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from photodesk.cli.desk_options import pass_desk
from photodesk.cli.errors import fail
from photodesk.cli.remedies import phrased
from photodesk.services.desk import Desk
from photodesk.services.exporting import (
    FORMATS,
    ExportFormatError,
    ExportTargetError,
    check_target,
    export_sheet,
    write_export,
)

BINARY_FORMATS = frozenset({"pdf"})


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Sheet format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@click.option(
    "--force",
    is_flag=True,
    help="exiftool-csv only: put pictures whose caption fails the check on the sheet too.",
)
@pass_desk
def export(desk: Desk, fmt: str, output: Path | None, force: bool) -> None:
    """Export every caption and picture of the desk as a caption sheet."""
    if force and fmt != "exiftool-csv":
        fail("--force", "only for --format exiftool-csv (the other sheets hold back nothing)")
    if output is None and fmt in BINARY_FORMATS and _stdout_is_terminal():
        fail(f"--format {fmt}", "binary output would go to the terminal; use -o FILE")
    try:
        if output is not None:  # an existing ordinary file is replaced, as -o does everywhere
            check_target(desk, output, replace=True)
        result = export_sheet(desk, fmt, force=force)
    except ExportTargetError as error:
        fail(error.subject, error.reason)
    except ExportFormatError as error:
        fail(f"--format {fmt}", str(error))
    if output is None:
        click.echo(result.data, nl=False)
    else:
        try:
            write_export(result.data, output)
        except OSError as error:
            fail(str(output), error.strerror or str(error))
    for left in result.left_out:
        reason = phrased(left.reason, left.remedy)
        click.echo(f"photodesk: {left.path}: left out of the sheet: {reason}", err=True)
    for notice in result.notices:
        click.echo(f"photodesk: {output or 'stdout'}: {notice}", err=True)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout: not a terminal
        return False
