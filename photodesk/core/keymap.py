"""Whether a ``[keys]`` table can work, judged before the UI starts.

A remap that cannot work fails silently in the UI: a misspelt key never fires, a key given to
two actions does one of them, ``save = "s"`` saves at the first "s" typed in a caption (the
desk's modifier keys fire inside the editors), and ctrl+p stays the command palette whatever
the table says. So each of those stops ``photodesk edit`` with one line naming the action.

Pure: which keys exist, which of them type text, which the app keeps and which actions fire
inside the editors are the UI's facts (``photodesk.tui.keynames`` reads them from Textual and
from the key table) and come in as ``KeyRules``; this module only judges a keymap by them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

# Textual's modifiers, in the order it writes them in a key's name (``alt+ctrl+shift+x``).
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
# With one of these held a key never types text; shift alone still types (``shift+a`` is "A").
NON_TYPING_MODIFIERS = frozenset(MODIFIERS) - {"shift"}


@dataclass(frozen=True, slots=True)
class ActionKeys:
    """One action of the key table: its keys before any remap, and whether it fires while an
    editor has the focus (a priority binding)."""

    keys: tuple[str, ...]
    in_editors: bool


@dataclass(frozen=True, slots=True)
class KeyRules:
    """What the UI says about keys. ``names``: every key name (no modifiers) it can report;
    ``typing``: the names, beyond single letters and digits, that type or move the cursor in a
    text field; ``characters``: a character's key name (``?`` → ``question_mark``), as a one-
    character key in the table means; ``reserved``: keys the app keeps, and what for."""

    actions: Mapping[str, ActionKeys]
    names: frozenset[str]
    typing: frozenset[str]
    characters: Mapping[str, str]
    reserved: Mapping[str, str]


class KeymapError(ValueError):
    """A ``[keys]`` entry that cannot work; ``action`` names it, ``reason`` says why."""

    def __init__(self, action: str, reason: str) -> None:
        super().__init__(f"[keys] {action}: {reason}")
        self.action = action
        self.reason = reason


def check_keymap(keymap: Mapping[str, str], rules: KeyRules) -> None:
    """Raise KeymapError for the first entry of ``keymap`` (action → "KEY[, KEY]") that names
    no action or a key that does not exist, is the app's own, types text in an editor the
    action fires in, or is another action's key once the whole table is applied."""
    for action, keys in keymap.items():
        if action not in rules.actions:
            known = ", ".join(sorted(rules.actions))
            raise KeymapError(action, f"no such action (one of {known})")
        for key in _split(keys):
            name = key_name(key, rules)
            if name is None:
                raise KeymapError(action, f"{key!r} is not a key{_hint(key, rules)}")
            if name in rules.reserved:
                raise KeymapError(action, f"{name} is the app's own key ({rules.reserved[name]})")
            if rules.actions[action].in_editors and types_text(name, rules):
                raise KeymapError(
                    action,
                    f"{name} types or edits text, and {action} fires inside the editors (use "
                    "ctrl or alt with it, or a function key)",
                )
    _check_one_action_per_key(keymap, rules)


def key_name(key: str, rules: KeyRules) -> str | None:
    """``key`` as the UI names it when pressed (``?`` → ``question_mark``), or None when the UI
    has no such key (an unknown name, a modifier misspelt, repeated or out of order)."""
    if len(key) == 1:
        return rules.characters.get(key, key if key.isalnum() else None)
    *modifiers, base = key.split("+")
    if len(set(modifiers)) != len(modifiers) or list(modifiers) != sorted(modifiers):
        return None
    if not set(modifiers) <= set(MODIFIERS):
        return None
    if base not in rules.names and not (len(base) == 1 and base.isalnum()):
        return None
    if modifiers and len(base) == 1 and base != base.lower():
        return None  # the UI reports ctrl with shift+s as ctrl+shift+s, never ctrl+S
    return key


def types_text(name: str, rules: KeyRules) -> bool:
    """Whether the key ``name`` types (or moves the cursor) in a text field."""
    *modifiers, base = name.split("+") if len(name) > 1 else [name]
    if NON_TYPING_MODIFIERS & set(modifiers):
        return False
    return base in rules.typing or (len(base) == 1 and base.isprintable())


def _check_one_action_per_key(keymap: Mapping[str, str], rules: KeyRules) -> None:
    """Every key once the keymap is applied: the actions it leaves alone first, so that a clash
    is blamed on the entry that made it."""
    owner: dict[str, str] = {}
    kept = [(a, spec.keys) for a, spec in rules.actions.items() if a not in keymap]
    remapped = [(a, tuple(_names(keymap[a], rules))) for a in keymap]
    for action, keys in (*kept, *remapped):
        for key in keys:
            other = owner.setdefault(key, action)
            if other != action:
                raise KeymapError(action, f"{key} is already the key of {other}")


def _names(keys: str, rules: KeyRules) -> Iterator[str]:
    for key in _split(keys):
        name = key_name(key, rules)
        if name is not None:
            yield name


def _split(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _hint(key: str, rules: KeyRules) -> str:
    """What was probably meant: the modifiers in order, or a character's name."""
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    unknown = [m for m in modifiers if m not in MODIFIERS]
    if unknown:
        return f" ({unknown[0]!r} is no modifier; they are {', '.join(MODIFIERS)})"
    if modifiers and list(modifiers) != sorted(modifiers):
        return f" (write it {'+'.join((*sorted(modifiers), base))})"
    if len(base) == 1 and not base.isalnum() and base in rules.characters:
        return f" (write {base} as {rules.characters[base]})"
    return " (key names as the help screen shows them: ctrl+s, f2, escape, question_mark)"
