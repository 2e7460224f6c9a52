"""PD201–PD204: a caption says when and where, and fits the house's length.

Captions are real ones (the seed story, the demo desk, ../shared/credits/dev.jsonl) cut to the
phrase under test; whole articles are read from their files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.core.rules import CaptionFacts, Hit, HouseStyle
from photodesk.core.rules.caption_rules import RULES, caption_length
from photodesk.services.extracting import extract_article
from tests.core.rules.facts import REUTERS, facts

ARTICLES = Path(__file__).resolve().parents[3] / "media" / "articles"
SEED = Path(__file__).resolve().parents[4] / "shared" / "seeds" / "000_7100e35f6f55d0cb.txt"
RULE = {rule.code: rule for rule in RULES}
HOUSE = HouseStyle()
FREIGHTER = "The river freighter Amurskaya Zarya at the new terminal's berth on Thursday."


def hits(code: str, subject: CaptionFacts, house: HouseStyle = HOUSE) -> list[Hit]:
    return list(RULE[code].check(subject, house))


def desk_captions() -> list[tuple[str, str]]:
    """Every caption the demo desk's articles (and the seed, when ../shared is there) print."""
    paths = sorted(ARTICLES.iterdir()) + ([SEED] if SEED.is_file() else [])
    return [(path.name, c.caption) for path in paths for c in extract_article(path).captions]


def test_the_rules_are_registered_with_their_codes() -> None:
    assert [rule.code for rule in RULES] == ["PD201", "PD202", "PD203", "PD204", "PD205"]
    assert [rule.name for rule in RULES][:2] == ["no-date", "no-place"]


@pytest.mark.parametrize(
    "caption",
    [
        "Trucks queue outside Khabarovsk on October 8, 2024.",
        "Trucks queue outside Khabarovsk on Oct. 9, 2024.",
        "Ri Sŏng Chŏl tours a shipyard in Khabarovsk, Russia, on Thursday.",
        "Kim Jong Un and Vladimir Putin meet in Russia, September 13, 2023.",
        "Visitors walk past a banner in Khabarovsk, 8 October 2024.",
        "Visitors walk past a banner in Khabarovsk (2024-10-08).",
        "KHABAROVSK, RUSSIA - OCTOBER 8: Visitors walk past a banner for the forum.",
        "Kim Jong Un waves from a train in Vladivostok (file photo, 2019).",
        "Kim Jong-un and Sergei Shoigu inspect aircraft near Vladivostok on Sunday.",
        "A woman is comforted inside a van during the evacuation of Irpin in March 2022.",
        "Wheat is harvested near Rostov in mid-August.",
        "Women in dresses outside the Madeleine on VE Day in Paris.",
        "Balloons float above fountains in Nice to mark April Fools Day.",
        "Zelensky lors d'une cérémonie à Lviv, le 8 juillet 2023.",
        "Vlagyimir Putyin a Tuvai Köztársaságban 2018. augusztus 26-án.",
        "Greeks are voting today in national elections in Athens.",
        "LAS VEGAS – FEB. 11: Travis Kelce kisses Taylor Swift after the game.",
    ],
)
def test_no_date_stays_quiet_on_a_caption_that_says_when(caption: str) -> None:
    assert hits("PD201", facts(caption, None)) == []


@pytest.mark.parametrize(
    "caption",
    [
        "A man cries out as a fire spreads across buildings on a housing estate in Hong Kong",
        # "last week" is no date; neither is the year in an event's name nor Theresa May.
        "Sen. Kamala Harris questions James B. Comey last week during the hearing.",
        "Ng Joe Ee competes during the 2025 Southeast Asian Games in Rangsit, Thailand",
        "Theresa May speaks to reporters outside 10 Downing Street in London.",
        "Protesters march past the parliament building in Tbilisi.",
    ],
)
def test_no_date_fires_on_a_caption_that_does_not_say_when(caption: str) -> None:
    (hit,) = hits("PD201", facts(caption, None))
    assert "does not say when" in hit.message and "add the date" in hit.message


def test_no_date_offers_the_files_date() -> None:
    (hit,) = hits("PD201", facts("A crane lifts a container in Khabarovsk.", None, REUTERS))
    assert hit.message.endswith("(the file says 2024-10-10)")


def test_no_date_and_no_place_follow_the_house_style() -> None:
    house = HouseStyle(require_date=False, require_place=False)
    subject = facts("IMAGE: Putin and Kim visit the space rocket launch site.", None)
    assert hits("PD201", subject, house) == [] and hits("PD202", subject, house) == []


@pytest.mark.parametrize(
    "caption",
    [
        "תנועת הורים למען האקלים הפגינה היום בתל אביב",  # a script the checks cannot read
        "",  # an empty caption is PD203's
        "   ",
    ],
)
def test_date_and_place_leave_unreadable_and_empty_captions_alone(caption: str) -> None:
    assert hits("PD201", facts(caption, None)) == [] == hits("PD202", facts(caption, None))


