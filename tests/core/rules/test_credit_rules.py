"""PD101, PD102 and PD107: a caption's credit against its demo picture's real embedded metadata."""

from __future__ import annotations

from dataclasses import replace

import pytest

from photodesk.core.rules import CaptionFacts, Finding, HouseStyle, Severity, check_caption
from photodesk.core.rules.fixing import apply_safe_fixes
from tests.core.rules import facts as demo
from tests.core.rules.facts import facts, picture

HOUSE = HouseStyle()
CREDIT_CODES = frozenset({"PD101", "PD102", "PD104", "PD105", "PD106", "PD107"})
REUTERS_MISSING = "2024-10-10T004938Z_1_LYNXMPEK9A0D1_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG"
# The seed video grab: Credit AFP, By-line HANDOUT, Source Russian Defence Ministry.
VIDEO_GRAB_AFP = "AFP_33VU6HT.jpg"

# Every correctly credited demo and seed picture, with the credit its article prints.
CORRECT = [
    ("Photo by Handout / Government of Khabarovsk Territory / AFP", demo.HANDOUT_AFP),
    ("Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP", demo.KREMLIN_POOL_AP),
    ("Korean Central News Agency/Korea News Service via AP", demo.STATE_MEDIA_AP),
    ("REUTERS/Pavel Surikov", demo.REUTERS),
    ("Léa Fournier/Getty Images", demo.GETTY),
    ("(Photo by Handout / Government of Primorsky region / AFP)", "AFP_33VY7UN.jpg"),
    ("(Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)", "AP23256418226947.jpg"),
    ("(Korean Central News Agency/Korea News Service via AP)", "AP23261037481592.jpg"),
]


def found(code: str, subject: CaptionFacts, house: HouseStyle = HOUSE) -> list[Finding]:
    return [f for f in check_caption(subject, house) if f.code == code]


def credit_codes(subject: CaptionFacts, house: HouseStyle = HOUSE) -> list[str]:
    return [f.code for f in check_caption(subject, house) if f.code in CREDIT_CODES]


def fixed(subject: CaptionFacts, finding: Finding) -> CaptionFacts:
    assert finding.fix is not None and finding.fix.field == "credit"
    return replace(subject, credit=finding.fix.value, parsed=None)


@pytest.mark.parametrize(("credit", "name"), CORRECT)
def test_correct_demo_credits_raise_no_credit_finding(credit: str, name: str) -> None:
    assert credit_codes(facts("A caption.", credit, name)) == []


@pytest.mark.parametrize("credit", [None, "", "   "])
def test_missing_credit_offers_the_embedded_reuters_credit(credit: str | None) -> None:
    subject = facts("A crane lifts a container.", credit, REUTERS_MISSING)
    (finding,) = found("PD101", subject)
    assert finding.severity is Severity.ERROR
    assert "REUTERS/Pavel Surikov" in finding.message
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.value == "REUTERS/Pavel Surikov"
    assert credit_codes(fixed(subject, finding)) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (demo.HANDOUT_AFP, "Handout / Government of Khabarovsk Territory / AFP"),
        (demo.GETTY, "Léa Fournier/Getty Images"),
        (demo.ZORINA_AFP, "YULIA ZORINA / AFP"),
        (demo.KREMLIN_POOL_AP, "Yevgeny Korshunov, Sputnik via AP"),
        (demo.STATE_MEDIA_AP, "KCNA, KNS via AP"),  # by-line "Uncredited" is nobody
    ],
)
def test_missing_credit_is_built_from_the_embedded_fields(name: str, expected: str) -> None:
    subject = facts("A caption.", None, name)
    (finding,) = found("PD101", subject)
    assert finding.fix is not None and finding.fix.value == expected
    assert credit_codes(fixed(subject, finding)) == []


def test_missing_credit_follows_the_house_style_and_label() -> None:
    house = HouseStyle(credit_style="slash", credit_label="Photo: ")
    subject = facts("A crane.", None, REUTERS_MISSING)
    (finding,) = found("PD101", subject, house)
    assert finding.fix is not None and finding.fix.value == "Photo: Pavel Surikov / Reuters"
    assert credit_codes(fixed(subject, finding), house) == []


def test_missing_credit_without_a_source_is_an_error_without_fix() -> None:
    (alone,) = found("PD101", facts("A caption.", None))
    assert alone.fix is None and "no linked picture" in alone.message
    blank = replace(picture(demo.REUTERS), values={})
    (bare,) = found("PD101", replace(facts("A caption.", None), picture=blank))
    assert bare.fix is None and bare.severity is Severity.ERROR


def test_planted_contradiction_names_both_agencies_and_photographers() -> None:
    subject = facts("Trucks queue.", "AP Photo/Nikolai Kravets", demo.ZORINA_AFP)
    (finding,) = found("PD102", subject)
    assert finding.severity is Severity.ERROR
    for name in ("AP", "AFP", "Nikolai Kravets", "YULIA ZORINA"):
        assert name in finding.message
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.value == "YULIA ZORINA / AFP"
    assert found("PD102", fixed(subject, finding)) == []


