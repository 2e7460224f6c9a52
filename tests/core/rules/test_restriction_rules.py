"""PD103, PD110-PD112 and PD206 on the demo desk's real pictures and real agency phrasing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from photodesk.core.credit_split import split_credit
from photodesk.core.rules import (
    RULES_BY_CODE,
    CaptionFacts,
    Finding,
    HouseStyle,
    PictureFacts,
    Severity,
    check_caption,
    picture_facts,
    status_of,
)
from photodesk.core.rules.restriction_rules import RULES
from photodesk.metadata.read import read_file
from tests.core.rules.facts import (
    GETTY,
    HANDOUT_AFP,
    KREMLIN_POOL_AP,
    REUTERS,
    STATE_MEDIA_AP,
    ZORINA_AFP,
    facts,
    picture,
)

CODES = ("PD103", "PD110", "PD111", "PD112", "PD206")
REAL = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "real"
FAREWELL = (
    "North Korean Vice Premier Ri Sŏng Chŏl waves from a train carriage during a farewell "
    "ceremony at the end of the Amur Trade Forum at Khabarovsk-1 railway station, in Russia's "
    "Far East, on October 10, 2024."
)
SHIPYARD = (
    "In this photo provided by the North Korean government, Vice Premier Ri Sŏng Chŏl, centre, "
    "tours a shipyard in Khabarovsk, Russia, on Thursday, Oct. 10, 2024."
)
TIMBER = "Sales of timber are out of season, traders said in Khabarovsk on October 9, 2024."


def mine(subject: CaptionFacts, house: HouseStyle | None = None) -> list[Finding]:
    """This family's findings through the real registry (severity overrides included)."""
    return [f for f in check_caption(subject, house or HouseStyle()) if f.code in CODES]


def codes(subject: CaptionFacts, house: HouseStyle | None = None) -> list[str]:
    return [f.code for f in mine(subject, house)]


def with_instructions(name: str, text: str) -> PictureFacts:
    """A real demo picture whose agency wrote ``text`` in its special instructions."""
    real = picture(name)
    return replace(real, values={**real.values, "instructions": text})


def test_the_rules_are_registered() -> None:
    assert [r.code for r in RULES] == list(CODES)
    assert {code: RULES_BY_CODE[code].severity for code in CODES} == {
        "PD103": Severity.ERROR,
        "PD110": Severity.INFO,
        "PD111": Severity.INFO,
        "PD112": Severity.INFO,
        "PD206": Severity.WARNING,
    }


# PD103 mandatory credit -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "credit"),
    [
        (HANDOUT_AFP, "Photo by Handout / Government of Khabarovsk Territory / AFP"),
        (HANDOUT_AFP, "handout / GOVERNMENT OF KHABAROVSK TERRITORY / afp"),
        (HANDOUT_AFP, "Government of Khabarovsk Territory / AFP"),
        ("AFP_33VU6HT.jpg", "Russian Defence Ministry / AFP"),  # as the seed article prints it
        ("AFP_33VY7UN.jpg", "Photo by Handout / Government of Primorsky region / AFP"),
    ],
)
def test_pd103_honoured_demo_credits_pass(name: str, credit: str) -> None:
    assert "PD103" not in codes(facts(FAREWELL, credit, name))


@pytest.mark.parametrize(
    "credit", ["AFP", "Handout / AFP", "Government of Khabarovsk Territory/REUTERS"]
)
def test_pd103_a_credit_that_leaves_out_the_demand_fires(credit: str) -> None:
    (found,) = [f for f in mine(facts(FAREWELL, credit, HANDOUT_AFP)) if f.code == "PD103"]
    assert found.severity is Severity.ERROR
    assert "AFP PHOTO / GOVERNMENT OF KHABAROVSK TERRITORY" in found.message
    assert found.fix is not None and found.fix.field == "credit" and found.fix.safe
    # AFP's label is reprinted the way AFP prints credits, spelt as the file's Source spells it.
    assert found.fix.value == "Handout / Government of Khabarovsk Territory / AFP"


def test_pd103_the_fix_applied_is_honoured() -> None:
    (found,) = [f for f in mine(facts(FAREWELL, "AFP", HANDOUT_AFP)) if f.code == "PD103"]
    assert found.fix is not None
    assert "PD103" not in codes(facts(FAREWELL, found.fix.value, HANDOUT_AFP))


def test_pd103_takes_the_house_label() -> None:
    house = HouseStyle(credit_label="Photo: ")
    (found,) = [f for f in mine(facts(FAREWELL, "AFP", HANDOUT_AFP), house) if f.code == "PD103"]
    assert found.fix is not None
    assert found.fix.value == "Photo: Handout / Government of Khabarovsk Territory / AFP"


def test_pd103_leaves_a_missing_credit_to_pd101() -> None:
    assert "PD103" not in codes(facts(FAREWELL, None, HANDOUT_AFP))
    assert "PD103" not in codes(facts(FAREWELL, "  ", HANDOUT_AFP))


