"""Linking a caption to a picture by hand: the linker's candidates, best first, with reasons.

The reasons are the point: an editor accepts "file name in the article + same day + caption
words in the description" at a glance, and distrusts a high score with a thin reason.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from photodesk.services.linking_views import ProposalView

UNLINK = "-"


def proposal_prompt(proposal: ProposalView, current: str | None) -> Text:
    """Score, file name (★ for the picture linked now) and the reasons on a second line."""
    name = PurePath(proposal.picture).name
    mark = "★ " if current is not None and proposal.picture == current else ""
    return Text.assemble(
        (f"{proposal.score:5.2f}  ", "bold"),
        (mark, "yellow"),
        (name, "cyan"),
        "\n       ",
        (proposal.reasons or "no reason given", "dim"),
    )


class LinkScreen(ModalScreen[str | None]):
    """Pick a candidate, or type a picture id or file name; ``-`` unlinks; None cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="link_cancel"),
    ]

    def __init__(self, proposals: tuple[ProposalView, ...], current: str | None) -> None:
        super().__init__()
        self._proposals = proposals
        self._current = current

    def compose(self) -> ComposeResult:
        linked = PurePath(self._current).name if self._current else "none"
        with Vertical(id="link-box"):
            yield Static(f"Link picture — now: {linked}", id="link-title")
            options = [
                Option(proposal_prompt(p, self._current), id=str(p.picture_id))
                for p in self._proposals
            ]
            if self._current is not None:
                options.append(Option(Text("remove the link", style="red"), id=UNLINK))
            if options:
                yield OptionList(*options, id="link-options")
            else:
                yield Static("The linker has no candidates for this caption.", id="link-none")
            yield Input(placeholder="or a picture id or file name, then enter", id="link-input")

    def on_mount(self) -> None:
        """The best candidate is one enter away; with none, straight to typing a name."""
        options = self.query(OptionList)
        (options.first() if options else self.query_one("#link-input", Input)).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A candidate (its picture id) or the unlink line."""
        self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """A picture named by hand."""
        value = event.value.strip()
        if value:
            self.dismiss(value)

    def action_cancel(self) -> None:
        """Leave the link as it is."""
        self.dismiss(None)
