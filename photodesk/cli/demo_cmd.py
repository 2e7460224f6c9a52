"""``photodesk demo``: build the demo desk from ``media/`` into a fresh desk and open it.

The desk is a new SQLite file (``photodesk-demo.db`` in the current folder, replaced on every run,
or the group's ``--db``), filled by the same services as ``ingest``, ``scan`` and ``link`` and then
checked. On a terminal the UI opens on it; without one (a pipe, CI, ``make run`` in a script) the
desk report is printed instead: every caption with its status, credit and picture, the findings
that need a person, and the summary line of ``check``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from photodesk.cli.check_cmd import line
from photodesk.cli.desk_options import DeskOptions, desk_errors, pass_desk_options
from photodesk.cli.errors import fail
from photodesk.core.rules import Severity
from photodesk.services.checking import check_desk, current_verdicts
from photodesk.services.demo import DemoDeskMissingError, build_demo_desk, load_demo_desk
from photodesk.services.desk import Desk, open_desk
from photodesk.services.findings import Verdict

DEMO_FILE = "photodesk-demo.db"
CAPTION_WIDTH = 72
SYMBOLS = {"ok": "✔", "warning": "⚠", "error": "✖"}


@click.command()
@click.option("--report", is_flag=True, help="Print the desk report even on a terminal.")
@pass_desk_options
def demo(options: DeskOptions, report: bool) -> None:
    """Build the demo desk (media/ in the source checkout) into a fresh desk and open it."""
    try:
        load_demo_desk()  # before any desk file is made: no media, nothing written
    except DemoDeskMissingError as error:
        fail(str(error.root), "demo desk not found (it ships with the source checkout only)")
    url = options.db or _fresh_file(Path.cwd() / DEMO_FILE)
    with desk_errors(), open_desk(url, config=options.config) as desk:
        build_demo_desk(desk)
        check_desk(desk)
        if report or not (sys.stdin.isatty() and sys.stdout.isatty()):
            for text in desk_report(desk):
                click.echo(text)
            return
        _open_ui(desk, options.editor)


def _fresh_file(path: Path) -> str:
    """A new, empty SQLite desk at ``path`` (an older demo desk and its journal removed)."""
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return f"sqlite:///{path}"


def _open_ui(desk: Desk, editor: str | None) -> None:
    from photodesk.cli.edit_cmd import run_app

    run_app(desk, editor)


def desk_report(desk: Desk) -> list[str]:
    """Articles with their captions (status, caption, credit, picture), problems, summary."""
    verdicts = current_verdicts(desk)
    lines = [f"demo desk: {desk.url}"]
    article = None
    for verdict in verdicts:
        if verdict.facts.article != article:
            article = verdict.facts.article
            lines += ["", Path(article or "?").name]
        lines += _caption_lines(verdict)
    problems = [f for v in verdicts for f in v.findings if f.severity is not Severity.INFO]
    lines += ["", "needs a person:" if problems else "nothing to fix."]
    lines += [f"  {line(finding)}" for finding in problems]
    counts = {s: sum(1 for v in verdicts for f in v.findings if f.severity is s) for s in Severity}
    lines.append(
        f"checked {len(verdicts)} captions: {counts[Severity.ERROR]} errors, "
        f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info"
    )
    return lines


def _caption_lines(verdict: Verdict) -> list[str]:
    facts = verdict.facts
    text = (
        facts.caption
        if len(facts.caption) <= CAPTION_WIDTH
        else (facts.caption[: CAPTION_WIDTH - 1].rstrip() + "…")
    )
    picture = Path(facts.picture.path).name if facts.picture else "not linked"
    symbol = SYMBOLS.get(verdict.status, "?")
    return [
        f"  {symbol} {text}",
        f"      credit: {facts.credit or 'none'}  picture: {picture}",
    ]