def test_pd103_a_mandatory_credit_in_the_caption_text() -> None:
    caption = (
        f"{SHIPYARD} MANDATORY CREDIT: Ukrainian Presidential Press Service/Handout via REUTERS"
    )
    (found,) = [f for f in mine(facts(caption, "REUTERS")) if f.code == "PD103"]
    assert found.fix is not None
    assert found.fix.value == "Ukrainian Presidential Press Service/Handout via REUTERS"
    honoured = facts(caption, "Ukrainian Presidential Press Service/Handout via Reuters")
    assert "PD103" not in codes(honoured)


def test_pd103_shutterstock_form_ignores_the_order_number() -> None:
    caption = f"{SHIPYARD} Mandatory Credit: Photo by Tolga Akmen/EPA-EFE/Shutterstock (14766286d)"
    assert "PD103" not in codes(facts(caption, "Tolga Akmen/EPA-EFE/Shutterstock"))
    assert "PD103" in codes(facts(caption, "EPA-EFE/Shutterstock"))


def test_pd103_an_agency_credited_on_the_way_is_named() -> None:
    caption = f'{FAREWELL} MANDATORY CREDIT "AFP PHOTO / CCTV"'
    assert "PD103" not in codes(facts(caption, "CCTV/AFP via Getty Images"))


@pytest.mark.skipif(not (REAL / "Exiv2__exiv2").is_dir(), reason="no ../shared corpus")
def test_pd103_real_navy_instructions() -> None:
    """A real file whose instructions say ``Credit as U.S. Navy photo by Elizabeth Thompson.``"""
    navy = picture_facts(read_file(str(REAL / "Exiv2__exiv2" / "ReaganLargeJpg.jpg")))
    caption = "USS Ronald Reagan sails through the Straits of Magellan on June 21, 2004."
    (found,) = mine(facts(caption, navy.text("credit"), picture=navy))
    assert found.code == "PD103"
    assert found.fix is not None
    assert found.fix.value == "U.S. Navy photo by Elizabeth Thompson"
    assert "PD103" not in codes(facts(caption, "U.S. Navy/Elizabeth Thompson", picture=navy))


@pytest.mark.skipif(not REAL.is_dir(), reason="no ../shared corpus")
def test_real_placeholder_instructions_find_nothing() -> None:
    """Test files' instructions (``Special Instructions``, ``no instructions``) are not rules."""
    for path in ("exiftool__exiftool/XMP.jpg", "exiftool__exiftool/ExifTool.tif"):
        real = picture_facts(read_file(str(REAL / path)))
        assert mine(facts(TIMBER, "Photo by Jane Doe", picture=real)) == []


# PD110 usage restrictions -----------------------------------------------------------------


def test_pd110_lists_afp_handout_terms_in_one_finding() -> None:
    subject = facts(FAREWELL, "Photo by Handout / Government of Khabarovsk Territory / AFP")
    found = mine(replace(subject, picture=picture(HANDOUT_AFP)))
    assert [f.code for f in found] == ["PD110"]
    assert found[0].severity is Severity.INFO
    for words in ("editorial use only", "no marketing", "DISTRIBUTED AS A SERVICE TO CLIENTS"):
        assert words in found[0].message


def test_pd110_ap_no_sales() -> None:
    credit = "Korean Central News Agency/Korea News Service via AP"
    found = mine(facts(SHIPYARD, credit, STATE_MEDIA_AP))
    assert [f.code for f in found] == ["PD110"]
    assert "no sales" in found[0].message and '"NO SALES"' in found[0].message


@pytest.mark.parametrize(
    ("name", "credit"),
    [
        (KREMLIN_POOL_AP, "Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP"),
        (GETTY, "Léa Fournier/Getty Images"),
        (REUTERS, "REUTERS/Pavel Surikov"),
        (ZORINA_AFP, "Yulia Zorina / AFP"),
    ],
)
def test_unrestricted_demo_pictures_have_no_restriction_findings(name: str, credit: str) -> None:
    assert mine(facts(TIMBER, credit, name)) == []
    assert mine(facts(picture(name).text("description"), credit, name)) == []


def test_prose_about_sales_triggers_nothing() -> None:
    assert mine(facts(TIMBER, "Yulia ZORINA / AFP", ZORINA_AFP)) == []
    prose = "There were no sales of timber, and the buyers ran out of money, the Kremlin said."
    assert mine(facts(prose, "REUTERS/Pavel Surikov")) == []


def test_usage_terms_are_read_too() -> None:
    real = picture(GETTY)
    terms = replace(real, values={**real.values, "usage_terms": "Editorial use only. No archiving"})
    found = mine(facts(TIMBER, "Léa Fournier/Getty Images", picture=terms))
    assert [f.code for f in found] == ["PD110"]
    assert "no archiving" in found[0].message


# PD111 territories ------------------------------------------------------------------------


def test_pd111_information_elsewhere_error_at_home() -> None:
    ap = with_instructions(KREMLIN_POOL_AP, "CANADA OUT; MANDATORY CREDIT; NO SALES")
    subject = facts(FAREWELL, "Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP", picture=ap)
    (abroad,) = [f for f in mine(subject, HouseStyle(territory="GB")) if f.code == "PD111"]
    assert abroad.severity is Severity.INFO and "CA" in abroad.message
    (home,) = [f for f in mine(subject, HouseStyle(territory="CA")) if f.code == "PD111"]
    assert home.severity is Severity.ERROR and "CA" in home.message
    assert status_of(check_caption(subject, HouseStyle(territory="CA"))) == "error"