@pytest.mark.parametrize(
    ("credit", "name", "said"),
    [
        ("AP Photo/Yulia Zorina", demo.ZORINA_AFP, "says AP"),
        ("EPA/Yulia Zorina", demo.ZORINA_AFP, "says EPA"),
        ("Nikolai Kravets / AFP", demo.ZORINA_AFP, "names Nikolai Kravets"),
        ("Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP", demo.KREMLIN_POOL_AP, "Metzel"),
        ("REUTERS/Nikolai Kravets", demo.REUTERS, "by-line Pavel Surikov"),
    ],
)
def test_contradictions(credit: str, name: str, said: str) -> None:
    (finding,) = found("PD102", facts("A caption.", credit, name))
    assert said in finding.message


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("Yulia ZORINA / AFP", demo.ZORINA_AFP),  # AFP capitals
        ("Photo by Yulia Zorina/AFP/Getty Images", demo.ZORINA_AFP),  # AFP as Getty's source
        ("Yulia Zorina/AFP via Getty Images", demo.ZORINA_AFP),
        ("AFP", demo.ZORINA_AFP),  # no photographer named: nothing to contradict
        ("Lea Fournier/Getty Images", demo.GETTY),  # the accent the file has
        ("REUTERS/Павел Суриков", demo.REUTERS),  # another script: not judged
        ("Yevgeny Korshunov / Sputnik", demo.KREMLIN_POOL_AP),  # the file's Source is Sputnik
    ],
)
def test_agreements_are_no_contradiction(credit: str, name: str) -> None:
    assert found("PD102", facts("A caption.", credit, name)) == []


def test_a_file_crediting_both_agencies_is_no_contradiction() -> None:
    getty = picture(demo.GETTY)
    chained = replace(getty, values={**getty.values, "credit": "AFP via Getty Images"})
    subject = replace(facts("A caption.", "Léa Fournier / AFP"), picture=chained)
    assert found("PD102", subject) == []


def test_unlabelled_handout_is_reported_with_an_unsafe_fix() -> None:
    subject = facts("A video grab.", "(Russian Defence Ministry / AFP)", VIDEO_GRAB_AFP)
    (finding,) = found("PD107", subject)
    assert finding.severity is Severity.WARNING
    assert "Handout" in finding.message and "by-line" in finding.message
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.value == "(Handout / Russian Defence Ministry / AFP)"
    assert credit_codes(fixed(subject, finding)) == []


def test_unlabelled_pool_is_reported() -> None:
    pool = picture(demo.KREMLIN_POOL_AP)
    pooled = replace(pool, values={**pool.values, "source": "Sputnik / Kremlin Pool"})
    subject = replace(facts("Handshake.", "Yevgeny Korshunov, Sputnik via AP"), picture=pooled)
    (finding,) = found("PD107", subject)
    assert "Pool" in finding.message and "source" in finding.message
    labelled = replace(subject, credit="Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP")
    assert found("PD107", labelled) == []


def test_a_handout_mentioned_in_a_sentence_asks_for_no_label() -> None:
    """AP's note on the state-media picture says "THIS HANDOUT PHOTO": prose, not a marker."""
    assert "HANDOUT PHOTO" in picture(demo.STATE_MEDIA_AP).text("instructions")
    credit = "Korean Central News Agency/Korea News Service via AP"
    assert found("PD107", facts("A shipyard.", credit, demo.STATE_MEDIA_AP)) == []


def test_a_photographer_called_pool_is_no_pool() -> None:
    reuters = picture(demo.REUTERS)
    named = replace(reuters, values={**reuters.values, "creators": ("Smiley N. Pool",)})
    subject = replace(facts("A crane.", "REUTERS/Smiley N. Pool"), picture=named)
    assert found("PD107", subject) == []


def test_safe_fixes_settle_a_misspelt_reversed_credit() -> None:
    settled = apply_safe_fixes(facts("A crane.", "Pavel Surikov / Reuter", demo.REUTERS), HOUSE)
    assert settled.changes == {"credit": "REUTERS/Pavel Surikov"}
    assert [f.code for f in settled.applied] == ["PD105", "PD106"]
    assert not [f for f in settled.remaining if f.code in CREDIT_CODES]


def test_the_credit_the_instructions_demand_is_left_as_worded() -> None:
    """AFP's instructions quote ``MANDATORY CREDIT "AFP PHOTO / GOVERNMENT OF KHABAROVSK
    TERRITORY"``: neither house style nor the handout label may reword the agency's demand."""
    demanded = "AFP PHOTO / GOVERNMENT OF KHABAROVSK TERRITORY"
    assert credit_codes(facts("A farewell.", demanded, demo.HANDOUT_AFP)) == []
    assert credit_codes(facts("A farewell.", demanded)) == ["PD106"]  # without the picture
    reworded = facts(
        "A farewell.", "Government of Khabarovsk Territory/AFP Photo", demo.HANDOUT_AFP
    )
    assert set(credit_codes(reworded)) == {"PD106", "PD107"}
