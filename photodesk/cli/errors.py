"""One way to fail: a single line on stderr naming the input and the reason, exit status 2."""

from __future__ import annotations

from typing import NoReturn

import click

USAGE_OR_INPUT_ERROR = 2


def fail(subject: str, reason: str) -> NoReturn:
    """Stop the command: scripts rely on status 2 and on the subject leading the message."""
    click.echo(f"photodesk: {subject}: {reason}", err=True)
    raise SystemExit(USAGE_OR_INPUT_ERROR)
