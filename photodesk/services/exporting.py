"""``export``: the desk as a caption sheet, in a format another system reads.

The service builds the sheet (``photodesk.export.sheet``) from the desk in two queries and hands
it to a renderer; ``write_export`` puts the bytes in place atomically (a reader of the file never
sees half an export, and a failed export leaves the previous file as it was).

Each caption's status and finding codes are the check's, computed from the desk as it is at the
export (the same rules and house style as ``photodesk check``), so a sheet never shows a verdict
older than its captions.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from photodesk.core.rules import HouseStyle
from photodesk.export.json_sheet import render_json
from photodesk.export.sheet import Sheet, SheetCaption, SheetPicture
from photodesk.services.desk import Desk
from photodesk.services.editing import utc_now
from photodesk.services.findings import Verdict, desk_verdicts
from photodesk.services.inspecting import metadata_record
from photodesk.services.picture_metadata import stored_metadata
from photodesk.store import queries_export
from photodesk.store.models import Picture
from photodesk.store.session import Session

FORMATS = ("exiftool-csv", "json", "ninjs", "html", "pdf")


class ExportFormatError(ValueError):
    """A format photodesk knows but cannot write yet (or does not know at all)."""


def export_bytes(desk: Desk, fmt: str) -> bytes:
    """The whole desk rendered as ``fmt``."""
    if fmt not in FORMATS:
        raise ExportFormatError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt != "json":
        raise ExportFormatError(f"--format {fmt}: not implemented yet")
    house = desk.house
    with desk.read() as session:
        sheet = build_sheet(session, house, utc_now())
    return render_json(sheet)


def write_export(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it and an atomic rename.

    The file gets the mode a plain write would give it (the old file's, else 0666 less the
    umask), not the private 0600 of a temporary file.
    """
    mode = _mode_for(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)  # the only way to read the umask is to set it
        os.umask(mask)
        return 0o666 & ~mask


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
    )
