"""``export``: the desk as a caption sheet, in a format another system reads.

The service builds the sheet (``photodesk.export.sheet``) from the desk in two queries and hands
it to a renderer; ``write_export`` puts the bytes in place atomically (a reader of the file never
sees half an export, and a failed export leaves the previous file as it was).

The renderers never open a file, so what they need from the pictures is gathered here: the
thumbnails of the HTML and PDF contact sheets (a picture that cannot be thumbnailed gets a "no
preview" cell with the reason, never a failed export), and for the ExifTool sheet the values
each linked file should carry (``handover``, the same values ``photodesk write`` writes) with
the field table that names its columns. A picture the ExifTool sheet cannot carry is left out
and named in ``Export.left_out``, for the command line to report. So is one whose caption the
check judges ``error``, unless ``force``: the sheet is a way into the files as much as ``write``
is, so it holds back what ``write`` holds back (``handover.held_by_check``, the one gate).

``check_target`` is asked before a sheet is rendered into a file, by the command line and the UI
alike: a sheet never goes onto a picture the desk has scanned (it would destroy the agency
original, with no backup), and replaces any other existing file only when the caller says so
(``-o`` always does; the UI asks the editor first).

Each caption's status and finding codes are the check's, computed from the desk as it is at the
export (the same rules and house style as ``photodesk check``), so a sheet never shows a verdict
older than its captions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from photodesk.core.rules import HouseStyle
from photodesk.export.exiftool_csv import CsvRow, columns, render_exiftool_csv, row_problem
from photodesk.export.html_sheet import render_html
from photodesk.export.json_sheet import render_json
from photodesk.export.ninjs_sheet import render_ninjs
from photodesk.export.pdf_sheet import render_pdf_sheet
from photodesk.export.sheet import Preview, Sheet, SheetCaption, SheetPicture
from photodesk.metadata.fields import FIELD_TABLE
from photodesk.metadata.thumbnail import ThumbnailError, make_thumbnail
from photodesk.metadata.write_atomic import write_atomically
from photodesk.services.checking import current_verdicts
from photodesk.services.desk import Desk
from photodesk.services.editing import utc_now
from photodesk.services.findings import Verdict, desk_verdicts
from photodesk.services.handover import PictureHandover, handover, held_by_check
from photodesk.services.inspecting import metadata_record
from photodesk.services.picture_metadata import stored_metadata
from photodesk.services.remedies import Hold, Remedy
from photodesk.services.writeback import resolved_path
from photodesk.store import link_queries, queries_export
from photodesk.store.models import Picture
from photodesk.store.session import Session

FORMATS = ("exiftool-csv", "json", "ninjs", "html", "pdf")
THUMBNAIL_SIDE = 320  # pixels: sharp at the sheets' 42 mm / 10 rem, small enough to mail


class ExportFormatError(ValueError):
    """A format photodesk does not know."""


class ExportTargetError(ValueError):
    """The sheet must not go to this file (``subject``): ``reason`` says why; nothing written."""

    def __init__(self, subject: str, reason: str) -> None:
        super().__init__(f"{subject}: {reason}")
        self.subject = subject
        self.reason = reason


class ExportTargetExists(ExportTargetError):
    """The file exists and the caller did not say to replace it (the UI then asks)."""


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A picture the sheet could not carry, why, and what would put it on (``remedy``; only
    the ExifTool sheet leaves any out)."""

    path: str
    reason: str
    remedy: Remedy | None = None


@dataclass(frozen=True, slots=True)
class Export:
    """A rendered sheet, the pictures it had to leave out, and notices about what it shows."""

    data: bytes
    left_out: tuple[LeftOut, ...] = ()
    notices: tuple[str, ...] = ()  # what the sheet could not show as it is (the PDF's font)


def export_bytes(desk: Desk, fmt: str) -> bytes:
    """The whole desk rendered as ``fmt``."""
    return export_sheet(desk, fmt).data


def export_sheet(desk: Desk, fmt: str, *, force: bool = False) -> Export:
    """The whole desk rendered as ``fmt``, with the pictures left out of it.

    ``force`` puts pictures whose caption fails the check on the ExifTool sheet too (the other
    formats show every caption with its status anyway, and ignore it).
    """
    if fmt not in FORMATS:
        raise ExportFormatError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "exiftool-csv":
        return _exiftool_sheet(desk, force)
    now = utc_now()
    with desk.read() as session:
        sheet = build_sheet(session, desk.house, now)
    if fmt == "json":
        return Export(render_json(sheet))
    if fmt == "ninjs":
        return Export(render_ninjs(sheet))
    previews = make_previews(picture.path for picture in sheet.pictures)
    generated = f"Exported {now:%Y-%m-%d %H:%M} UTC by photodesk"
    if fmt == "html":
        return Export(render_html(sheet, previews, generated))
    pdf = render_pdf_sheet(sheet, previews, generated)
    return Export(pdf.data, notices=() if pdf.notice is None else (pdf.notice,))


