"""find_restrictions: the phrase forms agencies use, on real instructions, and prose left alone."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.core.rules.restriction_time import parse_embargo_time
from photodesk.core.rules.restrictions import KINDS, Restriction, find_restrictions
from photodesk.core.rules.territories import territory_code
from tests.core.rules.facts import (
    GETTY,
    HANDOUT_AFP,
    KREMLIN_POOL_AP,
    REUTERS,
    STATE_MEDIA_AP,
    ZORINA_AFP,
    picture,
)

SHARED = Path(__file__).resolve().parents[4] / "shared"
AFP_TRAILER = (
    'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / GOVERNMENT OF KHABAROVSK '
    'TERRITORY" - NO MARKETING NO ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS'
)
REUTERS_HANDOUT = (
    "UKRAINIAN PRESIDENTIAL PRESS SERVICE/HANDOUT VIA REUTERS ATTENTION EDITORS - THIS IMAGE HAS "
    "BEEN SUPPLIED BY A THIRD PARTY. MANDATORY CREDIT. NO RESALES. NO ARCHIVES"
)


def kinds(text: str) -> list[str]:
    return [r.kind for r in find_restrictions(text)]


def only(text: str) -> Restriction:
    found = find_restrictions(text)
    assert len(found) == 1, found
    return found[0]


def test_the_demo_afp_instructions_as_the_reader_reads_them() -> None:
    text = picture(HANDOUT_AFP).text("instructions")
    assert text == AFP_TRAILER
    found = find_restrictions(text)
    assert [r.kind for r in found] == [
        "editorial-only",
        "mandatory-credit",
        "no-marketing",
        "no-marketing",
        "handout-use",
    ]
    assert found[1].credit == "AFP PHOTO / GOVERNMENT OF KHABAROVSK TERRITORY"
    assert [r.phrase for r in found][2:] == [
        "NO MARKETING",
        "NO ADVERTISING CAMPAIGNS",
        "DISTRIBUTED AS A SERVICE TO CLIENTS",
    ]


def test_the_demo_ap_state_media_instructions() -> None:
    text = picture(STATE_MEDIA_AP).text("instructions")
    assert kinds(text) == ["handout-use", "handout-use", "no-sales"]
    assert find_restrictions(text)[-1].phrase == "NO SALES"


@pytest.mark.parametrize("name", [KREMLIN_POOL_AP, GETTY, REUTERS, ZORINA_AFP])
def test_demo_pictures_without_restrictions_find_none(name: str) -> None:
    facts = picture(name)
    for field in ("instructions", "usage_terms", "description"):
        assert find_restrictions(facts.text(field)) == ()


def test_spans_are_the_phrases() -> None:
    text = f"A train leaves the station. {AFP_TRAILER}"
    for found in find_restrictions(text):
        assert text[found.start : found.end] == found.phrase


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("CANADA OUT", ("CA",)),
        ("UK OUT", ("GB",)),
        ("NO UK", ("GB",)),
        ("FRANCE OUT", ("FR",)),
        ("UK, IRELAND OUT", ("GB", "IE")),
        ("OUT: UK, IRELAND", ("GB", "IE")),
        ("NORTHERN IRELAND OUT", ("GB",)),
        ("HONG KONG OUT", ("HK",)),
        ("NOT FOR USE IN THE U.S.", ("US",)),
        ("Not for publication in Germany or Austria", ("DE", "AT")),
        ("MOSCOW, RUSSIA - DECEMBER, 28 (RUSSIA OUT) Russian President Vladimir Putin", ("RU",)),
    ],
)
def test_territory_forms(text: str, codes: tuple[str, ...]) -> None:
    found = only(text)
    assert (found.kind, found.territories) == ("territory-out", codes)


def test_mandatory_credit_then_no_use_in_a_country() -> None:
    found = find_restrictions("MANDATORY CREDIT: X/Handout via REUTERS. NO USE IN RUSSIA")
    assert [(r.kind, r.credit, r.territories) for r in found] == [
        ("mandatory-credit", "X/Handout via REUTERS", ()),
        ("territory-out", None, ("RU",)),
    ]


def test_japan_out_and_a_sales_window() -> None:
    found = find_restrictions("JAPAN OUT, NO COMMERCIAL OR BOOK SALES IN JAPAN WITHIN 30 DAYS")
    assert [(r.kind, r.phrase, r.territories) for r in found] == [
        ("territory-out", "JAPAN OUT", ("JP",)),
        ("no-sales", "NO COMMERCIAL OR BOOK SALES IN JAPAN WITHIN 30 DAYS", ("JP",)),
    ]


def test_a_country_sales_ban_is_not_a_territory_exclusion() -> None:
    assert [(r.kind, r.territories) for r in find_restrictions("NO UK SALES")] == [
        ("no-sales", ("GB",))
    ]


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ('MANDATORY CREDIT "AFP PHOTO / CCTV"', "AFP PHOTO / CCTV"),
        ("MANDATORY CREDIT: X/Handout via REUTERS", "X/Handout via REUTERS"),
        (
            "Mandatory Credit: Photo by Tolga Akmen/EPA-EFE/Shutterstock (14766286d)",
            "Photo by Tolga Akmen/EPA-EFE/Shutterstock",
        ),
        ("CREDIT MUST READ: Ministry of Defence/Handout", "Ministry of Defence/Handout"),
        ("MANDATORY CREDIT “AFP PHOTO / HO / SANA”", "AFP PHOTO / HO / SANA"),
        ("MUST CREDIT: KCNA via KNS", "KCNA via KNS"),
        (
            "Credit as U.S. Navy photo by Elizabeth Thompson.",
            "U.S. Navy photo by Elizabeth Thompson",
        ),
    ],
)
def test_mandatory_credit_forms(text: str, credit: str) -> None:
    found = only(text)
    assert (found.kind, found.credit) == ("mandatory-credit", credit)


def test_a_bare_mandatory_credit_names_no_credit() -> None:
    assert [(r.kind, r.credit) for r in find_restrictions(REUTERS_HANDOUT)] == [
        ("editor-note", None),
        ("handout-use", None),
        ("mandatory-credit", None),
        ("no-sales", None),
        ("no-archives", None),
    ]
    assert [r.kind for r in find_restrictions("MANDATORY CREDIT - NO SALES")] == [
        "mandatory-credit",
        "no-sales",
    ]


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("EMBARGOED UNTIL 0001 GMT 12 OCTOBER 2024", datetime(2024, 10, 12, 0, 1, tzinfo=UTC)),
        ("EMBARGO: 2024-10-11T00:01Z", datetime(2024, 10, 11, 0, 1, tzinfo=UTC)),
        ("Embargoed until 2024-10-11T02:01+02:00", datetime(2024, 10, 11, 0, 1, tzinfo=UTC)),
        (
            "HOLD FOR RELEASE UNTIL 12:01 a.m. EDT, Oct. 12, 2024",
            datetime(2024, 10, 12, 4, 1, tzinfo=UTC),
        ),
        (
            "NOT FOR PUBLICATION BEFORE 00:01 GMT ON SATURDAY, 12 OCTOBER 2024",
            datetime(2024, 10, 12, 0, 1, tzinfo=UTC),
        ),
        ("EMBARGOED TILL OCTOBER 12, 2024 AT 2200 BST", datetime(2024, 10, 12, 21, 0, tzinfo=UTC)),
    ],
)
def test_embargo_forms(text: str, until: datetime) -> None:
    found = only(text)
    assert (found.kind, found.phrase, found.until) == ("embargo", text, until)
    assert found.until is not None and found.until.tzinfo is UTC


@pytest.mark.parametrize(
    "text",
    [
        "HOLD FOR RELEASE UNTIL 10:00 ET OCT. 12, 2024",  # ET: EST or EDT, not one offset
        "EMBARGOED UNTIL 0001 GMT 12 OCTOBER",  # no year
        "EMBARGOED UNTIL 12 OCTOBER 2024",  # no time
    ],
)
def test_an_embargo_we_cannot_pin_keeps_its_phrase(text: str) -> None:
    found = only(text)
    assert (found.kind, found.phrase, found.until) == ("embargo", text, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EDITORIAL USE ONLY. NO SALES.", ["editorial-only", "no-sales"]),
        ("Editorial use only. No book publishing", ["editorial-only", "media-out"]),
        ("FOR EDITORIAL USE ONLY - NO ARCHIVES", ["editorial-only", "no-archives"]),
        (
            "NO ARCHIVE, NO SALES, NO MAGS, CANADA OUT",
            ["no-archives", "no-sales", "media-out", "territory-out"],
        ),
        ("MAGS OUT; TV OUT", ["media-out", "media-out"]),
        ("No sales", ["no-sales"]),
        ("NOT FOR COMMERCIAL USE. DO NOT CROP", ["no-marketing", "no-alteration"]),
        (
            REUTERS_HANDOUT.lower(),
            ["editor-note", "handout-use", "mandatory-credit", "no-sales", "no-archives"],
        ),
    ],
)
def test_usage_forms_in_any_case(text: str, expected: list[str]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sales of timber are out of season",
        "There were no sales of timber this year.",
        "No sales, no deal, said the trader in Khabarovsk on October 9, 2024.",
        'President Barack Obama says "Obama out!" at the White House dinner.',
        "Kim said, Russia out.",
        "let us out",
        "The EU embargo on Russian oil until 2025 was extended on Monday.",
        "Ukrainian defenders held out for 80 days against a relentless Russian assault.",
        "A photo credit in the programme names the agency.",
        "This video grab taken from a handout footage released by the Russian Defence Ministry.",
        "what this image shows cannot be verified independently.",
    ],
)
def test_prose_is_not_a_restriction(text: str) -> None:
    assert find_restrictions(text) == ()


@pytest.mark.skipif(not (SHARED / "credits" / "dev.jsonl").is_file(), reason="no ../shared")
def test_real_captions_hold_only_the_restriction_they_print() -> None:
    """156 published captions: one prints Getty's ``(RUSSIA OUT)``; nothing else is found."""
    lines = (SHARED / "credits" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    found = {r.phrase for line in lines for r in find_restrictions(json.loads(line)["text"])}
    assert found == {"RUSSIA OUT"}


def test_territory_codes_must_be_capitals() -> None:
    assert territory_code("UK") == "GB"
    assert territory_code("uk") is None
    assert territory_code("the Netherlands") == "NL"
    assert territory_code("Korean") == "KR"
    assert territory_code("North Korean") == "KP"
    assert territory_code("Atlantis") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 p.m. BST on 3rd of March 2025", datetime(2025, 3, 3, 12, 0, tzinfo=UTC)),
        ("MIDNIGHT GMT 12 OCTOBER 2024", datetime(2024, 10, 12, 0, 0, tzinfo=UTC)),
        ("10h30 CET 2 February 2024", datetime(2024, 2, 2, 9, 30, tzinfo=UTC)),
        ("2300 GMT+3 31 DECEMBER 2024", datetime(2024, 12, 31, 20, 0, tzinfo=UTC)),
        ("25:00 GMT 12 October 2024", None),
        ("0001 GMT 31 February 2024", None),
        ("2024-10-11T00:01", None),
        ("0001 IST 12 October 2024", None),
    ],
)
def test_embargo_times(text: str, expected: datetime | None) -> None:
    assert parse_embargo_time(text) == expected


