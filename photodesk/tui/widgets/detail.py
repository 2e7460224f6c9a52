"""The detail panel: the selected caption's picture, editors, parse, findings and metadata.

The panel shows; the desk screen decides. It posts ``Edited`` whenever the editor changes the
caption or the credit (after expanding a code), and the screen runs the live check and keeps
the draft. Text is loaded from the draft when there is one, so an edit left behind comes back
exactly as it was typed.

On a terminal that draws images the panel also holds a ``PictureFrame``: once the half-block
preview of a caption arrives, a worker of the panel's own asks the service for a thumbnail big
enough for real pixels and the frame shows it in place of the half blocks (which stay when the
thumbnail cannot be made). Everywhere else the panel is exactly the half-block one.
"""

from __future__ import annotations

from pathlib import PurePath

from PIL.Image import Image as PictureImage
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static, TextArea

from photodesk.core.codes import CodeTable
from photodesk.services.workbench import CaptionDetail, LiveCheck, Preview
from photodesk.tui.widgets.caption_editor import (
    CaptionEditor,
    expand_in_input,
    expand_in_text_area,
)
from photodesk.tui.widgets.credit_editor import CreditEditor
from photodesk.tui.widgets.findings import FindingsList
from photodesk.tui.widgets.metadata_compare import MetadataCompare
from photodesk.tui.widgets.preview import (
    PictureFrame,
    PicturePreview,
    graphics_widget,
    picture_side,
)

PREVIEW_COLUMNS = 24
PREVIEW_ROWS = 9


def title_text(detail: CaptionDetail) -> Text:
    """caption id, article and position, picture file, the last editor when there is one."""
    caption = detail.caption
    picture = PurePath(detail.picture_path).name if detail.picture_path else "not linked"
    text = Text.assemble(
        (f"caption {caption.id}", "bold"),
        f" · {PurePath(detail.article_path).name} #{caption.position} · ",
        (picture, "cyan" if detail.picture_path else "dim"),
        no_wrap=True,
        overflow="ellipsis",
    )
    if caption.edited_by:
        text.append(f" · last saved by {caption.edited_by}", style="dim")
    return text


def notice_text(detail: CaptionDetail) -> Text:
    """The agency's instructions and usage terms, and the restrictions found in them."""
    text = Text()
    kinds = list(dict.fromkeys(r.kind for r in detail.restrictions))
    if kinds:
        text.append("⚠ RESTRICTED: " + ", ".join(kinds), style="bold white on red")
    for label, value in (("instructions", detail.instructions), ("usage", detail.usage_terms)):
        if value.strip():
            text.append(f"\n{label}: " if text else f"{label}: ", style="bold red")
            text.append(value.strip(), style="red")
    return text


