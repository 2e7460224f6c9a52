"""Entry point of the ``photodesk`` command.

Exit codes are a contract (DESIGN.md): 0 success, 1 ``check`` found problems, 2 bad usage or
unreadable input with one line on stderr naming the file and the reason.
"""

from __future__ import annotations

import sys

import click

from photodesk import __version__
from photodesk.cli.check_cmd import check
from photodesk.cli.credit_cmd import credit
from photodesk.cli.demo_cmd import demo
from photodesk.cli.desk_options import desk_options
from photodesk.cli.edit_cmd import edit
from photodesk.cli.export_cmd import export
from photodesk.cli.extract_cmd import extract
from photodesk.cli.history_cmd import history_command, revert_command
from photodesk.cli.ingest_cmd import ingest
from photodesk.cli.link_cmd import link_command, unlink_command
from photodesk.cli.meta_cmd import meta
from photodesk.cli.scan_cmd import scan
from photodesk.cli.write_cmd import write


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(__version__, prog_name="photodesk")
@desk_options
@click.pass_context
def cli(context: click.Context) -> None:
    """Captions and credit lines for newsroom photo desks.

    With no command, on a terminal: the desk in the terminal UI (as `photodesk edit`);
    elsewhere this help.
    """
    if context.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        context.invoke(edit)
        return
    click.echo(context.get_help())


cli.add_command(credit)
cli.add_command(extract)
cli.add_command(demo)
cli.add_command(meta)
cli.add_command(history_command)
cli.add_command(revert_command)
cli.add_command(ingest)
cli.add_command(scan)
cli.add_command(link_command)
cli.add_command(unlink_command)
cli.add_command(export)
cli.add_command(check)
cli.add_command(edit)
cli.add_command(write)


def main() -> None:
    """The console entry point; Ctrl-C ends quietly with the conventional status 130."""
    try:
        cli.main(prog_name="photodesk", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
