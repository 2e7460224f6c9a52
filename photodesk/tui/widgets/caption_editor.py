"""Code replacements as the editor types: ``=kju=`` becomes its text when the closing ``=`` lands.

Photo Mechanic users type codes without thinking; the expansion must happen in place, keep the
cursor after the inserted text, and be one edit (so TextArea's own undo takes it back in one
step). Only a focused editor expands: text loaded by the app (a saved caption, a draft) is
shown exactly as stored, codes and all. Pasted text (a caption brought over from another
system, a template) lands with every code in it expanded: the as-typed expansion only sees the
``=`` before the cursor, so it would expand the last code of a paste and leave the others.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Document

from photodesk.core.codes import CodeTable


def expand_in_text_area(area: TextArea, codes: CodeTable) -> bool:
    """Expand the code the cursor just closed in ``area``; whether anything changed."""
    document = area.document
    if not codes.entries or not area.has_focus or not isinstance(document, Document):
        return False
    cursor = document.get_index_from_location(area.cursor_location)
    text = area.text
    expanded, after = codes.expand_at_cursor(text, cursor)
    if expanded == text:
        return False
    # The expansion replaced text[start:cursor] by expanded[start:after]; start is where the
    # two texts part, so the edit is exactly the code and nothing around it.
    same = _common_prefix(text[:cursor], expanded[:after])
    value = expanded[same:after]
    start = document.get_location_from_index(same)
    end = document.get_location_from_index(cursor)
    area.replace(value, start, end, maintain_selection_offset=False)
    return True


def _common_prefix(first: str, second: str) -> int:
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            return index
    return min(len(first), len(second))


def expand_in_input(field: Input, codes: CodeTable) -> bool:
    """Expand the code the cursor just closed in ``field``; whether anything changed."""
    if not codes.entries or not field.has_focus:
        return False
    expanded, after = codes.expand_at_cursor(field.value, field.cursor_position)
    if expanded == field.value:
        return False
    field.value = expanded
    field.cursor_position = after
    return True


class PastesCodes:
    """Mixed into a text widget (before it): pasted text has its codes expanded as it lands.

    Textual calls each class's paste handler in turn, this one first, and the widget's own then
    inserts ``event.text``; so expanding the text here is the whole hook, and the widget's
    paste (selection, one undo step) stays Textual's. ``codes`` is set by whoever owns the
    table (the detail panel, the template screen).
    """

    codes: CodeTable = CodeTable()

    def on_paste(self, event: events.Paste) -> None:
        """Expand the codes in the pasted text before the widget inserts it."""
        event.text = self.codes.expand_all(event.text)


class CodeInput(PastesCodes, Input):
    """A one-line field whose pasted codes are expanded (the credit, a template)."""


class CaptionEditor(PastesCodes, TextArea):
    """The caption text: soft-wrapped, tab leaves the field (captions hold no tabs)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
