"""Properties of the credit rules for every input: none raises, and their fixes settle."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.core.rules import CaptionFacts, HouseStyle
from photodesk.core.rules.credit_rules import RULES
from tests.core.rules import facts as demo
from tests.core.rules.facts import facts, picture
from tests.core.test_credit_properties import credit_lines

GENEROUS = settings(max_examples=300, deadline=timedelta(seconds=2))
HOUSES = st.sampled_from(
    [
        HouseStyle(),
        HouseStyle(credit_style="slash"),
        HouseStyle(credit_label="Photo: ", extra_agencies=("Amur Ledger",)),
    ]
)
PICTURES = st.sampled_from(
    [None, demo.HANDOUT_AFP, demo.KREMLIN_POOL_AP, demo.STATE_MEDIA_AP, demo.ZORINA_AFP]
)
CREDIT_TEXT = st.one_of(
    st.text(max_size=200),
    credit_lines(),
    st.lists(
        st.sampled_from(["(", ")", "/", " ", ",", "via", "Photo by ", "Reuter", "AFP", '"', "-"]),
        max_size=40,
    ).map("".join),
)


def run_all(subject: CaptionFacts, house: HouseStyle) -> dict[str, list[str | None]]:
    """Every credit rule's fixes (None: a finding without one), by code."""
    return {
        rule.code: [hit.fix.value if hit.fix else None for hit in rule.check(subject, house)]
        for rule in RULES
    }


@GENEROUS
@given(CREDIT_TEXT, PICTURES, HOUSES)
def test_no_credit_makes_a_credit_rule_raise(
    text: str, name: str | None, house: HouseStyle
) -> None:
    run_all(facts("A caption.", text, name), house)


@GENEROUS
@given(st.text(max_size=40), st.text(max_size=80), PICTURES)
def test_no_embedded_metadata_makes_a_credit_rule_raise(
    credit: str, source: str, name: str | None
) -> None:
    base = picture(demo.REUTERS if name is None else name)
    odd = replace(base, values={"credit": credit, "source": source, "creators": (source, credit)})
    run_all(replace(facts("A caption.", None), picture=odd), HouseStyle())
    run_all(replace(facts("A caption.", credit), picture=odd), HouseStyle())


@GENEROUS
@given(CREDIT_TEXT, HOUSES)
def test_house_style_fixes_settle(text: str, house: HouseStyle) -> None:
    """The house text PD106 proposes is in house style itself: fixes never ping-pong."""
    for value in run_all(facts("A caption.", text), house)["PD106"]:
        assert value is not None
        assert run_all(facts("A caption.", value), house)["PD106"] == [], value


@GENEROUS
@given(CREDIT_TEXT)
def test_mended_credits_need_no_more_mending(text: str) -> None:
    for value in run_all(facts("A caption.", text), HouseStyle())["PD104"]:
        if value is not None:
            again = run_all(facts("A caption.", value), HouseStyle())["PD104"]
            assert again in ([], [None]), (text, value)
