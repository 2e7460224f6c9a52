"""What the editor does to captions on the desk screen: save, undo, templates, links.

Each action is one short write through the workbench, done on the UI thread so that its order
with the editor's keystrokes is certain (a save is one small transaction; the slow reads are the
workers' job in ``desk.py``). Every path that could drop typed text keeps it as a draft first.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual.widgets import TextArea

from photodesk.services.desk import CaptionNotFound, NotFound
from photodesk.services.editing import EditConflict
from photodesk.services.linking_views import CaptionOutcome
from photodesk.tui.screens.conflict import Choice, ConflictScreen
from photodesk.tui.screens.desk_moves import DeskMoves
from photodesk.tui.screens.help import HelpScreen
from photodesk.tui.screens.link import UNLINK, LinkScreen
from photodesk.tui.screens.template import TemplateScreen


def link_notice(outcome: CaptionOutcome) -> str:
    """What a link by hand did, naming any caption that lost its picture to it (it is unlinked
    now, and would go out without a picture unless the editor links it again)."""
    done = (
        f"caption {outcome.caption_id} linked to {Path(outcome.picture).name}"
        if outcome.picture
        else f"caption {outcome.caption_id} unlinked"
    )
    lost = ", ".join(str(other) for other in outcome.released)
    if not lost:
        return done
    return f"{done}; caption {lost} lost that picture and is unlinked now: link it again"


class DeskActions(DeskMoves):
    """Saving (with conflicts), discarding, undo, the embedded credit, templates, links, help."""

    # Saving.

    def action_save(self) -> None:
        """Save the caption and credit as typed (an EditConflict opens the conflict screen)."""
        self._save(self.edit.base_version)

    def _save(self, version: int) -> None:
        caption_id = self.edit.caption_id
        if caption_id is None:
            return
        if not self.edit.dirty:
            self.notify("nothing to save")
            return
        mine = self.edit.changes()
        try:
            self.workbench.save(caption_id, version, mine)
        except CaptionNotFound:
            self.caption_removed()
            return
        except EditConflict as conflict:
            self.keep_draft()
            self.app.push_screen(
                ConflictScreen(conflict, mine), partial(self._resolve, conflict=conflict)
            )
            return
        self.show_saved(caption_id)
        self.notify(f"caption {caption_id} saved")

    def _resolve(self, choice: Choice | None, conflict: EditConflict) -> None:
        """After a conflict: take theirs, save mine over it knowingly, or keep editing."""
        caption_id = self.edit.caption_id
        if caption_id != conflict.caption_id or choice in (None, "keep"):
            return
        if choice == "reload":
            self.workbench.discard_draft(caption_id)
            self.show_saved(caption_id)
            self.notify("reloaded: the caption as it is now in the desk")
        else:  # against the version the editor has now seen: a newer save conflicts again
            self._save(conflict.version)

    def action_discard(self) -> None:
        """Throw the unsaved edit away: back to the caption as saved."""
        caption_id = self.edit.caption_id
        if caption_id is None:
            return
        self.workbench.discard_draft(caption_id)
        self.show_saved(caption_id)
        self.notify("edit discarded")

    # Undo, embedded credit, templates, links, help.

    def action_undo(self) -> None:
        """Undo the newest saved change of this caption (it becomes a revision itself).

        With an unsaved edit, the key undoes typing in the caption editor instead: a saved
        change cannot be undone under an edit that was made on top of it.
        """
        caption_id = self.edit.caption_id
        if caption_id is None:
            return
        if self.edit.dirty:  # typing is undone where it happens; saved changes once saved
            if isinstance(self.focused, TextArea):
                self.focused.undo()
            else:
                self.notify("unsaved edit: save it (ctrl+s) or discard it (ctrl+r) first")
            return
        try:
            revision = self.workbench.undo(caption_id, self.edit.base_version)
        except EditConflict as conflict:
            self.notify(conflict.reason, title="cannot undo", severity="error")
            self.show_saved(caption_id)  # what the other editor made of it, to undo knowingly
            return
        if revision is None:
            self.notify("nothing to undo")
            return
        self.show_saved(caption_id)
        self.notify(f"undone: the {revision.field} is back to {revision.new or '(none)'!r}")

    def action_use_embedded(self) -> None:
        """Put the picture's own credit (in house style) into the credit editor."""
        detail = self.edit.detail
        if detail is None:
            return
        credit = detail.embedded_credit
        if not credit:
            self.notify("the picture carries no credit to use", severity="warning")
            return
        self.panel.set_credit(credit)
        self.notify(f"credit set to {credit!r}: ctrl+s saves it")

    def action_template(self) -> None:
        """Apply a template to the selected captions (or the current one)."""
        ids = self.table.marked_ids() or (
            [self.edit.caption_id] if self.edit.caption_id is not None else []
        )
        if not ids:
            return
        if self.edit.caption_id in ids and self.edit.dirty:
            self.notify("save or discard the edit on screen first", severity="warning")
            return

        def apply(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            field, template = answer
            self.keep_draft()  # typed on screen while the dialog was up: show_saved restores it
            changed = self.workbench.apply_template(ids, field, template)
            self.table.marked.clear()
            self.reload_rows()
            if self.edit.caption_id is not None:
                self.show_saved(self.edit.caption_id)
            self.notify(f"template applied: {len(changed)} of {len(ids)} captions changed")

        self.app.push_screen(TemplateScreen(len(ids), self.panel.codes), apply)

    def action_link(self) -> None:
        """Link the caption to a picture: the linker's candidates, or one named by hand."""
        detail = self.edit.detail
        if detail is None:
            return
        caption_id = detail.caption.id

        def link(choice: str | None) -> None:
            if choice is None:
                return
            self.keep_draft()  # the caption is shown again from the desk below, draft and all
            try:
                if choice == UNLINK:
                    outcome = self.workbench.unlink(caption_id)
                else:
                    outcome = self.workbench.link(caption_id, choice)
            except NotFound as error:
                self.notify(f"{error.subject}: {error.reason}", severity="error")
                return
            self.reload_rows()
            self.show_saved(caption_id)
            self.notify(
                link_notice(outcome), severity="warning" if outcome.released else "information"
            )

        self.app.push_screen(LinkScreen(detail.proposals, detail.picture_path), link)

    def action_help(self) -> None:
        """Every key of the desk."""
        keymap = getattr(self.app, "keymap", {})
        self.app.push_screen(HelpScreen(keymap))
