"""``around_difference``: two long values shown so that where they differ is always visible."""

from __future__ import annotations

import pytest

from photodesk.core.difference import around_difference

CAPTION = (
    "Russian President Vladimir Putin attends a farewell ceremony at the Khabarovsk-1 railway "
    "station in Khabarovsk, Russia, October 9, 2024."
)


def test_short_values_are_shown_whole() -> None:
    assert around_difference("AFP", "Photo by Handout / AFP") == ("AFP", "Photo by Handout / AFP")


def test_an_edit_past_the_width_is_shown_with_a_little_context() -> None:
    edited = CAPTION.replace("October 9", "October 10")
    old, new = around_difference(CAPTION, edited, width=40, context=10)
    assert old != new and len(old) <= 40 and len(new) <= 40
    assert old == "…, October |9, 2024."
    assert new == "…, October |10, 2024."


def test_a_long_rest_is_cut_after_the_first_differing_character() -> None:
    old, new = around_difference("A" + CAPTION, "B" + CAPTION, width=30, context=10)
    assert (old, new) == ("|A" + CAPTION[:27] + "…", "|B" + CAPTION[:27] + "…")


def test_an_appended_ending_shows_as_nothing_against_something() -> None:
    old, new = around_difference(CAPTION, CAPTION + " More.", width=30, context=5)
    assert (old, new) == ("…2024.|", "…2024.| More.")


@pytest.mark.parametrize("position", [0, 1, 69, 70, 71, 100, len(CAPTION) - 1, len(CAPTION)])
@pytest.mark.parametrize("width", [10, 30, 70])
def test_different_values_never_look_the_same(position: int, width: int) -> None:
    for other in (CAPTION[:position] + "#" + CAPTION[position + 1 :], CAPTION[:position]):
        if other == CAPTION:
            continue
        old, new = around_difference(CAPTION, other, width=width)
        assert old != new, (position, width)
