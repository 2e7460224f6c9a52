"""The credit rules' helpers: edit distance, names, agencies, brackets, a picture's reading."""

from __future__ import annotations

from dataclasses import replace

import pytest

from photodesk.core.rules.credit_compare import is_name, mentions_agency, same_person
from photodesk.core.rules.credit_embedded import embedded
from photodesk.core.rules.credit_house import printed, unwrap
from photodesk.core.rules.didyoumean import distance, suggest
from tests.core.rules import facts as demo
from tests.core.rules.facts import picture


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("reuter", "reuters", 1), ("apf", "afp", 1), ("assoicated", "associated", 1), ("ab", "ba", 1),
     ("getty", "getty", 0), ("nbc", "bbc", 1), ("kitten", "sitting", 3)],
)  # fmt: skip
def test_distance_counts_a_swap_as_one_edit(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 5) == expected
    assert distance(a, b, expected) == expected


def test_distance_stops_at_its_limit() -> None:
    assert distance("government of khabarovsk", "getty images", 2) == 3


def test_suggestions_report_the_agency() -> None:
    (spelling,) = suggest("Assoicated Press")
    assert (spelling.printed, spelling.agency) == ("Associated Press", "AP")
    assert suggest("Reuters") == ()  # an agency is no misspelling
    assert suggest("Handout") == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [("Lea Fournier", "Léa Fournier"), ("YULIA ZORINA", "Yulia Zorina"),
     ("Zorina Yulia", "Yulia Zorina"), ("Nhat V. Meyer", "Nhat Meyer"),
     ("Young-joon Ahn", "Young Joon Ahn"), ("Павел Суриков", "Pavel Surikov")],
)  # fmt: skip
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("Nikolai Kravets", "Yulia Zorina"), ("Mikhail Metzel", "Yevgeny Korshunov")]
)
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)


@pytest.mark.parametrize(
    "value", ["HANDOUT", "Uncredited", "STRINGER", "STAFF", "-", "AFP", "Reuters Staff", "Pool"]
)
def test_by_lines_that_name_nobody(value: str) -> None:
    assert not is_name(value)


def test_agency_mentions_are_whole_words() -> None:
    assert mentions_agency("AFP via Getty Images", "AFP")
    assert mentions_agency("EPA-EFE", "EPA")
    assert not mentions_agency("KCNA via KNS", "AP")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("(AP Photo/Evan Vucci)", ("(", "AP Photo/Evan Vucci", ")")),
     ("(A) and (B)", ("", "(A) and (B)", "")), ("[AFP]", ("[", "AFP", "]")),
     ("(AFP", ("", "(AFP", ""))],
)  # fmt: skip
def test_unwrap_takes_only_enclosing_brackets(text: str, expected: tuple[str, str, str]) -> None:
    assert unwrap(text) == expected


def test_printed_cuts_label_and_brackets() -> None:
    cut = printed("(Photo by Handout / Government of Primorsky region / AFP)")
    assert (cut.opener, cut.label, cut.closer) == ("(", "Photo by ", ")")
    assert cut.body == "Handout / Government of Primorsky region / AFP"
    assert printed("Pic by Name / AFP", "Pic by").label == "Pic by "


def test_the_handout_picture_reads_as_a_handout() -> None:
    found = embedded(picture(demo.HANDOUT_AFP))
    assert found.agency == "AFP" and found.names == () and found.handout == "by-line"
    assert found.credit is not None
    assert found.credit.organizations == ("Government of Khabarovsk Territory",)
    assert embedded(picture(demo.HANDOUT_AFP)) is found  # read once per picture


def test_the_getty_source_is_getty_itself() -> None:
    found = embedded(picture(demo.GETTY))
    assert found.credit is not None and found.credit.organizations == ()
    assert found.names == ("Léa Fournier",)


def test_instructions_markers_count_but_prose_does_not() -> None:
    reuters = picture(demo.REUTERS)
    marked = replace(reuters, values={**reuters.values, "instructions": "HANDOUT - NO SALES"})
    assert embedded(marked).handout == "instructions"
    prose = replace(reuters, values={**reuters.values, "instructions": "WHAT THIS HANDOUT SHOWS"})
    assert embedded(prose).handout is None