PHRASES = [
    "RESTRICTED TO EDITORIAL USE",
    'MANDATORY CREDIT "AFP PHOTO / CCTV"',
    "NO MARKETING NO ADVERTISING CAMPAIGNS",
    "DISTRIBUTED AS A SERVICE TO CLIENTS",
    "NO SALES",
    "CANADA OUT",
    "EMBARGOED UNTIL 0001 GMT 12 OCTOBER 2024",
    "NO ARCHIVES",
]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_text_raises_and_spans_stay_in_the_text(text: str) -> None:
    for found in find_restrictions.__wrapped__(text):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.phrase
        assert found.kind in KINDS
        assert all(len(code) == 2 and code.isupper() for code in found.territories)
        assert found.until is None or found.until.tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=5),
    st.sampled_from([" - ", ". ", "; ", " / "]),
    st.text(alphabet="abcdefghij KLMNOP,", max_size=40),
)
def test_boilerplate_is_found_around_any_caption(
    phrases: list[str], separator: str, prose: str
) -> None:
    text = f"{prose}. {separator.join(phrases)}"
    found = find_restrictions.__wrapped__(text)
    expected = sum(len(find_restrictions(phrase)) for phrase in phrases)
    assert len(found) == expected
    assert all(text[r.start : r.end] == r.phrase for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "CANADA OUT " * 10_000,
        "no " * 30_000,
        ("The crowd waits. " + "(UK OUT) ") * 5_000,
        'MANDATORY CREDIT "AFP PHOTO / CCTV" - ' * 3_000,
    ],
)
def test_long_texts_are_read_whole(text: str) -> None:
    """A pasted feed of 100,000 characters is read to its end with exact spans.

    No clock here (timed tests fail on a loaded machine); a quadratic regression shows as a
    suite that takes minutes, and bench/check.py measures the speed.
    """
    found = find_restrictions.__wrapped__(text)
    assert all(text[r.start : r.end] == r.phrase for r in found)
