"""Scraped text: chrome, title/byline/date, repeated captions, own-line credits and decoys."""

from __future__ import annotations

import pytest

from photodesk.articles.captioning import caption_in_paragraph, is_decoy
from photodesk.articles.chrome import is_chrome, parse_byline
from photodesk.articles.text import paragraphs, read_text
from tests.articles import wire


@pytest.fixture(scope="module")
def article():
    return read_text(wire.fixture_text("scraped_wire.txt"))


def test_head_comes_from_the_chrome(article):
    assert article.format == "text"
    assert article.title == "Ukraine’s grain corridor reopens as first ships leave Odesa"
    assert article.byline == "Jane Roe and Sam Doe"
    assert article.date == "2024-03-02T16:15:00"


def test_captions_in_reading_order_each_once(article):
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),
        (wire.ZELENSKYY, wire.HANDOUT),
        (wire.DOCKS, None),
        (wire.TUG_DATED, wire.GETTY),
    ]


def test_no_decoy_or_body_paragraph_is_a_caption(article):
    for caption, credit in wire.pairs(article):
        for decoy in wire.DECOYS:
            assert decoy not in caption and decoy not in (credit or "")
    assert all("Insurers" not in c for c, _ in wire.pairs(article))


@pytest.mark.parametrize(
    "paragraph",
    [
        "ODESA, Ukraine (AP) — The first convoy left on Friday (file photo)",
        "(Reporting by Tom Balmforth; Editing by Alex Richardson)",
        "Reporting by Tom Balmforth in Kyiv (Reuters)",
        "Kim is heading back to North Korea by bulletproof train. —AFP",
        "(CNN) -- Welcome to New York City.",
    ],
)
def test_wire_furniture_is_a_decoy(paragraph):
    assert is_decoy(paragraph)
    assert caption_in_paragraph(paragraph, repeated=True) is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "The route runs roughly 8,000 kilometers (5,000 miles)",
        "“We will not fund it,” said Sen. Ron Johnson (R-Wis.)",
        "Putin and Erdogan met in Sochi in 2023 (file photo)",
        "The convoy left on Friday, officials said.",
    ],
)
def test_body_paragraphs_ending_in_brackets_are_not_captions(paragraph):
    assert caption_in_paragraph(paragraph) is None


def test_a_caption_ends_with_a_credit_after_a_sentence():
    draft = caption_in_paragraph(f"{wire.SHIP} ({wire.AP_VUCCI})")
    assert draft is not None
    assert (draft.caption, draft.credit and draft.credit.text) == (wire.SHIP, wire.AP_VUCCI)


@pytest.mark.parametrize(
    "line",
    [
        " date 2023-09-18 Join our Community",
        "Home | World | Europe | Ukraine",
        "Share this article",
        "Comments (12)",
        "Advertisement",
        "Sign in to read more",
    ],
)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ukraine’s grain corridor reopens as first ships leave Odesa",
        "Kim heads home after a week in Russia",
        "A walrus show",
    ],
)
def test_headlines_are_not_chrome(line):
    assert not is_chrome(line)


def test_byline_stops_at_the_date():
    assert parse_byline("By AFP 18 September 2023, 9:56 am 0 Edit") == (
        "AFP",
        "2023-09-18T09:56:00",
    )
    assert parse_byline("By Jane Roe | Updated March 2, 2024") == ("Jane Roe", "2024-03-02")
    assert parse_byline("Kim heads home") is None


def test_hard_wrapped_paragraphs_are_joined_and_lines_are_not():
    wrapped = (
        "A cargo ship loaded with grain leaves the port of Odesa, Ukraine, on\n"
        "March 1, 2024, the first to sail since the corridor closed three weeks\n"
        "ago. (AP Photo/Evan Vucci)\n"
    )
    assert list(paragraphs(wrapped)) == [" ".join(wrapped.split())]
    assert list(paragraphs("Title\nBy Jane Roe\n\nBody.")) == ["Title", "By Jane Roe", "Body."]


def test_alt_text_without_credit_merges_with_its_caption():
    text = f"Title line\n\n{wire.ZELENSKYY[:-1]}\n{wire.ZELENSKYY} ({wire.HANDOUT})\n"
    assert wire.pairs(read_text(text)) == [(wire.ZELENSKYY, wire.HANDOUT)]


