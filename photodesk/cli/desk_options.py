"""``--db``, ``--config`` and ``--editor`` on the ``photodesk`` group; the open desk for commands.

The options belong to the group (``photodesk --db URL history 12``) so that every desk command
reads them the same way. A command asks for the desk with ``@pass_desk``: it is opened on first
use (so ``photodesk credit`` never touches a database), closed when the command ends, and any
desk error (unreachable database, missing caption or revision, edit conflict) becomes the one
stderr line and exit status 2 of ``cli.errors.fail``::

    @click.command()
    @pass_desk
    def ingest(desk: Desk, ...) -> None: ...        # desk errors handled for you

    @click.command()
    @pass_desk_options
    def history(options: DeskOptions, ...) -> None: # options.editor, options.open()
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import click

from photodesk.cli.errors import fail
from photodesk.services.config import ConfigError
from photodesk.services.desk import Desk, DeskError, NotFound, open_desk
from photodesk.services.editing import EditConflict

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class DeskOptions:
    """What the group's options say: the desk URL (None: the default) and the editor's name."""

    db: str | None = None
    editor: str | None = None
    config: Path | None = None
    _desk: Desk | None = field(default=None, repr=False)

    def open(self) -> Desk:
        """The desk, opened once per command line and closed when the command ends."""
        if self._desk is None:
            with desk_errors():
                self._desk = open_desk(self.db, config=self.config)
            click.get_current_context().call_on_close(self._desk.close)
        return self._desk


pass_desk_options = click.make_pass_decorator(DeskOptions, ensure=True)


def desk_options(group: Callable[P, R]) -> Callable[P, R]:
    """Add ``--db URL`` and ``--editor NAME`` to a group and keep them for its commands."""

    @click.option(
        "--db",
        metavar="URL",
        default=None,
        help="The desk: any SQLAlchemy URL (default: $PHOTODESK_DB, else ./photodesk.db).",
    )
    @click.option(
        "--config",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="The house style (default: photodesk.toml beside the desk).",
    )
    @click.option(
        "--editor",
        metavar="NAME",
        default=None,
        help="Your name in the desk's history (default: your login name).",
    )
    @functools.wraps(group)
    def wrapper(
        *args: Any, db: str | None, editor: str | None, config: Path | None, **kwargs: Any
    ) -> R:
        options = click.get_current_context().ensure_object(DeskOptions)
        options.db, options.editor, options.config = db, editor, config
        return group(*args, **kwargs)

    return wrapper  # type: ignore[return-value]  # click adds the three parameters


def pass_desk(command: Callable[Concatenate[Desk, P], R]) -> Callable[P, R]:
    """Call ``command`` with the open desk first; desk errors end it with status 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        desk = click.get_current_context().ensure_object(DeskOptions).open()
        with desk_errors():
            return command(desk, *args, **kwargs)

    return wrapper


@contextmanager
def desk_errors() -> Iterator[None]:
    """The service errors a desk command can meet, as one line on stderr and exit status 2."""
    try:
        yield
    except (DeskError, NotFound, EditConflict, ConfigError) as error:
        fail(error.subject, error.reason)
