"""What a file should say after the desk: the agency's values kept, the desk's laid over them."""

from __future__ import annotations

from photodesk.core.credit_parse import parse_credit
from photodesk.core.handover import FieldChange, changes, file_values

AGENCY = {
    "description": "KHABAROVSK, RUSSIA - OCTOBER 8: Visitors walk past a banner.",
    "creators": ("Léa Fournier",),
    "credit": "Getty Images",
    "source": "Getty Images Europe",
    "copyright": "2024 Getty Images",
    "instructions": "EDITORIAL USE ONLY",
    "keywords": ("forum", "trade"),
}


def test_the_desk_caption_and_credit_replace_the_agency_text_and_the_rest_travels_on() -> None:
    credit = parse_credit("Léa Fournier/Getty Images")
    values = file_values(AGENCY, "Visitors walk past a banner in Khabarovsk.", credit)
    assert values["description"] == "Visitors walk past a banner in Khabarovsk."
    assert values["credit"] == "Léa Fournier/Getty Images"
    assert values["creators"] == ("Léa Fournier",)
    assert values["source"] == "Getty Images Europe"  # the agency's own source is kept
    assert values["copyright"] == "2024 Getty Images"
    assert values["instructions"] == "EDITORIAL USE ONLY"
    assert values["keywords"] == ("forum", "trade")


def test_a_credit_naming_nobody_keeps_the_embedded_by_line() -> None:
    credit = parse_credit("Photo by Handout / Government of Primorsky region / AFP")
    values = file_values({"creators": ("HANDOUT",)}, "A train leaves.", credit)
    assert values["creators"] == ("HANDOUT",)
    assert values["credit"] == "Photo by Handout / Government of Primorsky region / AFP"
    assert values["source"] == "AFP"  # no embedded source: the credit's agency


def test_an_empty_caption_or_no_credit_keeps_what_the_file_says() -> None:
    values = file_values(AGENCY, "   ", None)
    assert values == {name: AGENCY[name] for name in values}
    assert set(values) == set(AGENCY)


def test_changes_name_each_differing_field_in_field_order() -> None:
    new = file_values(AGENCY, "Visitors walk past a banner.", parse_credit("REUTERS/Pavel Surikov"))
    found = changes(AGENCY, new)
    assert [c.field for c in found] == ["description", "creators", "credit"]
    assert found[1] == FieldChange("creators", ("Léa Fournier",), ("Pavel Surikov",))
    assert changes(new, new) == ()
    assert changes({}, {"city": "Khabarovsk"}) == (FieldChange("city", None, "Khabarovsk"),)