class DetailPanel(Vertical):
    """Everything about one caption; ``caption_id`` is None until a caption is shown."""

    class Edited(Message):
        """The editor changed the caption or the credit text."""

    class PictureMade(Message):
        """The panel's worker made the thumbnail of a caption's picture (None: it could not)."""

        def __init__(self, caption_id: int, preview: Preview, picture: PictureImage | None) -> None:
            super().__init__()
            self.caption_id, self.preview, self.picture = caption_id, preview, picture

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.caption_id: int | None = None
        self.detail: CaptionDetail | None = None
        self._codes = CodeTable()
        self._shown: dict[str, Text] = {}
        self.frame: PictureFrame | None = None  # only on a terminal that draws images

    def compose(self) -> ComposeResult:
        yield Static("no caption selected", id="detail-title")
        yield Static("", id="notice")
        with Horizontal(id="detail-body"):
            with Vertical(id="detail-left"):
                yield PicturePreview(id="preview")
                widget = graphics_widget(self.app)
                if widget is not None:
                    self.frame = PictureFrame(widget, PREVIEW_COLUMNS, PREVIEW_ROWS, id="picture")
                    yield self.frame
                yield Static("", id="draft-note")
            with Vertical(id="detail-edit"):
                yield CaptionEditor(id="caption-editor")
                yield CreditEditor(id="credit-editor")
                yield FindingsList("", id="findings")
            yield MetadataCompare("", id="compare")

    @property
    def codes(self) -> CodeTable:
        """The desk's code replacements (empty until the desk is read)."""
        return self._codes

    @codes.setter
    def codes(self, codes: CodeTable) -> None:
        """Expand ``codes`` as they are typed (here) and when pasted (in each editor)."""
        self._codes = codes
        self.query_one(CaptionEditor).codes = codes
        self.query_one(CreditEditor).input.codes = codes

    @property
    def caption_text(self) -> str:
        """The caption as it stands in the editor."""
        return self.query_one(CaptionEditor).text

    @property
    def credit_text(self) -> str:
        """The credit as it stands in the editor."""
        return self.query_one(CreditEditor).input.value

    def load(self, detail: CaptionDetail) -> None:
        """Show a caption; its draft's text when it has one, else the saved text.

        Only what differs from the caption shown before is redrawn, and without a layout pass
        (every part has a fixed size but the notice): a cursor step repaints the panel once.
        """
        self.caption_id, self.detail = detail.caption.id, detail
        caption, credit = detail.caption.caption, detail.caption.credit
        if detail.draft is not None:
            caption, credit = detail.draft.caption, detail.draft.credit
        self._update("#detail-title", title_text(detail))
        notice = notice_text(detail)
        if self._update("#notice", notice, layout=True):
            self.query_one("#notice").display = bool(notice)
        editor = self.query_one(CaptionEditor)
        if editor.text != caption:
            editor.load_text(caption)
        credit_editor = self.query_one(CreditEditor)
        credit_editor.load(credit or "")
        credit_editor.show_parse(detail.caption.parsed_credit)
        self.query_one(FindingsList).show(detail.caption.findings)
        self.show_draft_note(detail.draft is not None)
        compare = self.query_one(MetadataCompare)
        if detail.picture_path is None:
            compare.show_message("no linked picture: ctrl+l links one")
        else:
            compare.show(detail.ours_vs_theirs, detail.embedded)
        self.query_one(PicturePreview).show_message("" if detail.picture_path else "no picture")
        if self.frame is not None and self.frame.display:
            self._show_half_blocks()  # another caption: its picture is on its way

    def set_credit(self, credit: str) -> None:
        """Put ``credit`` in the credit editor as if typed (it is saved with ctrl+s)."""
        self.query_one(CreditEditor).input.value = credit

    def show_live(self, check: LiveCheck) -> None:
        """The parse and findings of the text being typed."""
        self.query_one(CreditEditor).show_parse(check.parsed)
        self.query_one(FindingsList).show(check.findings)

    def show_preview(self, preview: Preview | None) -> None:
        """Paint the picture (or say it cannot be shown)."""
        widget = self.query_one(PicturePreview)
        if preview is None:
            widget.show_message("no preview" if self.detail and self.detail.picture_path else "")
        else:
            widget.show(preview)
            if self.frame is not None and self.caption_id is not None:
                self._make_picture(self.caption_id, preview)

    @work(thread=True, exclusive=True, group="picture")
    def _make_picture(self, caption_id: int, preview: Preview) -> None:
        """In a worker: the thumbnail for the frame (the service reads the file on the first
        ask), so the UI thread only hands it to textual-image."""
        picture = preview.thumbnail(picture_side(PREVIEW_COLUMNS, PREVIEW_ROWS))
        self.post_message(self.PictureMade(caption_id, preview, picture))

    @on(PictureMade)
    def _picture_made(self, message: PictureMade) -> None:
        """Show the picture when it is still the caption's; else keep the half blocks."""
        if self.frame is None or message.caption_id != self.caption_id:
            return
        if message.picture is None:
            self._show_half_blocks()
            return
        self.frame.show(message.preview, message.picture)
        self.query_one(PicturePreview).display = False

    def _show_half_blocks(self) -> None:
        """The half-block preview (or its message) where the frame was."""
        if self.frame is not None:
            self.frame.display = False
        self.query_one(PicturePreview).display = True

    def show_draft_note(self, dirty: bool) -> None:
        """Say that the text on screen is not saved yet."""
        note = Text("✎ unsaved edit\nctrl+s saves\nctrl+r discards", style="bold cyan")
        self._update("#draft-note", note if dirty else Text(), layout=True)

    def _update(self, selector: str, text: Text, *, layout: bool = False) -> bool:
        """Show ``text`` in the Static ``selector`` unless it shows that already; whether it
        changed. ``layout`` only for a part whose height follows its text."""
        widget = self.query_one(selector, Static)
        if self._shown.get(selector) == text:
            return False
        self._shown[selector] = text
        widget.update(text, layout=layout)
        return True

    @on(TextArea.Changed, "#caption-editor")
    def _caption_changed(self, event: TextArea.Changed) -> None:
        if not expand_in_text_area(event.text_area, self.codes):
            self.post_message(self.Edited())

    @on(Input.Changed, "#credit-input")
    def _credit_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not expand_in_input(event.input, self.codes):
            self.post_message(self.Edited())
