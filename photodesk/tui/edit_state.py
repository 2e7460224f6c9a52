"""The edit in progress on the caption the panel shows: what was read, what is typed, is it saved.

Kept apart from the widgets so the rule that matters most — an edit is never lost — is one
small class: the version the edit started from (a restored draft's, so that a caption someone
changed since conflicts instead of being overwritten), the text as typed, and whether that text
differs from what the desk holds (compared the way a save cleans it: trimmed, an empty credit
is none).
"""

from __future__ import annotations

from dataclasses import dataclass

from photodesk.services.workbench import CaptionDetail, Workbench


@dataclass
class EditState:
    """One caption's edit; ``detail`` is None before the first caption is shown."""

    detail: CaptionDetail | None = None
    caption: str = ""
    credit: str = ""
    base_version: int = 0
    generation: int = 0
    has_draft: bool = False
    kept: int = 0

    @property
    def caption_id(self) -> int | None:
        """The caption being edited."""
        return None if self.detail is None else self.detail.caption.id

    def start(self, detail: CaptionDetail) -> None:
        """Begin on a freshly read caption: its draft's text and version when it has one."""
        self.detail = detail
        draft = detail.draft
        if draft is not None:
            self.caption, self.credit = draft.caption, draft.credit or ""
            self.base_version = draft.base_version
        else:
            self.caption, self.credit = detail.caption.caption, detail.caption.credit or ""
            self.base_version = detail.caption.version
        self.has_draft = draft is not None
        self.kept = self.generation

    def typed(self, caption: str, credit: str) -> int:
        """Record the editors' text; the new generation (answers for older ones are stale)."""
        self.caption, self.credit = caption, credit
        self.generation += 1
        return self.generation

    @property
    def dirty(self) -> bool:
        """Whether saving now would change the caption."""
        if self.detail is None:
            return False
        saved = self.detail.caption
        return (self.caption.strip(), self.credit.strip()) != (saved.caption, saved.credit or "")

    def changes(self) -> dict[str, str | None]:
        """The fields to save."""
        return {"caption": self.caption, "credit": self.credit or None}

    def keep(self, workbench: Workbench) -> bool:
        """Store the edit as a draft (or drop a draft the text no longer needs); whether a
        draft exists afterwards. Cheap when there is nothing to keep or to drop."""
        caption_id = self.caption_id
        if caption_id is None or self.kept == self.generation:
            return self.has_draft
        self.kept = self.generation
        if not (self.dirty or self.has_draft):
            return False
        draft = workbench.save_draft(caption_id, self.base_version, self.caption, self.credit)
        self.has_draft = draft is not None
        return self.has_draft