def make_previews(paths: Iterable[str]) -> dict[str, Preview]:
    """A thumbnail for every path, or the reason there is none (a missing or broken file)."""
    previews: dict[str, Preview] = {}
    for path in paths:
        try:
            previews[path] = Preview(jpeg=make_thumbnail(Path(path), THUMBNAIL_SIDE))
        except ThumbnailError as error:
            previews[path] = Preview(problem=str(error))
    return previews


def _exiftool_sheet(desk: Desk, force: bool) -> Export:
    """One row per linked picture with values; the others are named in ``left_out``."""
    rows: list[CsvRow] = []
    left_out: list[LeftOut] = []
    entries = handover(desk)
    verdicts = {} if force else {v.caption_id: v for v in current_verdicts(desk)}
    for entry in entries:
        hold = _left_out(entry, verdicts)
        if hold is not None:
            left_out.append(LeftOut(entry.path, hold.reason, hold.remedy))
        else:
            rows.append(CsvRow(entry.path, entry.values, entry.gets_iim))
    return Export(render_exiftool_csv(rows, columns(FIELD_TABLE)), tuple(left_out))


def _left_out(entry: PictureHandover, verdicts: Mapping[int, Verdict]) -> Hold | None:
    """Why the ExifTool sheet cannot carry this picture (``verdicts`` empty when forced)."""
    if entry.problem:
        return Hold(entry.problem)
    if (held := held_by_check(entry.caption_ids, verdicts)) is not None:
        return held
    if (problem := row_problem(entry.values)) is not None:
        return Hold(problem)
    return None if entry.values else Hold("nothing to write")


def check_target(desk: Desk, target: Path, *, replace: bool) -> None:
    """Refuse ``target`` before anything is rendered: ExportTargetError when it is a picture the
    desk has scanned (whatever ``replace`` says), ExportTargetExists when it exists and
    ``replace`` is False."""
    resolved = resolved_path(target)
    with desk.read() as session:
        namesakes = link_queries.pictures_named(session, resolved.name)
        if resolved.name != target.name:
            namesakes += link_queries.pictures_named(session, target.name)
        picture = any(resolved_path(Path(p.path)) == resolved for p in namesakes)
    if picture:
        raise ExportTargetError(
            str(target), "a picture of the desk; a sheet never replaces a picture"
        )
    if not replace and (target.exists() or target.is_symlink()):
        raise ExportTargetExists(str(target), "exists already")


def write_export(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it and an atomic rename.

    The file gets the mode a plain write would give it (the old file's, else 0666 less the
    umask); the staging and renaming are the write-back's own (``metadata.write_atomic``), so
    the two ways photodesk writes a file cannot drift apart.
    """
    write_atomically(data, target)


def build_sheet(session: Session, house: HouseStyle, now: datetime) -> Sheet:
    """Every caption (by article, then position) and every picture (by path)."""
    pictures = queries_export.pictures_for_export(session)
    by_id = {picture.id: picture for picture in pictures}
    rows = queries_export.caption_rows_for_export(session)
    verdicts = {v.caption_id: v for v in desk_verdicts(session, house, now)}
    captions = [_caption(row, by_id, verdicts[row["id"]]) for row in rows]
    linked: dict[str, list[int]] = {}
    for caption in captions:
        if caption.picture is not None:
            linked.setdefault(caption.picture, []).append(caption.id)
    sheet_pictures = []
    for picture in pictures:
        metadata = stored_metadata(picture)
        record = metadata_record(metadata)
        ids = tuple(linked.get(picture.path, ()))
        sheet_pictures.append(SheetPicture(picture.path, metadata, record, ids))
    return Sheet(tuple(captions), tuple(sheet_pictures))


def _caption(
    row: Mapping[str, Any], pictures: Mapping[int | None, Picture], verdict: Verdict
) -> SheetCaption:
    picture = pictures.get(row["picture_id"]) if row["picture_id"] is not None else None
    return SheetCaption(
        id=row["id"],
        article=row["article"],
        position=row["position"],
        caption=row["caption"],
        credit=row["credit"],
        parsed=row["parsed_credit"],
        picture=None if picture is None else picture.path,
        status=verdict.status,
        findings=tuple(finding.code for finding in verdict.findings),
        notes=verdict.findings,
    )
