"""``photodesk link [CAPTION PICTURE]`` and ``photodesk unlink CAPTION``.

Without arguments, ``link`` links the whole desk and prints one summary line; ``-v`` adds one line
per caption (its picture and why, or why none) and under it every proposal with its reasons, so
the editor can pick one with ``link CAPTION PICTURE``. PICTURE is a picture id, a path, or a file
name only one picture has. A link made by hand is never changed by ``link``; ``unlink`` removes a
link and keeps the caption out of automatic linking (``--auto`` hands it back to the linker).
Unknown captions or pictures: one line on stderr, exit status 2.
"""

from __future__ import annotations

import click

from photodesk.cli.desk_options import DeskOptions, desk_errors, pass_desk_options
from photodesk.cli.errors import fail
from photodesk.cli.progress import progress_bar
from photodesk.services.linking import CaptionOutcome, LinkReport, link_by_hand, link_desk, unlink

_ID = click.IntRange(min=1)


def describe(outcome: CaptionOutcome) -> list[str]:
    """A caption's outcome as lines: the caption, then its proposals indented."""
    where = f"caption {outcome.caption_id} ({outcome.article} #{outcome.position})"
    if outcome.picture:
        score = f" {outcome.score:.2f}" if outcome.score is not None else ""
        lines = [f"{where} → {outcome.picture}{score}: {outcome.reason or outcome.outcome}"]
    else:
        lines = [f"{where}: no picture ({outcome.reason or outcome.outcome})"]
    lines.extend(
        f"    proposal {p.score:.2f} picture {p.picture_id} {p.picture}: {p.reasons}"
        for p in outcome.proposals
    )
    return lines


def _print(report: LinkReport, verbose: bool) -> None:
    click.echo(report.summary())
    if verbose:
        for outcome in report.captions:
            for line in describe(outcome):
                click.echo(line)


@click.command(name="link")
@click.argument("caption_id", metavar="[CAPTION", required=False, type=_ID)
@click.argument("picture", metavar="PICTURE]", required=False)
@click.option("-v", "--verbose", is_flag=True, help="Every caption's outcome and proposals.")
@pass_desk_options
def link_command(
    options: DeskOptions, caption_id: int | None, picture: str | None, verbose: bool
) -> None:
    """Link captions to pictures; with CAPTION PICTURE, link that caption by hand."""
    if caption_id is not None and picture is None:
        fail(f"caption {caption_id}", "give the PICTURE to link it to (an id or a path)")
    desk = options.open()
    with desk_errors():
        if caption_id is not None and picture is not None:
            outcome = link_by_hand(desk, caption_id, picture, editor=options.editor)
            click.echo(describe(outcome)[0])
            for other in outcome.released:
                click.echo(f"caption {other}: unlinked (its picture went to caption {caption_id})")
            return
        with progress_bar() as progress:
            report = link_desk(desk, progress=progress)
    _print(report, verbose)


@click.command(name="unlink")
@click.argument("caption_id", metavar="CAPTION", type=_ID)
@click.option(
    "--auto", "automatic", is_flag=True, help="Hand the caption back to automatic linking."
)
@pass_desk_options
def unlink_command(options: DeskOptions, caption_id: int, automatic: bool) -> None:
    """Remove CAPTION's link; `link` leaves it unlinked unless --auto is given."""
    desk = options.open()
    with desk_errors():
        outcome = unlink(desk, caption_id, automatic=automatic, editor=options.editor)
    state = "back to automatic linking" if automatic else "unlinked by hand"
    click.echo(f"caption {outcome.caption_id} ({outcome.article} #{outcome.position}): {state}")
