"""PD4xx on the demo desk's pictures: a caption with no picture, a picture placed twice."""

from __future__ import annotations

from photodesk.core.rules import Finding, HouseStyle, Severity, check_caption
from tests.core.rules.facts import GETTY, ZORINA_AFP, facts

CAPTION = "Cargo cranes at the port of Vladivostok, Russia, on October 10, 2024."
CREDIT = "Yulia Zorina / AFP"
LINK_CODES = ("PD401", "PD402")


def found(name: str | None, **changes: object) -> dict[str, Finding]:
    """The PD4xx findings of a caption linked to the named demo picture (or none), by code."""
    checked = check_caption(facts(CAPTION, CREDIT, name, **changes), HouseStyle())
    return {f.code: f for f in checked if f.code in LINK_CODES}


def test_pd401_an_unlinked_caption_is_a_warning() -> None:
    hits = found(None)
    assert set(hits) == {"PD401"}
    assert hits["PD401"].severity is Severity.WARNING
    assert "not linked" in hits["PD401"].message and hits["PD401"].picture is None


def test_pd401_is_silent_once_the_caption_is_linked() -> None:
    assert found(ZORINA_AFP) == {}
    assert found(GETTY) == {}


def test_pd402_a_picture_placed_twice_in_one_article() -> None:
    hits = found(ZORINA_AFP, placements=2)
    assert set(hits) == {"PD402"}
    assert hits["PD402"].severity is Severity.WARNING
    assert "placed 2 times" in hits["PD402"].message
    assert hits["PD402"].picture is not None and hits["PD402"].picture.endswith(ZORINA_AFP)
    assert "placed 3 times" in found(ZORINA_AFP, placements=3)["PD402"].message


def test_pd402_is_silent_for_a_single_placement() -> None:
    assert found(ZORINA_AFP, placements=1) == {}


def test_pd402_needs_a_picture_an_unlinked_caption_is_pd401_alone() -> None:
    """Placements count captions sharing a picture; with no picture there is nothing shared."""
    assert set(found(None, placements=2)) == {"PD401"}


def test_the_house_can_raise_an_unlinked_caption_to_an_error() -> None:
    checked = check_caption(
        facts(CAPTION, CREDIT, None), HouseStyle(severities={"PD401": Severity.ERROR})
    )
    assert [f.severity for f in checked if f.code == "PD401"] == [Severity.ERROR]
