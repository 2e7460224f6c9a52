"""The UI's facts about keys, read from Textual and the key table, for ``core.keymap``.

Textual names a key by what the terminal reports: ``ctrl+s``, ``f2``, ``escape``, a letter as
itself and any other character by its Unicode name (``?`` is ``question_mark``). Those names
come from ``textual.keys`` here, never from a copy of them, so a Textual that learns a key
teaches the check too. The app's own keys are read off the app class: the command palette's key
and the bindings of ``App`` (ctrl+q quits, ctrl+c copies and says how to quit).
"""

from __future__ import annotations

from functools import cache

from textual.app import App
from textual.binding import Binding
from textual.keys import Keys, _character_to_key

from photodesk.core.keymap import ActionKeys, KeyRules
from photodesk.tui.bindings import DESK, TABLE

# Keys that move the cursor or edit in a text field without typing a character.
EDITING_KEYS = frozenset(
    "enter tab backspace delete left right up down home end pageup pagedown".split()
)
# What the app's own keys do, in the words of the help screen.
APP_KEYS = {"quit": "quit", "help_quit": "copy, and the hint how to quit"}


@cache
def key_rules() -> KeyRules:
    """The rules a ``[keys]`` table is checked by (see ``core.keymap``)."""
    characters = {chr(code): _character_to_key(chr(code)) for code in range(0x20, 0x7F)}
    named = {key.value.rsplit("+", 1)[-1] for key in Keys if not key.value.startswith("<")}
    typing = {name for char, name in characters.items() if not char.isalnum()}
    return KeyRules(
        actions={
            b.id: ActionKeys(tuple(k.strip() for k in b.key.split(",")), b.priority)
            for b in (*DESK, *TABLE)
            if b.id
        },
        names=frozenset(named | set(characters.values())),
        typing=frozenset(typing | EDITING_KEYS),
        characters=characters,
        reserved=_reserved(),
    )


def _reserved() -> dict[str, str]:
    reserved = {App.COMMAND_PALETTE_BINDING: "the command palette"}
    for binding in Binding.make_bindings(App.BINDINGS):
        reserved[binding.key] = APP_KEYS.get(binding.action, binding.action)
    return reserved
