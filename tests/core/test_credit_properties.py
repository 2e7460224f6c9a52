"""Properties of the credit grammar that hold for every input, not only the ones we thought of."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.core.captions import caption_from_text
from photodesk.core.credit_format import format_credit
from photodesk.core.credit_parse import parse_credit
from photodesk.core.types import Credit

# A hang guard, not a speed measurement: real inputs take well under a millisecond.
GENEROUS = settings(max_examples=300, deadline=timedelta(seconds=2))

PEOPLE = st.sampled_from(
    [
        "Evan Vucci",
        "Geoff ROBIN",
        "Ahn Young-joon",
        "Nhat V. Meyer",
        "Sameer Al-DOUMY",
        "Ibraheem Abu Mustafa",
        "Jim Lo Scalzo",
        "ABIR SULTAN",
        "Kim Hong-Ji",
        "Ju Peng",
    ]
)
BODIES = st.sampled_from(
    [
        "Russian Defence Ministry",
        "Government of Primorsky region",
        "Kremlin",
        "Sputnik",
        "Korean Central News Agency",
        "Ukrainian Presidential Press Service",
        "Hulton Archive",
        "Israel Antiquities Authority",
        "Court TV",
        "Anadolu Agency",
        "dpa",
        "KCNA",
        "Vatican Media",
    ]
)
AGENCIES = st.sampled_from(
    [
        "AFP",
        "AP",
        "AP Photo",
        "REUTERS",
        "Reuters",
        "Getty Images",
        "Getty",
        "EPA",
        "EPA-EFE",
        "Xinhua",
        "Yonhap",
        "Bloomberg",
        "The New York Times",
        "NYT",
        "ZUMA Press",
        "PA Wire",
    ]
)
MARKERS = st.sampled_from(["Handout", "HANDOUT", "Pool", "POOL", "File", "STR", "Stringer"])
LABELS = st.sampled_from(["", "Photo by ", "Photograph: ", "Photo: ", "Credit: ", "© ", "Foto: "])
SEPARATORS = st.sampled_from(["/", " / ", ", "])


@st.composite
def credit_lines(draw: st.DrawFn) -> str:
    """Credit lines built the way agencies build them: slots, separators, maybe ``via``."""
    slots = draw(st.lists(st.one_of(PEOPLE, BODIES, AGENCIES, MARKERS), min_size=1, max_size=4))
    line = draw(LABELS) + draw(SEPARATORS).join(slots)
    if draw(st.booleans()):
        line += " via " + draw(AGENCIES)
    return line


def structure(credit: Credit) -> tuple[object, ...]:
    return (
        credit.creators,
        credit.organizations,
        credit.agency,
        credit.handout,
        credit.pool,
        credit.via,
    )


@GENEROUS
@given(st.text(max_size=600))
def test_no_text_makes_the_grammar_raise(text: str) -> None:
    draft = caption_from_text(text)
    if draft.credit is not None:
        assert draft.credit.text
        assert draft.credit.text in " ".join(text.split()) or draft.credit.text in text


@GENEROUS
@given(
    st.lists(
        st.sampled_from(["(", ")", "[", "/", " ", ".", "via", "Photo by ", "A", "\n"]), max_size=400
    )
)
def test_bracket_and_separator_storms_terminate(pieces: list[str]) -> None:
    caption_from_text("".join(pieces))


def test_very_long_caption_is_handled() -> None:
    text = ("Word (x) / " * 20_000) + "(AP Photo/Evan Vucci)"
    draft = caption_from_text(text)
    assert draft.credit is not None and draft.credit.agency == "AP"


@GENEROUS
@given(credit_lines())
def test_parse_format_parse_is_stable(line: str) -> None:
    first = parse_credit(line)
    again = parse_credit(format_credit(first))
    assert structure(again) == structure(first), format_credit(first)


# Caption words with no credit vocabulary, including the ones that once read as outlets
# (City, House, World, National, Stadium): no sentence of them may ever yield a credit.
ORDINARY = st.sampled_from(
    [
        "Smoke",
        "rises",
        "over",
        "Gaza",
        "City",
        "fans",
        "at",
        "the",
        "Olympic",
        "Stadium",
        "in",
        "Berlin",
        "White",
        "House",
        "World",
        "Cup",
        "National",
        "Park",
        "Union",
        "Square",
        "Global",
        "summit",
        "leaders",
        "meet",
        "on",
        "Monday",
        "a",
        "man",
        "walks",
        "past",
        "river",
        "Kyiv",
    ]
)


@GENEROUS
@given(st.lists(ORDINARY, min_size=1, max_size=12), st.sampled_from(["", ".", "\n"]))
def test_ordinary_caption_words_never_make_a_credit(words: list[str], end: str) -> None:
    text = " ".join(words) + end
    assert caption_from_text(text).credit is None, text


def test_house_styles() -> None:
    assert format_credit(parse_credit("Photo by Evan Vucci/AFP")) == "Evan Vucci / AFP"
    assert format_credit(parse_credit("Evan Vucci / AP")) == "AP Photo/Evan Vucci"
    assert format_credit(parse_credit("Evan Vucci, Sputnik via AP")) == "Evan Vucci, Sputnik via AP"
    assert format_credit(parse_credit("Reuters/Yuri Gripas")) == "REUTERS/Yuri Gripas"
    assert format_credit(parse_credit("Photo by Ezra Shaw/Getty")) == "Ezra Shaw/Getty Images"
    assert (
        format_credit(parse_credit("Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP"))
        == "Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP"
    )
