"""``photodesk [--db URL] write [--dry-run] [--force] (--out DIR | --in-place) [ARTICLE...]``.

Writes each linked picture's caption, creators, credit and the other fields the desk holds into
the file (XMP; IIM in JPEG and TIFF; EXIF ImageDescription, Artist, Copyright), losslessly and
verified. The selection is ARTICLE... exactly as for ``check`` (none: the whole desk).

One line per picture on stdout (``--dry-run``: the change field by field), warnings indented
under it; a picture held back or failed is one line on stderr naming the file and the reason.
Exit status: 0 every selected picture was written (or already said it all); 1 some picture was
held back or failed, the others were written; 2 bad usage, an unknown article or an unusable
``--out`` folder, and nothing was written. So ``photodesk write --in-place && publish`` only
publishes a desk whose every picture carries its credit.
"""

from __future__ import annotations

from pathlib import Path

import click

from photodesk.cli.desk_options import pass_desk
from photodesk.cli.errors import fail
from photodesk.cli.remedies import phrased
from photodesk.core.difference import around_difference
from photodesk.core.handover import FieldChange
from photodesk.core.metadata import Value
from photodesk.services.checking import ArticleNotOnDesk
from photodesk.services.desk import Desk
from photodesk.services.writeback import PictureWrite, WriteReport, WriteUsageError, write_back

SHOWN = 70  # characters of a value a dry run shows


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Write copies into this folder; the originals are never touched.",
)
@click.option(
    "--in-place",
    is_flag=True,
    help="Rewrite the files themselves, keeping the first original as .NAME.orig beside each.",
)
@click.option("--dry-run", is_flag=True, help="Show each file's changes; write nothing.")
@click.option("--force", is_flag=True, help="Write pictures whose caption fails the check too.")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@pass_desk
def write(
    desk: Desk,
    out: Path | None,
    in_place: bool,
    dry_run: bool,
    force: bool,
    articles: tuple[Path, ...],
) -> None:
    """Write captions and credits into the picture files (copies with --out, or --in-place).

    Exit status 0 when every picture was written, 1 when some were held back or failed (each
    named on stderr), 2 on bad usage.
    """
    if out is not None and in_place:
        fail("write", "--out and --in-place cannot be given together; give one of the two")
    if out is None and not in_place:
        fail("write", "say where: --out DIR (copies, originals untouched) or --in-place")
    try:
        report = write_back(desk, articles, out=out, dry_run=dry_run, force=force)
    except ArticleNotOnDesk as error:
        fail(error.subject, error.reason)
    except WriteUsageError as error:
        fail(error.subject, error.reason)
    for picture in report.pictures:
        _print(picture, dry_run)
    click.echo(_summary(report, dry_run))
    raise SystemExit(1 if report.incomplete else 0)


def _print(picture: PictureWrite, dry_run: bool) -> None:
    name = Path(picture.path).name
    if picture.reason is not None:
        reason = phrased(picture.reason, picture.remedy)
        click.echo(f"photodesk: {picture.path}: {picture.status}: {reason}", err=True)
        if dry_run:
            click.echo(f"{name}: {picture.status} (the reason is on stderr)")
            _changes(picture.changes)
        return
    if picture.status == "unchanged":
        click.echo(f"{name}: unchanged (the file already says all of it)")
        return
    verb = "would write" if dry_run else "written"
    line = f"{name}: {verb} {_fields(len(picture.changes))} → {picture.target}"
    if picture.backup:
        line += f" (original kept as {Path(picture.backup).name})"
    click.echo(line)
    if dry_run:
        _changes(picture.changes)
    for warning in picture.warnings:
        click.echo(f"  warning: {warning}")


def _changes(found: tuple[FieldChange, ...]) -> None:
    for change in found:
        old, new = _text(change.old), _text(change.new)
        if old is not None and new is not None:
            old, new = around_difference(old, new, SHOWN)  # an edit past the cut must show
        click.echo(f"  {change.field}: {_shown(old)} → {_shown(new)}")


def _text(value: Value | None) -> str | None:
    """The value on one line, as the dry run shows it (lists joined as written to EXIF)."""
    if value is None:
        return None
    text = value if isinstance(value, str) else "; ".join(value)
    return text.replace("\n", "⏎")


def _shown(text: str | None) -> str:
    if text is None:
        return "(none)"
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def _fields(count: int) -> str:
    return f"{count} changed field{'' if count == 1 else 's'}"


def _summary(report: WriteReport, dry_run: bool) -> str:
    done = report.count("would write" if dry_run else "written")
    verb = "would write" if dry_run else "wrote"
    parts = [
        f"{report.count('unchanged')} unchanged",
        f"{report.count('held back')} held back",
        f"{report.count('failed')} failed",
    ]
    return f"{verb} {done} of {len(report.pictures)} pictures ({', '.join(parts)})"
