"""``photodesk history CAPTION`` and ``photodesk revert REVISION``: every change, and its undo.

One line per revision, oldest first, so that the newest change is nearest the prompt::

    #7  2025-01-13 10:02:03Z  alice  credit: "REUTERS" → "REUTERS/Jane Doe"

Values are printed as JSON strings (quotes, escaped newlines) so that a trailing space or an
emptied field is visible; ``(none)`` is a field with no value at all.
"""

from __future__ import annotations

import json

import click

from photodesk.cli.desk_options import DeskOptions, desk_errors, pass_desk, pass_desk_options
from photodesk.cli.errors import fail
from photodesk.services.desk import Desk
from photodesk.services.history import RevisionView, history, revert

_ID = click.IntRange(min=1)


def _value(value: str | None) -> str:
    return "(none)" if value is None else json.dumps(value, ensure_ascii=False)


def describe(revision: RevisionView, editor_width: int = 0) -> str:
    """One revision as one line: id, time, editor, field, old → new (and what it reverted)."""
    line = (
        f"#{revision.id}  {revision.at:%Y-%m-%d %H:%M:%S}Z  {revision.editor:<{editor_width}}"
        f"  {revision.field}: {_value(revision.old)} → {_value(revision.new)}"
    )
    return line + (f"  (reverts #{revision.reverts})" if revision.reverts else "")


def _record(revision: RevisionView) -> dict[str, object]:
    return {
        "id": revision.id,
        "caption": revision.caption_id,
        "field": revision.field,
        "old": revision.old,
        "new": revision.new,
        "editor": revision.editor,
        "at": revision.at.isoformat(),
        "reverts": revision.reverts,
    }


@click.command(name="history")
@click.argument("caption_id", metavar="CAPTION", type=_ID)
@click.option("--json", "as_json", is_flag=True, help="A JSON list of revisions.")
@pass_desk
def history_command(desk: Desk, caption_id: int, as_json: bool) -> None:
    """Every change to CAPTION (an id), oldest first.

    Each line ends with the change's revision id; `photodesk revert REVISION` undoes it.
    """
    revisions = history(desk, caption_id)
    if as_json:
        click.echo(json.dumps([_record(r) for r in revisions], ensure_ascii=False))
    elif not revisions:
        click.echo(f"caption {caption_id}: no changes yet")
    else:
        width = max(len(r.editor) for r in revisions)
        for revision in revisions:
            click.echo(describe(revision, width))


@click.command(name="revert")
@click.argument("revision_id", metavar="REVISION", type=_ID)
@pass_desk_options
def revert_command(options: DeskOptions, revision_id: int) -> None:
    """Undo REVISION (an id); the undo is itself a new revision.

    Refused (status 2) when the field has been changed again since that revision.
    """
    desk = options.open()
    with desk_errors():
        try:
            added = revert(desk, revision_id, editor=options.editor)
        except ValueError as error:
            fail(f"revision {revision_id}", str(error).removeprefix(f"revision {revision_id} "))
    click.echo(f"reverted #{revision_id}: {describe(added)}")
