"""The linker's text, date and reference helpers."""

from __future__ import annotations

from datetime import date

import pytest

from photodesk.core.linking_blocking import build_index
from photodesk.core.linking_features import caption_facts
from photodesk.core.linking_refs import name_keys, picture_ids, reference_evidence
from photodesk.core.linking_score import explain
from photodesk.core.linking_text import agency_parts, day_number, fold, tokens
from photodesk.core.linking_types import CaptionCandidate, PictureCandidate


def day(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on September 17, 2023.", day(2023, 9, 17)),
        ("Sunday, Sept. 17, 2023. Independent", day(2023, 9, 17)),
        ("in Khabarovsk, Russia, Wednesday, Oct. 9, 2024.", day(2024, 10, 9)),
        ("on 17 September 2023,", day(2023, 9, 17)),
        ("2023-09-17", day(2023, 9, 17)),
        ("2023:09:17 16:20:05", day(2023, 9, 17)),
        ("20230917", day(2023, 9, 17)),
        ("2023-09-18T09:56:00", day(2023, 9, 18)),
        ("provided Monday, Sept. 18, 2023, shows it on Sept. 17, 2023", day(2023, 9, 18)),
        ("on February 30, 2023", None),
        ("in May the rains came", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_in_every_agency_spelling(text: str | None, expected: int | None) -> None:
    assert day_number(text) == expected


def test_folding_drops_marks_and_case_but_keeps_scripts() -> None:
    assert fold("Ri Sŏng Chŏl’s LÉA") == "ri song chol's lea"
    assert fold("Хабаровск") == "хабаровск"  # й keeps its letter, loses its breve: и


def test_tokens_meet_across_word_forms_and_stopwords() -> None:
    assert tokens("North Korea's leader waves") == tokens("the North Korean leader waving")
    assert tokens("Sept. 17") == tokens("September 17")
    assert "the" not in tokens("the train") and "photo" not in tokens("handout photo")


def test_agency_parts_take_off_boilerplate_credit_and_dateline() -> None:
    caption, credit = agency_parts(
        "VLADIVOSTOK, RUSSIA - SEPTEMBER 17: Kim Jong Un at the aquarium on September 17, 2023 "
        "in Vladivostok, Russia. (Photo by Sasha Mordovets/Getty Images)"
    )
    assert caption == "Kim Jong Un at the aquarium on September 17, 2023 in Vladivostok, Russia."
    assert credit == "Photo by Sasha Mordovets/Getty Images"
    caption, credit = agency_parts(
        "Kim waves. (Photo by Handout / Government of Primorsky region / AFP) / RESTRICTED TO "
        'EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / X" - NO MARKETING'
    )
    assert (caption, credit) == (
        "Kim waves.",
        "Photo by Handout / Government of Primorsky region / AFP",
    )
    caption, credit = agency_parts(
        "Kim watches a walrus show. Independent journalists were not given access to cover the "
        "event depicted in this image distributed by the North Korean government. The content of "
        "this image is as provided and cannot be independently verified. (Korean Central News "
        "Agency/Korea News Service via AP)"
    )
    assert caption == "Kim watches a walrus show."
    assert credit == "Korean Central News Agency/Korea News Service via AP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AFP_36HK2QW.jpg", {"36HK2QW"}),
        ("AP24283537214406.jpg", {"AP24283537214406", "24283537214406"}),
        (
            "2024-10-10T001512Z_1_LYNXMPEK9A0C4_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG",
            {"LYNXMPEK9A0C4"},
        ),
        ("GettyImages-2176543210.jpg", {"2176543210"}),
        ("https://cdn.example/2023/09/36HK2QW-1200x800.webp?w=1200", {"36HK2QW"}),
        ("https://cdn.example/img/9f86d081884c7d65.jpg", set()),  # a hash, not an agency id
        ("kim-jong-un-20230917-final2.jpg", set()),  # a date and a word with a digit
    ],
)
def test_agency_ids_in_names(text: str, expected: set[str]) -> None:
    assert picture_ids(text) == expected


def test_reference_evidence() -> None:
    ref = name_keys("https://cdn.example/x/AFP_36HK2QW.webp?w=2")
    pic = name_keys("/desk/AFP_36HK2QW.jpg")
    assert ref & pic == {"afp_36hk2qw"}  # the extension may change, the name may not
    shapes = frozenset({(False, 7)})
    ids = frozenset({"36HK2QW"})
    assert reference_evidence(ref, ids, shapes, pic, ids, shapes) == 1.0
    other = name_keys("/desk/AFP_36HK2QX.jpg")
    assert reference_evidence(ref, ids, shapes, other, frozenset({"36HK2QX"}), shapes) == -1.0
    assert reference_evidence(frozenset(), frozenset(), frozenset(), pic, ids, shapes) == 0.0


def test_a_reference_to_a_file_on_the_desk_names_no_sibling_of_its_stem() -> None:
    ref, ids = name_keys("../pics/exiv2-bug922.png"), picture_ids("../pics/exiv2-bug922.png")
    png, tif = name_keys("/desk/exiv2-bug922.png"), name_keys("/desk/exiv2-bug922.tif")
    none: frozenset[tuple[bool, int]] = frozenset()
    assert reference_evidence(ref, ids, none, tif, ids, none) == 1.0  # a CMS conversion
    assert reference_evidence(ref, ids, none, png, ids, none, "exiv2-bug922.png") == 1.0
    assert reference_evidence(ref, ids, none, tif, ids, none, "exiv2-bug922.png") == -1.0
    index = build_index(
        [
            PictureCandidate(1, "/desk/exiv2-bug922.png"),
            PictureCandidate(2, "/desk/exiv2-bug922.tif"),
        ]
    )
    side = index.caption_side(caption_facts(CaptionCandidate(9, 1, "x", None, "exiv2-bug922.png")))
    assert side.named_file == "exiv2-bug922.png"
    assert explain(side, index.sides[1], index.idf) == (
        "the image reference names another file (exiv2-bug922.png)",
    )
