"""The check's fast paths: each must answer exactly what the plain computation answers.

The publishing gate checks 100,000 captions in a few seconds by sharing work between rules and
caching it by value (bench/check.py). These tests pin what that must never change: a picture's
reading depends on its fields, not on the object; a stored parse is used only where it is the
parse the rule would make; findings are the same objects, in the same order; the quick
pre-checks of the caption checks agree with the full ones on the cases they short-cut.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from photodesk.core.credit_parse import parse_credit
from photodesk.core.rules import CaptionFacts, Finding, Fix, HouseStyle, Severity, check_caption
from photodesk.core.rules.caption_dates import has_date
from photodesk.core.rules.caption_words import is_latin_script
from photodesk.core.rules.credit_embedded import embedded
from photodesk.core.rules.credit_house import stored_parse_of
from photodesk.core.rules.credit_housestyle import judge
from photodesk.core.rules.memo import new_check, per_caption, remember
from photodesk.core.rules.model import new_finding
from photodesk.core.rules.restrictions import find_restrictions, restrictions_in
from tests.core.rules import facts as demo
from tests.core.rules.facts import facts, picture


def test_a_new_finding_is_a_finding_in_every_way() -> None:
    fix = Fix("credit", "AP Photo/Name", safe=False)
    args = ("PD102", "credit-contradiction", Severity.ERROR, "message", fix, 7, "a.jpg", "s.md")
    fast, plain = new_finding(*args), Finding(*args)
    assert type(fast) is Finding
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert fast.as_dict() == plain.as_dict()
    with pytest.raises(AttributeError):
        fast.code = "PD101"  # type: ignore[misc]


def test_findings_come_worst_first_then_by_code() -> None:
    subject = facts("Visitors", None, demo.REUTERS)
    found = check_caption(subject, HouseStyle())
    order = [(-f.severity.rank, f.code) for f in found]
    assert order == sorted(order) and len(found) >= 3
    forced = check_caption(subject, HouseStyle(severities={"PD203": Severity.ERROR}))
    assert forced[0].code == "PD101" and forced[1].code == "PD203"
    assert forced[1].severity is Severity.ERROR


def test_a_pictures_reading_follows_its_values_not_the_object() -> None:
    reuters = picture(demo.REUTERS)
    copy = replace(reuters, values=dict(reuters.values))
    assert copy is not reuters and embedded(copy) is embedded(reuters)
    other = replace(reuters, values={**reuters.values, "creators": ("Yulia Zorina",)})
    assert embedded(other).names == ("Yulia Zorina",)
    assert embedded(reuters).names == ("Pavel Surikov",)


def test_two_captions_that_share_nothing_but_their_values_agree() -> None:
    caption = "Trucks queue in Khabarovsk on Oct. 9, 2024."
    first = facts(caption, "AP Photo/Nikolai Kravets", demo.REUTERS)
    assert first.picture is not None
    second = replace(first, picture=replace(first.picture, values=dict(first.picture.values)))
    assert check_caption(first, HouseStyle()) == check_caption(second, HouseStyle())
    assert "PD102" in {f.code for f in check_caption(first, HouseStyle())}
    values = {**first.picture.values, "credit": "AP", "source": "AP", "copyright": "AP"}
    agreeing = replace(first, picture=replace(first.picture, values=values | {"creators": ()}))
    assert "PD102" not in {f.code for f in check_caption(agreeing, HouseStyle())}


def test_the_per_caption_memo_holds_one_caption_only() -> None:
    calls: list[CaptionFacts] = []

    @per_caption
    def reading(subject: CaptionFacts) -> str:
        calls.append(subject)
        return subject.caption

    one = facts("A caption", None)
    twin = replace(one)  # equal, but another caption's facts
    assert reading(one) == reading(one) == "A caption"
    assert reading(twin) == "A caption"
    assert calls == [one, twin]
    new_check()  # the registry starts every caption's check so
    assert reading(twin) == "A caption"
    assert calls == [one, twin, twin]


def test_a_picture_changed_in_place_is_read_again() -> None:
    """Facts are values, but a picture's values are a mapping a caller could change."""
    values = dict(picture(demo.REUTERS).values)
    subject = facts("Trucks queue in Khabarovsk on Oct. 9, 2024.", "AP Photo/Nikolai Kravets")
    subject = replace(subject, picture=replace(picture(demo.REUTERS), values=values))
    assert "PD110" not in {f.code for f in check_caption(subject, HouseStyle())}
    values["instructions"] = "EDITORIAL USE ONLY"
    assert "PD110" in {f.code for f in check_caption(subject, HouseStyle())}


def test_a_bounded_cache_forgets_everything_when_full() -> None:
    cache: dict[str, int] = {}
    for index in range(5):
        remember(cache, str(index), index, 3)
    assert cache == {"3": 3, "4": 4}


def test_a_stored_parse_is_used_only_where_it_is_the_texts_parse() -> None:
    text = "AP Photo/Nikolai Kravets"
    stored = parse_credit(text)
    assert stored_parse_of(stored, text) is stored
    assert stored_parse_of(stored, "AP Photo/Nikolai  Kravets ") is stored  # as the parser prints
    assert stored_parse_of(stored, "AP Photo/Yulia Zorina") is None
    assert stored_parse_of(replace(stored, pool=True), text) is None  # a marker outside the text
    assert stored_parse_of(None, text) is None


def test_house_style_judges_the_text_whatever_was_stored() -> None:
    """A stored parse that is not the text's own (a pool marker beside it) changes nothing."""
    text = "Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP"
    own = judge(text, "slash", "")
    marked = replace(parse_credit(text), pool=True, creators=("Somebody Else",))
    assert judge(text + " ", "slash", "", marked) == judge(text + " ", "slash", "")
    assert own == judge(text, "slash", "", marked)


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Version a.1.2.3 of the software, shown at the fair.", False),  # no date: an overlap
        ("Taken on 08.10.2024 at the fair.", True),
        ("Shoppers crowd the Eastern market.", True),  # ``Easter`` inside a word still counts
        ("Veterans march on VE Day in the square.", True),
        ("Veterans march for days in the square.", False),
        ("Shoppers at the New Year's fair.", True),
        ("The 2025 Southeast Asian Games open.", False),
        ("Athletes at the Games (file photo, 2019).", True),
        ("Athletes at the Games in 2019.", True),
        ("The march began mid-March in the square.", True),
    ],
)
def test_dates_found_by_the_quick_paths(caption: str, expected: bool) -> None:
    assert has_date(caption) is expected


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Ürümqi’s “old town” – at dusk", True),  # accents, curly quotes, dashes: all Latin
        ("Москва, Кремль, Red Square", False),
        ("Москва and the Kremlin in Moscow today", True),  # Latin letters outnumber the rest
        ("שלום", False),
    ],
)
def test_latin_script(caption: str, expected: bool) -> None:
    assert is_latin_script(caption) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Nothing restricted here, just a street about to close.",
        'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / CCTV" - NO MARKETING',
        "Protesters march (RUSSIA OUT) in the rain.",
        "not for sale, said the owner of the shop outside",
    ],
)
def test_the_unmemoised_search_finds_what_the_memoised_one_does(text: str) -> None:
    assert restrictions_in(text) == find_restrictions(text)
