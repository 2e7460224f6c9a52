"""The desk's work per picture file, ready to leave the desk: what each linked file should say.

``photodesk write`` and ``export --format exiftool-csv`` both start here, so a file written by
photodesk and a file written by ExifTool from our sheet say the same thing. One entry per linked
picture (by path); a picture placed by two captions whose caption or credit differ cannot say
both, so it gets a ``problem`` and no values instead of silently taking one of them. A missing
or unreadable picture gets a ``problem`` too: there is nothing to write into.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from photodesk.core.handover import file_values, writes_iim
from photodesk.core.metadata import Conflict, Value
from photodesk.core.rules import Severity
from photodesk.services.checking import article_keys
from photodesk.services.desk import Desk
from photodesk.services.findings import Verdict
from photodesk.services.picture_metadata import stored_metadata
from photodesk.services.remedies import Hold, Remedy
from photodesk.services.views import credit_from_record
from photodesk.store import queries_export
from photodesk.store.models import Picture


@dataclass(frozen=True, slots=True)
class PictureHandover:
    """One linked picture: its embedded values as last scanned and the values it should carry.

    ``values`` is empty when ``problem`` says why nothing can be written (captions that
    disagree, a missing file, a file the scan could not read). ``conflicts`` are the fields
    whose blocks disagree in the file as last scanned: ``embedded`` (reconciled) hides them, and
    a write must still make the blocks agree. ``has_iim`` says whether the file held an IIM block
    at the last scan (``core.handover.writes_iim`` needs it for a PNG).
    """

    picture_id: int
    path: str
    format: str | None
    embedded: Mapping[str, Value]
    values: Mapping[str, Value]
    caption_ids: tuple[int, ...]
    problem: str | None = None
    conflicts: tuple[Conflict, ...] = ()
    has_iim: bool = False

    @property
    def gets_iim(self) -> bool:
        """Whether a hand-over writes this file's IIM block (the writer's own rule)."""
        return writes_iim(self.format, self.has_iim)


def handover(
    desk: Desk,
    articles: Sequence[str | Path] = (),
    *,
    caption_ids: Collection[int] | None = None,
) -> list[PictureHandover]:
    """Every picture linked to a caption of ``articles`` (all articles when none), by path.

    ``caption_ids`` narrows the selection further to those captions (the UI's marked rows;
    None: no restriction); both filters apply. As with ``articles``, a picture's values come
    from the selected captions that place it. Raises ArticleNotOnDesk for a named article the
    desk does not hold.
    """
    with desk.read() as session:
        keys = article_keys(session, articles)
        rows = queries_export.caption_rows_for_export(session)
        pictures = {p.id: p for p in queries_export.pictures_for_export(session)}
        chosen = set(keys) if keys is not None else None
        wanted = None if caption_ids is None else set(caption_ids)
        placed: dict[int, list[Mapping[str, Any]]] = {}
        for row in rows:
            if row["picture_id"] is None or (chosen is not None and row["article"] not in chosen):
                continue
            if wanted is not None and row["id"] not in wanted:
                continue
            placed.setdefault(row["picture_id"], []).append(row)
        entries = [_entry(pictures[pid], captions) for pid, captions in placed.items()]
    return sorted(entries, key=lambda entry: entry.path)


def _entry(picture: Picture, captions: Sequence[Mapping[str, Any]]) -> PictureHandover:
    metadata = stored_metadata(picture)
    ids = tuple(int(row["id"]) for row in captions)
    base = PictureHandover(
        int(picture.id or 0), picture.path, picture.format, metadata.values, {}, ids
    )
    if metadata.error:
        return _with_problem(base, metadata.error)
    wanted = {(row["caption"] or "", row["credit"] or "") for row in captions}
    if len(wanted) > 1:
        listed = ", ".join(str(i) for i in ids)
        return _with_problem(base, f"placed by captions {listed}, which say different things")
    first = captions[0]
    values = file_values(
        metadata.values, first["caption"] or "", credit_from_record(first["parsed_credit"])
    )
    return PictureHandover(
        base.picture_id,
        base.path,
        base.format,
        base.embedded,
        values,
        ids,
        conflicts=metadata.conflicts,
        has_iim=any(reading.block == "iim" for reading in metadata.blocks),
    )


def _with_problem(entry: PictureHandover, problem: str) -> PictureHandover:
    return PictureHandover(
        entry.picture_id, entry.path, entry.format, entry.embedded, {}, entry.caption_ids, problem
    )


def held_by_check(caption_ids: Sequence[int], verdicts: Mapping[int, Verdict]) -> Hold | None:
    """Why the check holds this picture back (a caption of it judged ``error``), or None.

    The one gate for every route out of the desk: ``write`` and the ExifTool sheet both ask it,
    so a wrong credit cannot leave through the sheet when ``write`` would stop it. A caption
    without a verdict (none is expected) does not hold the picture back. Forcing is the remedy;
    each front end names its own switch for it.
    """
    failing = [verdicts[i] for i in caption_ids if i in verdicts and verdicts[i].status == "error"]
    if not failing:
        return None
    codes = sorted({f.code for v in failing for f in v.findings if f.severity is Severity.ERROR})
    ids = ", ".join(str(v.caption_id) for v in failing)
    return Hold(f"caption {ids} fails the check ({', '.join(codes)})", Remedy.FORCE)