def test_pd111_getty_bracketed_restriction_in_the_caption() -> None:
    caption = (
        "MOSCOW, RUSSIA - DECEMBER, 28 (RUSSIA OUT) Russian President Vladimir Putin attends a "
        "reception for military servicemen at Grand Kremlin Palace on December 28, 2017."
    )
    found = mine(
        facts(caption, "Photo by Mikhail Svetlov/Getty Images"), HouseStyle(territory="RU")
    )
    assert [(f.code, f.severity) for f in found] == [
        ("PD111", Severity.ERROR),
        ("PD206", Severity.WARNING),
    ]
    fix = found[1].fix
    assert fix is not None and fix.safe
    assert fix.value.startswith("MOSCOW, RUSSIA - DECEMBER, 28 Russian President Vladimir Putin")


# PD112 embargo ----------------------------------------------------------------------------

EMBARGO = "EMBARGOED UNTIL 0001 GMT 12 OCTOBER 2024 - RESTRICTED TO EDITORIAL USE"


@pytest.mark.parametrize(
    ("now", "severity", "words"),
    [
        (datetime(2024, 10, 11, 23, 0, tzinfo=UTC), Severity.ERROR, "do not publish before"),
        (datetime(2024, 10, 12, 0, 1, tzinfo=UTC), Severity.INFO, "lifted"),
        (datetime(2024, 10, 12, 9, 0), Severity.INFO, "lifted"),  # naive: taken as UTC
        (None, Severity.INFO, "Embargoed until"),
    ],
)
def test_pd112_embargo(now: datetime | None, severity: Severity, words: str) -> None:
    afp = with_instructions(HANDOUT_AFP, EMBARGO)
    subject = facts(FAREWELL, "Handout / Government of Khabarovsk Territory / AFP", picture=afp)
    (found,) = [f for f in mine(replace(subject, now=now)) if f.code == "PD112"]
    assert found.severity is severity
    assert words in found.message and "2024-10-12 00:01 UTC" in found.message


def test_pd112_an_unreadable_embargo_is_for_the_editor() -> None:
    afp = with_instructions(HANDOUT_AFP, "HOLD FOR RELEASE UNTIL 10:00 ET OCT. 12, 2024")
    subject = facts(FAREWELL, "Handout / Government of Khabarovsk Territory / AFP", picture=afp)
    now = datetime(2024, 10, 12, tzinfo=UTC)
    (found,) = [f for f in mine(replace(subject, now=now)) if f.code == "PD112"]
    assert found.severity is Severity.WARNING and "HOLD FOR RELEASE UNTIL 10:00 ET" in found.message
    (reported,) = [f for f in mine(subject) if f.code == "PD112"]
    assert reported.severity is Severity.INFO


# PD206 boilerplate in the caption ---------------------------------------------------------


def test_pd206_agency_caption_pasted_with_its_trailer() -> None:
    """The demo AFP file's embedded caption, split by the core as an import would."""
    split = split_credit(picture(HANDOUT_AFP).text("description"))
    found = mine(facts(split.caption, split.credit, HANDOUT_AFP))
    assert [f.code for f in found] == ["PD206", "PD110"]
    fix = found[0].fix
    assert fix is not None and fix.field == "caption" and fix.safe
    assert fix.value.endswith("at the end of the Amur Trade Forum.")
    assert "RESTRICTED" not in fix.value
    assert "PD206" not in codes(facts(fix.value, split.credit, HANDOUT_AFP))


@pytest.mark.parametrize(
    ("caption", "expected", "safe"),
    [
        (f"{SHIPYARD} EDITORIAL USE ONLY. NO SALES.", SHIPYARD, True),
        (f"EDITORIAL USE ONLY. {SHIPYARD}", SHIPYARD, True),
        (f"{FAREWELL} NO SALES", FAREWELL, True),
        (
            "Ri waves from a train - NO SALES - at the station on October 10.",
            "Ri waves from a train at the station on October 10.",
            False,
        ),
        ("EDITORIAL USE ONLY. NO SALES.", None, False),
        ("Ri waves. EDITORIAL USE ONLY", "Ri waves.", False),
    ],
)
def test_pd206_cuts_and_judges_the_cut(caption: str, expected: str | None, safe: bool) -> None:
    (found,) = [f for f in mine(facts(caption, "REUTERS/Pavel Surikov")) if f.code == "PD206"]
    if expected is None:
        assert found.fix is None
        return
    assert found.fix is not None
    assert (found.fix.value, found.fix.safe) == (expected, safe)


def test_house_can_switch_the_family_off() -> None:
    split = split_credit(picture(HANDOUT_AFP).text("description"))
    subject = facts(split.caption, "AFP", HANDOUT_AFP)
    house = HouseStyle(severities=dict.fromkeys(CODES, None))
    assert mine(subject, house) == []
