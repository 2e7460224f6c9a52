"""The desk as the terminal UI sees it: read models in, use cases out, no Session, no file.

The Textual app gets one ``Workbench`` through its constructor and calls nothing else of ours
but ``photodesk.core`` values; every method here is safe to call from a thread worker (each
opens its own unit of work on the desk). Slow calls (``rows`` on a big desk, ``preview``,
``write``) are the ones the app runs in workers.

CONTRACT (helpers: implement exactly these names; extend, don't rename):

    wb = Workbench(desk, editor="alice", clock=utc_now)
    wb.rows() -> list[DeskRow]                   # every caption, article then position order
    wb.counts() -> DeskCounts                    # header: pictures, captions, missing, errors…
    wb.detail(caption_id) -> CaptionDetail       # everything the detail panel shows
    wb.live_check(caption_id, caption, credit) -> LiveCheck   # parse + findings as you type
    wb.save(caption_id, version, changes) -> CaptionView      # EditConflict on a stale version
    wb.undo(caption_id) -> RevisionView | None   # revert the newest un-reverted text revision
    wb.embedded_credit(caption_id) -> str | None # the picture's credit in house style (PD101)
    wb.apply_template(caption_ids, field, template) -> list[CaptionView]  # {caption} {credit}
    wb.proposals(caption_id) -> tuple[ProposalView, ...]; wb.link(caption_id, picture)
    wb.save_draft(caption_id, base_version, caption, credit); wb.drafts() -> dict[int, Draft]
    wb.discard_draft(caption_id)                 # drafts live in the desk (table ``draft``)
    wb.codes() -> CodeTable                      # Photo Mechanic code replacements (house file)
    wb.preview(caption_id, columns, rows) -> Preview | None   # small RGB grid for half-blocks

As implemented, beyond the contract: ``wb.counts(rows)`` reuses rows just read (no second
query); ``wb.unlink(caption_id)``; ``wb.save_draft`` returns the Draft, or None when the text is
what the caption holds (the draft is then dropped); ``wb.discard_draft`` says whether there was
one; ``wb.refresh()`` forgets cached pictures after a scan or a link run elsewhere. The
hand-over calls (``workbench_handover.HandoverBench``): ``wb.plan_write(ids)`` (a dry run, and
the selected captions whose draft would not be written), ``wb.write_files(ids, out=…)``,
``wb.export_to(fmt, path)``, ``wb.rescan()`` (the folders of the desk's pictures). Read models:
``workbench_views`` (rows, counts, detail, live check), ``drafts.Draft``, ``core.codes.CodeTable``,
``workbench_preview.Preview``. Errors the UI shows: EditConflict / RevertConflict (who, when,
what), CaptionNotFound, PictureNotFound.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence

from photodesk.core.codes import CodeTable
from photodesk.services import drafts as drafting
from photodesk.services import workbench_edits
from photodesk.services.codes_file import load_codes
from photodesk.services.desk import CaptionNotFound, Desk
from photodesk.services.drafts import Draft
from photodesk.services.editing import Clock, EditConflict, default_editor, edit_caption, utc_now
from photodesk.services.history import RevertConflict
from photodesk.services.linking_manual import PictureNotFound, link_by_hand, unlink
from photodesk.services.linking_views import CaptionOutcome, ProposalView
from photodesk.services.views import CaptionView, RevisionView
from photodesk.services.workbench_detail import build_detail, proposals
from photodesk.services.workbench_facts import (
    CaptionContext,
    embedded_credit,
    live_check,
    load_context,
)
from photodesk.services.workbench_handover import HandoverBench
from photodesk.services.workbench_preview import Preview, PreviewCache
from photodesk.services.workbench_views import (
    CaptionDetail,
    ComparisonRow,
    DeskCounts,
    DeskRow,
    LiveCheck,
    count_rows,
    desk_row,
)
from photodesk.store import queries_drafts

CONTEXTS_KEPT = 256  # captions whose surroundings stay read (live checks, credits, previews)

__all__ = [
    "CaptionDetail",
    "CaptionNotFound",
    "CaptionOutcome",
    "CaptionView",
    "CodeTable",
    "ComparisonRow",
    "DeskCounts",
    "DeskRow",
    "Draft",
    "EditConflict",
    "LiveCheck",
    "PictureNotFound",
    "Preview",
    "ProposalView",
    "RevertConflict",
    "RevisionView",
    "Workbench",
]


class Workbench(HandoverBench):
    """One editor's view of one desk. Caches only what a keystroke must not wait for (each
    caption's surroundings, recent previews); ``refresh()`` forgets them after outside work."""

    def __init__(self, desk: Desk, editor: str | None = None, clock: Clock = utc_now) -> None:
        self.desk = desk
        self.editor = editor or default_editor()
        self.clock = clock
        self._contexts: dict[int, CaptionContext] = {}
        self._contexts_lock = threading.Lock()
        self._previews = PreviewCache()

    def refresh(self) -> None:
        """Forget cached surroundings and previews (after a scan, a link run, a re-ingest)."""
        self._contexts.clear()
        self._previews.clear()

    def rows(self) -> list[DeskRow]:
        """Every caption, by article then position, as the desk stored it (one statement)."""
        with self.desk.read() as session:
            records = queries_drafts.desk_rows(session, self.editor)
        return [desk_row(record) for record in records]

    def counts(self, rows: Sequence[DeskRow] | None = None) -> DeskCounts:
        """The header's figures; pass the ``rows`` just read to skip reading them again."""
        with self.desk.read() as session:
            pictures = queries_drafts.picture_count(session)
            if rows is None:
                rows = [desk_row(r) for r in queries_drafts.desk_rows(session, self.editor)]
        return count_rows(rows, pictures)

    def detail(self, caption_id: int) -> CaptionDetail:
        """Everything the detail panel shows; re-reads the caption's surroundings."""
        house = self.desk.house
        with self.desk.read() as session:
            context = load_context(session, caption_id)
            row = queries_drafts.draft_of(session, caption_id, self.editor)
            draft = None if row is None else drafting.draft_view(row)
            found = build_detail(session, context, house, draft)
        self._remember(caption_id, context)
        return found

    def live_check(self, caption_id: int, caption: str, credit: str | None) -> LiveCheck:
        """The parse and findings of the text being typed; pure rules after the first call."""
        return live_check(self._context(caption_id), caption, credit, self.desk.house, self.clock())

    def save(self, caption_id: int, version: int, changes: Mapping[str, str | None]) -> CaptionView:
        """Save as this editor (EditConflict on a stale version); the draft is then dropped."""
        view = edit_caption(
            self.desk, caption_id, version, changes, editor=self.editor, clock=self.clock
        )
        drafting.discard_draft(self.desk, caption_id, self.editor)
        return view

    def undo(self, caption_id: int, read_version: int | None = None) -> RevisionView | None:
        """Revert the caption's newest caption/credit change still in effect (None: nothing);
        EditConflict when the caption is no longer at ``read_version`` (the one on screen)."""
        return workbench_edits.undo(
            self.desk, caption_id, editor=self.editor, clock=self.clock, read_version=read_version
        )

    def embedded_credit(self, caption_id: int) -> str | None:
        """The picture's credit in house style (PD101's fix); None without one."""
        return embedded_credit(self._context(caption_id).picture, self.desk.house)

    def apply_template(
        self, caption_ids: Iterable[int], field: str, template: str
    ) -> list[CaptionView]:
        """``field`` := template (``{caption}``, ``{credit}``) on each caption, as revisions, in
        one write; the captions that changed."""
        return workbench_edits.apply_template(
            self.desk, caption_ids, field, template, editor=self.editor, clock=self.clock
        )

    def proposals(self, caption_id: int) -> tuple[ProposalView, ...]:
        """The linker's candidate pictures for the caption, best first."""
        with self.desk.read() as session:
            return proposals(session, caption_id)

    def link(self, caption_id: int, picture: str) -> CaptionOutcome:
        """Link by hand to a picture (id, path or unique file name); PictureNotFound if none."""
        outcome = link_by_hand(self.desk, caption_id, picture, editor=self.editor, clock=self.clock)
        self._contexts.clear()  # the article's placements changed too (PD402)
        return outcome

    def unlink(self, caption_id: int) -> CaptionOutcome:
        """Remove the caption's link (the linker will not put it back)."""
        outcome = unlink(self.desk, caption_id, editor=self.editor, clock=self.clock)
        self._contexts.clear()
        return outcome

    def save_draft(
        self, caption_id: int, base_version: int, caption: str, credit: str | None
    ) -> Draft | None:
        """Keep the unsaved edit; None (and no draft) when it says what the caption says."""
        return drafting.save_draft(
            self.desk, caption_id, self.editor, base_version, caption, credit, self.clock
        )

    def drafts(self) -> dict[int, Draft]:
        """This editor's drafts by caption id."""
        return drafting.drafts_of(self.desk, self.editor)

    def discard_draft(self, caption_id: int) -> bool:
        """Drop this editor's draft of the caption; whether there was one."""
        return drafting.discard_draft(self.desk, caption_id, self.editor)

    def codes(self) -> CodeTable:
        """The house's code replacements; empty with ``error`` set when the file is unusable."""
        return load_codes(self.desk)

    def preview(self, caption_id: int, columns: int, rows: int) -> Preview | None:
        """The linked picture fitted into ``columns`` x ``2 * rows`` pixels (half blocks);
        None without a picture, or when it cannot be read."""
        picture = self._context(caption_id).picture
        if picture is None or picture.missing:
            return None
        return self._previews.get(picture.path, columns, rows)

    def _context(self, caption_id: int) -> CaptionContext:
        found = self._contexts.get(caption_id)
        if found is None:
            with self.desk.read() as session:
                found = load_context(session, caption_id)
            self._remember(caption_id, found)
        return found

    def _remember(self, caption_id: int, context: CaptionContext) -> None:
        """Keep the context, forgetting the oldest beyond CONTEXTS_KEPT: stepping through a
        whole desk must not keep every caption's surroundings."""
        with self._contexts_lock:  # workers read captions side by side
            self._contexts.pop(caption_id, None)
            if len(self._contexts) >= CONTEXTS_KEPT:
                self._contexts.pop(next(iter(self._contexts)))
            self._contexts[caption_id] = context
