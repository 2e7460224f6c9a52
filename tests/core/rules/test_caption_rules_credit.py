"""PD205: a credit printed again inside the caption's text, found as the importer finds it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.core.captions import caption_from_text
from photodesk.core.credit_split import split_credit
from photodesk.core.rules import CaptionFacts, Fix, Hit, HouseStyle
from photodesk.core.rules.caption_credit_signs import may_end_with_credit
from photodesk.core.rules.caption_rules import RULES
from tests.core.rules.facts import ZORINA_AFP, facts
from tests.core.rules.test_caption_rules import desk_captions

PD205 = next(rule for rule in RULES if rule.code == "PD205")
TRUCKS = (
    "Trucks loaded with timber queue at a freight checkpoint on the outskirts of Khabarovsk on "
    "October 9, 2024, on the sidelines of the Amur Trade Forum."
)
AFP_TRAILER = (
    ' / RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / GOVERNMENT OF KHABAROVSK '
    'TERRITORY" - NO MARKETING NO ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS'
)


def hits(subject: CaptionFacts) -> list[Hit]:
    return list(PD205.check(subject, HouseStyle()))


def test_the_agencys_own_credit_left_in_the_caption_is_removed_safely() -> None:
    """The embedded caption spells ``Yulia ZORINA``; the page ``Yulia Zorina``: one credit."""
    subject = facts(f"{TRUCKS} (Photo by Yulia ZORINA / AFP)", "Yulia Zorina / AFP", ZORINA_AFP)
    (hit,) = hits(subject)
    assert hit.message == (
        'the caption repeats its credit ("Photo by Yulia ZORINA / AFP"): remove it from the caption'
    )
    assert hit.fix == Fix("caption", TRUCKS, safe=True)


def test_accents_do_not_make_a_different_credit() -> None:
    caption = "Visitors walk past a banner in Khabarovsk. (Photo by Lea Fournier/Getty Images)"
    (hit,) = hits(facts(caption, "Léa Fournier/Getty Images"))
    assert hit.fix == Fix("caption", "Visitors walk past a banner in Khabarovsk.", safe=True)


def test_a_different_credit_in_the_caption_is_for_the_editor_to_settle() -> None:
    """The planted contradiction: the page credits AP, the caption it pasted says AFP."""
    subject = facts(f"{TRUCKS} (Photo by Yulia ZORINA / AFP)", "AP Photo/Nikolai Kravets")
    (hit,) = hits(subject)
    assert '"AP Photo/Nikolai Kravets": settle the credit' in hit.message
    assert hit.fix == Fix("caption", TRUCKS, safe=False)


def test_a_restriction_trailer_stays_in_the_caption_for_pd206() -> None:
    caption = (
        "Ri Song Chol waves from a train carriage in Khabarovsk. (Photo by Handout / "
        f"Government of Khabarovsk Territory / AFP){AFP_TRAILER}"
    )
    credit = "Photo by Handout / Government of Khabarovsk Territory / AFP"
    (hit,) = hits(facts(caption, credit))
    assert hit.fix is not None and hit.fix.safe
    assert hit.fix.value == caption_from_text(caption).caption  # as the importer splits it
    assert hit.fix.value.endswith(AFP_TRAILER.removeprefix(" / "))


def test_a_reuters_trailer_repeated_after_the_caption() -> None:
    caption = "A crane lifts the first container in Khabarovsk, Russia October 10, 2024."
    (hit,) = hits(facts(f"{caption} REUTERS/Pavel Surikov", "REUTERS/Pavel Surikov"))
    assert hit.fix == Fix("caption", caption, safe=True)


@pytest.mark.parametrize(
    ("caption", "credit", "fixed"),
    [
        (
            "A crane lifts a container (REUTERS/Pavel Surikov) at the terminal in Khabarovsk.",
            "REUTERS/Pavel Surikov",
            "A crane lifts a container at the terminal in Khabarovsk.",
        ),
        (
            "A crane lifts a container. Reuters / Pavel Surikov. It is the first in Khabarovsk.",
            "REUTERS/Pavel Surikov",
            "A crane lifts a container. It is the first in Khabarovsk.",
        ),
        (
            "Trucks queue, Photo by Yulia Zorina / AFP, outside Khabarovsk on Oct. 9, 2024.",
            "Yulia Zorina / AFP",
            "Trucks queue, outside Khabarovsk on Oct. 9, 2024.",
        ),
    ],
)
def test_the_credit_pasted_inside_the_caption(caption: str, credit: str, fixed: str) -> None:
    (hit,) = hits(facts(caption, credit))
    assert hit.fix == Fix("caption", fixed, safe=True)


def test_with_no_credit_the_captions_credit_moves_to_the_credit_field() -> None:
    subject = facts(f"{TRUCKS} (Photo by Yulia ZORINA / AFP)", None)
    (first,) = hits(subject)
    assert first.message.endswith("and the credit is empty: move it to the credit")
    assert first.fix == Fix("credit", "Photo by Yulia ZORINA / AFP", safe=True)
    (second,) = hits(replace(subject, credit=first.fix.value))  # then the copy goes, safely
    assert second.fix == Fix("caption", TRUCKS, safe=True)


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Reuters reported that a crane lifted the first container in Khabarovsk.", "Reuters"),
        ("Brian Ries, who took the picture, said the sign was homemade.", "Brian Ries"),
        ("The picture was released by North Korea's Korean Central News Agency.", "KCNA"),
        ("Marie Colvin, shown in a photo from the Sunday Times, was killed in Syria.", None),
        ("Putin (left) and Turkish President Recep Tayyip Erdogan (file photo)", "AP"),
        ("An AP photographer was assaulted outside the US Capitol. (Jan. 7)", None),
        ("XREUTERS/Pavel Surikov is no credit inside a word.", "REUTERS/Pavel Surikov"),
        ("", "Korean Central News Agency/Korea News Service via AP"),
    ],
)
def test_credit_in_caption_stays_quiet_on_captions_without_one(
    caption: str, credit: str | None
) -> None:
    assert hits(facts(caption, credit)) == []


def test_the_demo_desks_captions_hold_no_second_credit() -> None:
    assert [name for name, caption in desk_captions() if hits(facts(caption, None))] == []


def test_dev_set_each_labelled_credit_left_in_its_caption_is_found(shared_dir: Path) -> None:
    """Every real caption of dev.jsonl whose credit the importer finds: stored with its credit
    still inside, PD205 offers the importer's caption, safely; the importer's caption itself
    holds no second credit."""
    rows = [json.loads(line) for line in (shared_dir / "credits" / "dev.jsonl").open()]
    found = 0
    for row in rows:
        draft = caption_from_text(row["text"])
        assert hits(facts(draft.caption, row["credit"])) == [], row["text"]
        if draft.credit is None:
            continue
        found += 1
        (hit,) = hits(facts(row["text"], row["credit"]))
        assert hit.fix == Fix("caption", draft.caption, safe=True), row["text"]
    assert found >= 130


CREDITS = (
    "REUTERS/Pavel Surikov",
    "Reuters",
    "Yonhap",
    "Photo by Yulia ZORINA / AFP",
    "Matt Dunham, AP Photo",
    "Moises Castillo, The Associated Press",
    "Justin Edmonds for The New York Times",
    "Jim Hollander/Pool via AP",
    "Photograph: Allan Charter",
    "Courtesy of the Authors",
    "© Geoff ROBIN / AFP",
    "Xinhua 2024",
    "Korean Central News Agency/Korea News Service via AP",
)
CAPTIONS = (
    "A crane lifts the first container in Khabarovsk on October 10.",
    "The river freighter Amurskaya Zarya at the new terminal's berth on Thursday.",
    "IMAGE: Putin and Kim visit the space rocket launch site.",
    "Workers at Willow Avenue in Hoboken, N.J., the site of a water line break.",
    "",
)
LAYOUTS = (" {}", ". {}", " ({})", "\n{}", "  {}", " — {}", " {} #", " ({}) (END)")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CAPTIONS), st.sampled_from(CREDITS), st.sampled_from(LAYOUTS))
def test_the_cheap_signs_never_hide_a_credit_the_splitter_finds(
    caption: str, credit: str, layout: str
) -> None:
    text = caption + layout.format(credit)
    if split_credit(text).credit is not None:
        assert may_end_with_credit(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_the_cheap_signs_never_raise(text: str) -> None:
    assert may_end_with_credit(text) in (True, False)
