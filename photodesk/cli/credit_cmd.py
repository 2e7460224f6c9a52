"""``photodesk credit TEXT...``: parse captions or bare credit lines, no database."""

from __future__ import annotations

import json

import click

from photodesk.core.captions import caption_from_text
from photodesk.core.types import CaptionDraft, Credit


def credit_record(draft: CaptionDraft) -> dict[str, object]:
    """The JSON shape DESIGN.md fixes for ``credit --json``: every key present, nulls when empty."""
    parsed = draft.credit or Credit(text="")
    record: dict[str, object] = {"caption": draft.caption, **parsed.as_dict()}
    if draft.credit is None:
        record["credit"] = None
    return record


def _describe(draft: CaptionDraft) -> str:
    if draft.credit is None:
        return f"caption: {draft.caption}\ncredit:  (none)"
    c = draft.credit
    flags = [name for name, on in (("handout", c.handout), ("pool", c.pool), ("via", c.via)) if on]
    lines = [
        f"caption:       {draft.caption}",
        f"credit:        {c.text}",
        f"creators:      {', '.join(c.creators) or '-'}",
        f"organizations: {', '.join(c.organizations) or '-'}",
        f"agency:        {c.agency or '-'}",
        f"flags:         {', '.join(flags) or '-'}",
    ]
    return "\n".join(lines)


@click.command()
@click.argument("texts", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per TEXT, one per line.")
def credit(texts: tuple[str, ...], as_json: bool) -> None:
    """Split each TEXT into caption and credit and parse the credit."""
    drafts = [caption_from_text(text) for text in texts]
    if as_json:
        for draft in drafts:
            click.echo(json.dumps(credit_record(draft), ensure_ascii=False))
        return
    click.echo("\n\n".join(_describe(d) for d in drafts))
