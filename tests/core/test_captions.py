"""Captions whose credit the page prints in a separate element."""

from __future__ import annotations

from photodesk.core.captions import caption_from_parts


def test_separate_credit_element_wins() -> None:
    draft = caption_from_parts("Kim waves in Pyongyang.", "(KCNA via KNS / AFP)", "kim.jpg")
    assert draft.caption == "Kim waves in Pyongyang."
    assert draft.credit is not None and draft.credit.agency == "AFP"
    assert draft.image == "kim.jpg"


def test_bare_agency_creditline_does_not_hide_the_detailed_caption_credit() -> None:
    draft = caption_from_parts("Firefighters work in Izmir. (DHA via AP, File)", "ASSOCIATED PRESS")
    assert draft.caption == "Firefighters work in Izmir."
    assert draft.credit is not None
    assert (draft.credit.text, draft.credit.organizations) == ("DHA via AP, File", ("DHA",))


def test_a_different_agency_in_the_credit_element_wins() -> None:
    draft = caption_from_parts("Firefighters work in Izmir. (DHA via AP)", "Reuters")
    assert draft.credit is not None and draft.credit.agency == "Reuters"
    assert draft.caption == "Firefighters work in Izmir."


def test_no_credit_anywhere() -> None:
    draft = caption_from_parts("Firefighters work in Izmir.", None)
    assert draft.credit is None and draft.caption == "Firefighters work in Izmir."
