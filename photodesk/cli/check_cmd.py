"""``photodesk [--db URL] check``: the publishing gate.

One line per finding, ``PICTURE  CODE  severity  message  (caption N, ARTICLE)``, then a summary;
information (restrictions, embargoes that have passed) is counted in the summary and listed with
``--verbose``. ``--format json`` prints the shape DESIGN.md gives, every finding included. Exit
status: 0 nothing at or above ``--fail-on``, 1 something is, 2 bad usage or an unusable desk or
house style; so ``photodesk check && publish`` is a gate.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from photodesk.cli.desk_options import DeskOptions, desk_errors, pass_desk_options
from photodesk.cli.errors import fail
from photodesk.core.rules import Finding, Severity
from photodesk.services.checking import ArticleNotOnDesk, CheckReport, check_desk

FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING}


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option("--fix", is_flag=True, help="Apply the safe fixes, as revisions under your name.")
@click.option("-v", "--verbose", is_flag=True, help="List information findings too (text).")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@pass_desk_options
def check(
    options: DeskOptions,
    fmt: str,
    fail_on: str,
    fix: bool,
    verbose: bool,
    articles: tuple[Path, ...],
) -> None:
    """Check every caption's credit, text, picture and link; exit 1 on problems."""
    desk = options.open()
    with desk_errors():
        try:
            report = check_desk(desk, articles, fix=fix, editor=options.editor)
        except ArticleNotOnDesk as error:
            fail(error.subject, error.reason)
    if fmt == "json":
        click.echo(json.dumps(_document(report), ensure_ascii=False))
    else:
        _print_text(report, verbose)
    raise SystemExit(1 if report.fails(FAIL_ON[fail_on]) else 0)


def _document(report: CheckReport) -> dict[str, object]:
    return {
        "summary": report.summary(),
        "findings": [finding.as_dict() for finding in report.findings],
        "fixed": [
            {"caption_id": item.caption_id, "changes": item.changes,
             "codes": [finding.code for finding in item.applied]}
            for item in report.fixed
        ],
    }  # fmt: skip


def _print_text(report: CheckReport, verbose: bool) -> None:
    for item in report.fixed:
        fields = ", ".join(f"{name} → {value}" for name, value in item.changes.items())
        click.echo(f"fixed caption {item.caption_id}: {fields}")
    for finding in report.findings:
        if verbose or finding.severity is not Severity.INFO:
            click.echo(line(finding))
    counts = report.summary()
    click.echo(
        f"checked {report.captions} captions: {_count(counts['error'], 'error')}, "
        f"{_count(counts['warning'], 'warning')}, {counts['info']} info"
        + (f"; fixed {len(report.fixed)}" if report.fixed else "")
    )


def line(finding: Finding) -> str:
    """``PICTURE  CODE  severity  message  (caption N, ARTICLE)``; ``-`` for no picture."""
    picture = Path(finding.picture).name if finding.picture else "-"
    article = Path(finding.article).name if finding.article else "?"
    return (
        f"{picture}  {finding.code}  {finding.severity.value}  {finding.message}"
        f"  (caption {finding.caption_id}, {article})"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
