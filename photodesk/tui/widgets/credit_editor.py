"""The credit line editor and, under it, what the credit means as you type it.

The parse is shown field by field (creators, organisations, agency, the handout/pool/via flags)
so that an editor sees at once that ``Reuters/Pavel Surikov`` reads as agency + creator while
``Pavel Surikov Reuters`` does not. The parse itself comes from the live check; this widget only
shows it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from photodesk.core.types import Credit
from photodesk.tui.widgets.caption_editor import CodeInput


def parse_text(credit: Credit | None) -> Text:
    """The parse on one or two lines; a dim note when the credit is empty."""
    if credit is None or not credit.text.strip():
        return Text("no credit", style="dim italic")
    text = Text()
    _field(text, "creators", ", ".join(credit.creators))
    _field(text, "orgs", ", ".join(credit.organizations))
    _field(text, "agency", credit.agency or "")
    flags = [name for name, on in _flags(credit) if on]
    if flags:
        text.append("  ")
        for flag in flags:
            text.append(f" {flag} ", style="reverse magenta")
            text.append(" ")
    return text


def _flags(credit: Credit) -> tuple[tuple[str, bool], ...]:
    return (("handout", credit.handout), ("pool", credit.pool), ("via", credit.via))


def _field(text: Text, label: str, value: str) -> None:
    if text:
        text.append("  ")
    text.append(f"{label}: ", style="dim")
    text.append(value or "—", style="bold" if value else "dim")


class CreditEditor(Vertical):
    """An Input for the credit and the live parse under it."""

    def compose(self) -> ComposeResult:
        yield CodeInput(placeholder="credit, e.g. REUTERS/Pavel Surikov", id="credit-input")
        yield Static(parse_text(None), id="credit-parse")

    @property
    def input(self) -> CodeInput:
        """The editable credit line."""
        return self.query_one("#credit-input", CodeInput)

    def load(self, credit: str) -> None:
        """Show a credit as loaded from the desk, repainting the field alone.

        Textual's Input sets its virtual size to its text's width on every new value, and a new
        width lays out and repaints the whole screen: one more full frame per cursor step for
        nothing (the field's size is fixed). Setting that size first, without watchers, to the
        width the Input is about to set leaves the Input nothing to change. Should Textual ever
        measure differently, the Input sets its own size as before: a layout pass, no harm.
        """
        field = self.input
        if field.value == credit:
            return
        width = cell_len(credit) + 1 if credit or not field.placeholder else None
        field.set_reactive(Widget.virtual_size, Size(width or cell_len(field.placeholder), 1))
        field.value = credit

    def show_parse(self, credit: Credit | None) -> None:
        """Show what the credit being typed means (two fixed lines: no layout pass)."""
        parse = self.query_one("#credit-parse", Static)
        text = parse_text(credit)
        if text != parse.content:
            parse.update(text, layout=False)