@pytest.mark.parametrize(
    "caption",
    [
        "KHABAROVSK, RUSSIA - OCTOBER 8: Visitors walk past a banner for the forum.",
        "A crane lifts the first container at the new river cargo terminal in Khabarovsk.",
        "Kim Jong Un waves at the Artyom railway station.",
        "Trucks queue at a freight checkpoint outside Khabarovsk on Oct. 9, 2024.",
        "Kim Jong Un inspects a warplane at Knevichi aerodrome near Vladivostok.",
        "Vladimir V. Putin attends a meeting in the Kremlin on Tuesday.",
        "Ri Sŏng Chŏl and Arkady Vetrov shake hands, Khabarovsk, Russia, October 9, 2024.",
        "Putin and Kim examine a launch pad outside the city of Tsiolkovsky.",
        "A young girl stuck under rubble, Al Nusairat refugee camp, Oct. 31",
        "Obama honored the champions during a ceremony on the South Lawn on Tuesday.",
        "Peeps treats move through the factory in Bethlehem, Pa., Thursday, April 10, 2025.",
        "Les commandants dans le ville de Lviv, dans l'ouest de l'Ukraine.",
        "Görlitz, östlichste Stadt der Republik: Pazifisten an der Seite von Kriegstreibern",
        "People explore the ice covered pier in Port Stanley, Ontario, Canada.",
        "An old man has his hair cut in Zepu County on Oct. 18, 2011.",
        "In Ürümqi, a vendor sells melons at a night market.",
    ],
)
def test_no_place_stays_quiet_on_a_caption_that_says_where(caption: str) -> None:
    assert hits("PD202", facts(caption, None)) == []


@pytest.mark.parametrize(
    "caption",
    [
        "IMAGE: Putin and Kim visit the space rocket launch site.",
        "Combination photo of Rex Tillerson (R) and Russian President Vladimir Putin.",
        "Russian President Vladimir Putin and Kim Jong-un inside a rocket assembly hangar.",
        # People after a comma, a month after ``in``, a party after a name are no places.
        "Sebastián Piñera and his wife, Cecilia Morel, launch his campaign for Chile’s presidency",
        "The trade forum opened in September with a speech by the governor.",
        "Posters are displayed alongside Rep. Elijah Cummings, D-Md., on Thursday.",
        "Leilani Franco made it into the Guinness Book of World Records.",
    ],
)
def test_no_place_fires_on_a_caption_that_does_not_say_where(caption: str) -> None:
    (hit,) = hits("PD202", facts(caption, None))
    assert "does not say where" in hit.message and "add the place" in hit.message


def test_the_demo_desk_says_when_and_where_but_for_the_freighter() -> None:
    """The freighter caption leans on the article for its place: a real finding (the file
    knows it)."""
    found = {
        (name, caption[:40], code)
        for name, caption in desk_captions()
        for code in ("PD201", "PD202", "PD203", "PD204")
        if hits(code, facts(caption, None))
    }
    assert found == {("2024-10-11_amur-ledger_cargo-terminal.md", FREIGHTER[:40], "PD202")}
    (hit,) = hits("PD202", facts(FREIGHTER, None, REUTERS))
    assert hit.message.endswith("(the file says Khabarovsk, Russia)")


def test_too_short_gives_the_length_and_the_minimum() -> None:
    (hit,) = hits("PD203", facts("Zur-Nathan mosaics.", None))
    assert hit.message.startswith("the caption is 19 characters, under the house minimum of 40")
    assert hits("PD203", facts("Zur-Nathan mosaics found at Beit She’an.", None)) == []


def test_an_empty_caption_is_too_short_unless_the_house_allows_it() -> None:
    (hit,) = hits("PD203", facts("  ", "REUTERS/Pavel Surikov"))
    assert hit.message.startswith("the caption is empty")
    assert hits("PD203", facts("", None), HouseStyle(caption_min_chars=0)) == []


def test_length_counts_characters_as_printed() -> None:
    assert caption_length("  Kim waves\n\n  from   a train.  ") == len("Kim waves from a train.")
    assert caption_length("Ri Sŏng Chŏl") == 12  # characters, not bytes
    padded = "Zur-Nathan mosaics found at Beit She’an" + " " * 30  # 39 characters, printed
    assert len(hits("PD203", facts(padded, None))) == 1


def test_too_long_gives_the_length_and_the_maximum() -> None:
    caption = (
        "Russian presidential envoy to the Far East Arkady Vetrov, right, and North Korea's "
        "Vice Premier Ri Sŏng Chŏl shake hands during the forum's plenary session in "
        "Khabarovsk, Russia, October 9, 2024."
    )
    house = HouseStyle(caption_min_chars=10, caption_max_chars=100)
    (hit,) = hits("PD204", facts(caption, None), house)
    assert hit.message == (
        f"the caption is {len(caption)} characters, over the house maximum of 100: "
        f"cut {len(caption) - 100}"
    )
    assert hits("PD204", facts(caption, None)) == []
    spaced = caption[:90] + "\n\n\n" + caption[90:95]
    assert hits("PD204", facts(spaced, None), house) == []  # 95 printed


@settings(max_examples=300, deadline=None)
@given(
    caption=st.text(max_size=400),
    credit=st.one_of(st.none(), st.text(max_size=60)),
    house=st.builds(
        HouseStyle,
        caption_min_chars=st.integers(0, 50),
        caption_max_chars=st.integers(50, 700),
        require_date=st.booleans(),
        require_place=st.booleans(),
    ),
)
def test_no_text_makes_a_caption_rule_raise(
    caption: str, credit: str | None, house: HouseStyle
) -> None:
    subject = CaptionFacts(caption=caption, credit=credit, parsed=None)
    for rule in RULES:
        for hit in rule.check(subject, house):
            assert hit.message and (hit.fix is None or hit.fix.field in ("caption", "credit"))
