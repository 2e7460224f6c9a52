"""PD104 malformed credits and PD105 misspelt agencies, on real credit lines."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from photodesk.core.rules import CaptionFacts, Finding, HouseStyle, Severity, check_caption
from tests.core.rules import facts as demo
from tests.core.rules.facts import facts

HOUSE = HouseStyle()
DEMO_CREDITS = [
    "Photo by Handout / Government of Khabarovsk Territory / AFP",
    "Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP",
    "Korean Central News Agency/Korea News Service via AP",
    "REUTERS/Pavel Surikov",
    "Léa Fournier/Getty Images",
    "AP Photo/Nikolai Kravets",
    "(Photo by Handout / Government of Primorsky region / AFP)",
    "(Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)",
]


def found(code: str, credit: str, house: HouseStyle = HOUSE) -> list[Finding]:
    return [f for f in check_caption(facts("A caption.", credit), house) if f.code == code]


def dev_credits(shared_dir: Path) -> list[str]:
    lines = (shared_dir / "credits" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [c for c in (json.loads(line)["credit"] for line in lines) if c]


@pytest.mark.parametrize(
    ("credit", "problem", "mended"),
    [
        ("Yulia  Zorina / AFP", "doubled spaces", "Yulia Zorina / AFP"),
        (" REUTERS/Pavel Surikov ", "spaces at the start", "REUTERS/Pavel Surikov"),
        ("( AFP )", "spaces at the start", "(AFP)"),
        ("Yulia Zorina , AFP", "space before a comma", "Yulia Zorina, AFP"),
        ("/ AFP", "nothing before it", "AFP"),
        ("Yulia Zorina /", "nothing after it", "Yulia Zorina"),
        ("Yulia Zorina / AFP -", "nothing after it", "Yulia Zorina / AFP"),
    ],
)
def test_spacing_and_dangling_separators_are_mended(credit: str, problem: str, mended: str) -> None:
    (finding,) = found("PD104", credit)
    assert finding.severity is Severity.WARNING and problem in finding.message
    assert finding.fix is not None and finding.fix.safe and finding.fix.value == mended
    assert found("PD104", mended) == []


@pytest.mark.parametrize(
    ("credit", "problem"),
    [
        ("(Photo by Yulia Zorina / AFP", "unbalanced brackets"),
        ("Photo by Yulia Zorina / AFP)", "unbalanced brackets"),
        ('MANDATORY CREDIT "AFP PHOTO / HANDOUT', "unbalanced quotes"),
        ("Yulia Zorina / / AFP", "an empty slot"),
        ("Mikhail Metzel, , Kremlin Pool Photo via AP", "an empty slot"),
        ("Photo by", "a label with no name"),
        ("Photo:", "a label with no name"),
        ("Photo by / AFP", "a label with no name"),
        ("©", "a label with no name"),
    ],
)
def test_problems_that_need_the_editor_have_no_fix(credit: str, problem: str) -> None:
    (finding,) = found("PD104", credit)
    assert problem in finding.message and finding.fix is None


@pytest.mark.parametrize(
    "credit",
    [
        *DEMO_CREDITS,
        "Photo/Xinhua",
        "AFP - HANDOUT",
        "Credit:Tash Sorensen",
        "Photo: https://x.org/a",
    ],
)
def test_well_formed_credits_are_not_malformed(credit: str) -> None:
    assert found("PD104", credit) == []


def test_no_dev_credit_is_malformed(shared_dir: Path) -> None:
    flagged = [c for c in dev_credits(shared_dir) if found("PD104", c)]
    assert flagged == []


@pytest.mark.parametrize(
    ("credit", "agency", "fixed"),
    [
        ("Reuter", "Reuters", "Reuters"),
        ("Pavel Surikov/Reuter", "Reuters", "Pavel Surikov/Reuters"),
        ("REUTER/Pavel Surikov", "REUTERS", "REUTERS/Pavel Surikov"),
        ("Getty Image", "Getty Images", "Getty Images"),
        ("Photo by Léa Fournier/Getty Image", "Getty Images", "Photo by Léa Fournier/Getty Images"),
        ("Assoicated Press", "Associated Press (AP)", "Associated Press"),
        (
            "Nikolai Kravets / Agence France Press",
            "(AFP)",
            "Nikolai Kravets / Agence France Presse",
        ),
        ("Léa Fournier/GettyImages", "Getty Images", "Léa Fournier/Getty Images"),
    ],
)
def test_misspelt_agencies_get_a_did_you_mean(credit: str, agency: str, fixed: str) -> None:
    (finding,) = found("PD105", credit)
    assert finding.severity is Severity.WARNING
    assert "did you mean" in finding.message and agency in finding.message
    assert finding.fix is not None and finding.fix.safe and finding.fix.value == fixed
    assert found("PD105", fixed) == []


def test_a_short_name_is_only_a_maybe() -> None:
    """``APF`` is AFP with two letters swapped, but three letters are too few to be sure."""
    (finding,) = found("PD105", "Yulia Zorina / APF")
    assert "AFP" in finding.message
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.value == "Yulia Zorina / AFP"


def test_the_desk_agencies_are_known_and_suggested() -> None:
    house = HouseStyle(extra_agencies=("Amur Ledger",))
    assert found("PD105", "Nikolai Kravets / Amur Ledger", house) == []
    (finding,) = found("PD105", "Nikolai Kravets / Amur Ledgr", house)
    assert finding.fix is not None and finding.fix.value == "Nikolai Kravets / Amur Ledger"


@pytest.mark.parametrize(
    "credit",
    [
        *DEMO_CREDITS,
        "Government of Khabarovsk Territory",
        "Yulia Zorina",
        "Léa Fournier",
        "NBC News",  # not a misspelt BBC News: an acronym differs only by a swap
        "Photo by Kim Hong-Ji/CBS News",
        "Nikolai Kravets / Amur Ledger",  # unknown, but close to no agency
        "UPI",
    ],
)
def test_correct_names_are_no_unknown_agency(credit: str) -> None:
    assert found("PD105", credit) == []


def test_no_dev_credit_has_an_unknown_agency(shared_dir: Path) -> None:
    flagged = [c for c in dev_credits(shared_dir) if found("PD105", c)]
    assert flagged == []


def test_the_check_runs_on_a_linked_caption_too() -> None:
    subject: CaptionFacts = facts("A crane.", "Pavel  Surikov/Reuter", demo.REUTERS)
    codes = {f.code for f in check_caption(subject, HOUSE)}
    assert {"PD104", "PD105"} <= codes
    mended = replace(subject, credit="REUTERS/Pavel Surikov")
    assert not {f.code for f in check_caption(mended, HOUSE)} & {"PD104", "PD105"}