def test_the_same_caption_later_in_the_page_counts_once():
    line = f"{wire.SHIP} ({wire.AP_VUCCI})"
    text = f"Title line\n\n{line}\n\nBody text here.\n\n{line}\n"
    assert len(read_text(text).captions) == 1


def test_article_without_captions_is_empty_not_an_error():
    article = read_text("A headline\n\nOne paragraph of body text.\n")
    assert article.title == "A headline"
    assert article.captions == ()


def test_sentences_starting_with_by_are_not_bylines():
    text = (
        "Kim heads home\n\n"
        "By late afternoon, workers had loaded the ship at Odesa, Ukraine, March 1, 2024. "
        "(AP Photo/Evan Vucci)\n"
    )
    article = read_text(text)
    assert article.byline is None
    assert wire.pairs(article) == [
        (
            "By late afternoon, workers had loaded the ship at Odesa, Ukraine, March 1, 2024.",
            wire.AP_VUCCI,
        )
    ]


def test_short_captions_with_interface_words_are_not_chrome():
    assert not is_chrome("A girl shares a cookie at the fair. (AP Photo/Charlie Neibergall)")


# Credit lines on their own (review finding 1), bare agency brackets (finding 2), head (finding 6).
TASS = "© Vladimir Smirnov / TASS"
HANDSHAKE = (
    "Kim Jong Un and Vladimir Putin shake hands during their meeting at the Vostochny Cosmodrome."
)
TOURED = (
    "The two leaders toured the launch facilities before holding talks that lasted more than "
    "four hours."
)


def test_subheads_and_credit_before_caption_in_a_scraped_page():
    article = read_text(wire.fixture_text("subheads.txt"))
    assert wire.pairs(article) == [(HANDSHAKE, TASS)]


def test_a_credit_printed_before_its_caption_joins_the_caption_below():
    text = f"Kim heads home\n\n{TOURED}\n\n{TASS}\n{HANDSHAKE}\n\nBody text follows.\n"
    assert wire.pairs(read_text(text)) == [(HANDSHAKE, TASS)]


def test_a_lone_agency_line_between_paragraphs_is_not_a_credit():
    text = f"Kim heads home\n\n{TOURED}\n\nReuters\n\nWashington warned Pyongyang on Thursday.\n"
    assert read_text(text).captions == ()


def test_a_credit_line_under_body_text_does_not_make_it_a_caption():
    body = "Officials said the strike hit a residential building in the city centre overnight."
    text = f"Kim heads home\n\n{body}\n{wire.GETTY}\n\nBody text follows.\n"
    assert read_text(text).captions == ()


def test_a_photographer_credit_across_a_blank_line_still_joins_its_caption():
    text = f"Kim heads home\n\n{wire.TUG}\n\nPhotograph: {wire.GETTY}\n\nBody text follows.\n"
    assert wire.pairs(read_text(text)) == [(wire.TUG, f"Photograph: {wire.GETTY}")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ukraine said it had shot down 38 of 42 drones launched overnight. (Reuters)",
        "Analysts said the visit was Kim's first trip abroad since the pandemic. Yonhap",
        "This story has been updated with the latest casualty figures. (AFP)",
    ],
)
def test_a_text_story_citing_its_agency_is_not_a_caption(paragraph):
    assert caption_in_paragraph(paragraph) is None
    assert read_text(f"Kim heads home\n\n{paragraph}\n").captions == ()


def test_a_descriptive_caption_with_a_bare_agency_credit_is_a_caption():
    caption = "Police officers stand guard outside the Kremlin in Moscow, Russia, March 4, 2024."
    assert wire.pairs(read_text(f"Kim heads home\n\n{caption} (AFP)\n")) == [(caption, "AFP")]


def test_a_repeated_paragraph_with_a_bare_agency_credit_is_a_caption():
    line = "Ukraine said it had shot down 38 of 42 drones launched overnight. (Reuters)"
    article = read_text(f"Kim heads home\n\n{line}\n{line}\n")
    assert [credit for _, credit in wire.pairs(article)] == ["Reuters"]


def test_staff_byline_and_a_date_on_its_own_line():
    article = read_text(wire.fixture_text("subheads.txt"))
    assert (article.byline, article.date) == ("Reuters staff", "2023-09-13")
    assert article.title == "Kim and Putin pledge closer ties at Vostochny summit"
