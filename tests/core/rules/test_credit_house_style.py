"""PD106 house style: what it catches, what it leaves alone, and how it reads the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photodesk.core.credit_parse import parse_credit
from photodesk.core.rules import Finding, HouseStyle, Severity, check_caption
from tests.core.rules.facts import facts

AGENCY = HouseStyle()
SLASH = HouseStyle(credit_style="slash")
LABELLED = HouseStyle(credit_label="Photo:")
CORRECT = [
    "Photo by Handout / Government of Khabarovsk Territory / AFP",
    "Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP",
    "Korean Central News Agency/Korea News Service via AP",
    "REUTERS/Pavel Surikov",
    "Léa Fournier/Getty Images",
    "AP Photo/Nikolai Kravets",
    "(Photo by Handout / Government of Primorsky region / AFP)",
    "(Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)",
]


def found(credit: str, house: HouseStyle = AGENCY) -> list[Finding]:
    return [f for f in check_caption(facts("A caption.", credit), house) if f.code == "PD106"]


def dev_credits(shared_dir: Path) -> list[str]:
    lines = (shared_dir / "credits" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [c for c in (json.loads(line)["credit"] for line in lines) if c]


@pytest.mark.parametrize("credit", CORRECT)
def test_the_demo_desk_credits_are_in_house_style(credit: str) -> None:
    assert found(credit) == []


@pytest.mark.parametrize(
    "credit",
    [
        "Reuters/Pavel Surikov",  # case is the publication's typography, not another credit
        "Yevgeny Korshunov / Sputnik / Kremlin Pool Photo via AP",  # ``/`` for ``, ``
        "Government of Khabarovsk Territory / Handout / AFP",  # sources in any order
        "Photo by Reuters/Stringer",  # a word that names nobody
        "Justin Edmonds for The New York Times",  # a staff outlet the formatter cannot print
        "Express Photograph by Arul Horizon",  # the label names the paper
        "Pool photo by Smiley N. Pool",
        "Photo by PA Wire",  # PA prints itself so
        "AP Photo",
        "Business Insider / Matthew Lynley",  # not in the table: printed as it comes
    ],
)
def test_equivalent_printings_are_left_alone(credit: str) -> None:
    assert found(credit) == []


@pytest.mark.parametrize(
    ("credit", "reason", "house_text"),
    [
        ("Moises Castillo, The Associated Press", "'AP Photo'", "AP Photo/Moises Castillo"),
        ("Sergey Bobok / AFP / Getty", "'Getty Images'", "Sergey Bobok/AFP/Getty Images"),
        ("Tyrone Siu/Reuters", "first", "REUTERS/Tyrone Siu"),
        ("Rodrigo Abd / AP", "first", "AP Photo/Rodrigo Abd"),
        ("Photo by Jim Lo Scalzo/EPA", "first", "Photo by EPA/Jim Lo Scalzo"),
        ("Photo by Tiziana Fabi/AFP Photo", "'AFP'", "Photo by Tiziana Fabi / AFP"),
        ("(Maxim Shipenkov/European Pressphoto Agency)", "'EPA'", "(EPA/Maxim Shipenkov)"),
        (
            "REUTERS/Wilson Dias/Agencia Brasil/Handout via Reuters",
            "once",
            "Agencia Brasil/Wilson Dias/Handout via REUTERS",
        ),
    ],
)
def test_credits_not_in_house_style_get_the_house_text(
    credit: str, reason: str, house_text: str
) -> None:
    (finding,) = found(credit)
    assert finding.severity is Severity.WARNING
    assert reason in finding.message and house_text in finding.message
    assert finding.fix is not None and finding.fix.safe and finding.fix.value == house_text
    assert found(house_text) == []


def test_a_rewrite_that_drops_a_word_or_moves_a_partner_is_not_applied_unasked() -> None:
    (partner,) = found("Photo by: Drew Angerer/picture-alliance/dpa/AP Images")
    assert partner.fix is not None and not partner.fix.safe
    (dropped,) = found("Tyrone Siu/Reuters/File")
    assert dropped.fix is not None and not dropped.fix.safe


def test_a_missing_house_label_is_added() -> None:
    (finding,) = found("REUTERS/Pavel Surikov", LABELLED)
    assert "'Photo:'" in finding.message
    assert finding.fix is not None and finding.fix.value == "Photo: REUTERS/Pavel Surikov"
    assert found("Photo: REUTERS/Pavel Surikov", LABELLED) == []
    (other,) = found("Photo by Pavel Surikov/Reuters", LABELLED)
    assert other.fix is not None and other.fix.value == "Photo: REUTERS/Pavel Surikov"


def test_slash_style_prints_name_body_agency() -> None:
    (finding,) = found("REUTERS/Pavel Surikov", SLASH)
    assert finding.fix is not None and finding.fix.value == "Pavel Surikov / Reuters"
    via = found("Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP", SLASH)[0].fix
    assert via is not None and via.value == "Yevgeny Korshunov / Sputnik / Kremlin Pool / AP"
    for credit in ("Pavel Surikov / Reuters", "Government of Primorsky region / Handout / AFP"):
        assert found(credit, SLASH) == []


def test_dev_set_agency_style(shared_dir: Path) -> None:
    """156 captions, 139 credits: PD106 flags those that name the distributor by another
    name or in another place than it prints itself (25 when this was written), never most."""
    credits = dev_credits(shared_dir)
    flagged = {c: f for c in credits for f in found(c)}
    assert len(credits) == 139
    assert 15 <= len(flagged) <= 30, sorted(flagged)
    assert {"Tyrone Siu/Reuters", "Moises Castillo, The Associated Press"} <= set(flagged)
    for credit, finding in flagged.items():
        assert finding.fix is not None
        assert found(finding.fix.value) == [], credit  # a fixed credit passes
        before, after = parse_credit(credit), parse_credit(finding.fix.value)
        assert (before.creators, before.agency) == (after.creators, after.agency)


def test_dev_set_slash_style_fixes_pass(shared_dir: Path) -> None:
    for credit in dev_credits(shared_dir):
        for finding in found(credit, SLASH):
            assert finding.fix is not None
            assert found(finding.fix.value, SLASH) == [], credit
