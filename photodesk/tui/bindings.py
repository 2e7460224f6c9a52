"""Every key of the desk in one table, so the footer, the help screen and the palette agree.

Each binding has an ``id``: a keymap (``{"save": "ctrl+w"}``, later read from the settings) remaps
it through Textual's own keymap support without touching the table. Two groups, because letters
must stay letters while the editor types: ``DESK`` keys work everywhere on the desk screen (the
modifier keys are ``priority`` so that a focused TextArea's own ctrl+z/ctrl+e do not swallow
them), ``TABLE`` keys only while the caption table has the focus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding

DESK: tuple[Binding, ...] = (
    Binding(
        "ctrl+s",
        "save",
        "Save",
        priority=True,
        id="save",
        tooltip="save caption and credit (someone else's newer save is shown first)",
    ),
    Binding(
        "ctrl+z",
        "undo",
        "Undo",
        priority=True,
        id="undo",
        tooltip="undo the newest saved change (typing first, in the caption editor)",
    ),
    Binding(
        "ctrl+e",
        "use_embedded",
        "Embedded credit",
        priority=True,
        id="use_embedded",
        tooltip="put the picture's own credit, in house style, into the credit editor",
    ),
    Binding(
        "ctrl+r",
        "discard",
        "Discard edit",
        priority=True,
        show=False,
        id="discard",
        tooltip="throw the unsaved edit away and show the caption as saved",
    ),
    Binding(
        "ctrl+l",
        "link",
        "Link",
        priority=True,
        id="link",
        tooltip="link or change the picture: ranked candidates with their reasons",
    ),
    Binding(
        "ctrl+t",
        "template",
        "Template",
        priority=True,
        id="template",
        tooltip="apply a template ({caption}, {credit}) to the selected captions",
    ),
    Binding(
        "escape",
        "focus_table",
        "Back to table",
        show=False,
        id="focus_table",
        tooltip="leave the editors (the edit is kept as a draft)",
    ),
    Binding(
        "f5",
        "rescan",
        "Rescan pictures",
        show=False,
        id="rescan",
        tooltip="scan the folders of the desk's pictures again (files changed elsewhere)",
    ),
    Binding("f1", "help", "Help", id="help", tooltip="this screen"),
)

TABLE: tuple[Binding, ...] = (
    Binding(
        "enter",
        "screen.edit",
        "Edit",
        show=False,
        id="edit",
        tooltip="into the caption editor (tab: credit editor)",
    ),
    Binding(
        "space",
        "screen.toggle_mark",
        "Select",
        show=False,
        id="toggle_mark",
        tooltip="select the caption for a template, or unselect it",
    ),
    Binding(
        "p",
        "screen.toggle_problems",
        "Problems",
        id="problems",
        tooltip="show only captions with errors or warnings (again: all)",
    ),
    Binding(
        "u",
        "screen.toggle_unlinked",
        "Unlinked",
        id="unlinked",
        tooltip="show only captions without a picture (again: all)",
    ),
    Binding(
        "a",
        "screen.toggle_article",
        "This article",
        show=False,
        id="article",
        tooltip="show only the selected caption's article (again: all)",
    ),
    Binding(
        "slash",
        "screen.search",
        "Search",
        key_display="/",
        id="search",
        tooltip="filter by text in caption, credit, picture or article",
    ),
    Binding(
        "n",
        "screen.next_problem",
        "Next problem",
        show=False,
        id="next_problem",
        tooltip="jump to the next caption with an error or a warning",
    ),
    Binding(
        "N,shift+n",
        "screen.previous_problem",
        "Previous problem",
        key_display="N",
        show=False,
        id="previous_problem",
        tooltip="jump to the previous caption with an error or a warning",
    ),
    Binding(
        "w",
        "screen.write_files",
        "Write to files",
        show=False,
        id="write_files",
        tooltip="write the selected captions into their picture files (a preview first)",
    ),
    Binding(
        "x",
        "screen.export",
        "Export",
        show=False,
        id="export",
        tooltip="export the desk as a sheet: exiftool-csv, json, ninjs, html or pdf",
    ),
    Binding(
        "question_mark",
        "screen.help",
        "Help",
        key_display="?",
        show=False,
        id="help_table",
        tooltip="this screen",
    ),
)

# What is on the palette: every action of both groups once (help twice would be noise).
PALETTE_IDS = (
    "save",
    "undo",
    "use_embedded",
    "discard",
    "link",
    "template",
    "problems",
    "unlinked",
    "article",
    "search",
    "next_problem",
    "previous_problem",
    "write_files",
    "export",
    "rescan",
    "help",
)


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One line of the help screen: the keys as the user must press them, and what they do."""

    keys: str
    description: str
    details: str
    where: str
    action: str  # the id a desk remaps it by, in photodesk.toml's [keys]


def effective_key(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The key(s) that trigger ``binding`` once ``keymap`` is applied, as shown to a person."""
    if binding.id is not None and binding.id in keymap:
        return ", ".join(k.strip() for k in keymap[binding.id].split(","))
    return binding.key_display or binding.key


def key_help(keymap: Mapping[str, str] | None = None) -> list[KeyHelp]:
    """The help screen's lines, in table order, with the keymap's keys where it remaps one."""
    keymap = keymap or {}
    lines = [_line(b, keymap, "desk") for b in DESK]
    lines += [_line(b, keymap, "table") for b in TABLE]
    return lines


def palette_bindings() -> Iterable[Binding]:
    """The bindings offered in the command palette, in ``PALETTE_IDS`` order."""
    by_id = {b.id: b for b in (*DESK, *TABLE)}
    return (by_id[i] for i in PALETTE_IDS)


def _line(binding: Binding, keymap: Mapping[str, str], where: str) -> KeyHelp:
    key = effective_key(binding, keymap)
    return KeyHelp(key, binding.description, binding.tooltip, where, binding.id or "")
