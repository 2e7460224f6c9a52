"""Markdown: front matter, image titles, caption lines after images, alt text, raw figures."""

from __future__ import annotations

import pytest

from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.markdown import read_markdown
from tests.articles import wire


@pytest.fixture(scope="module")
def article():
    return read_markdown(wire.fixture_text("wire_story.md"))


def test_front_matter(article):
    assert article.format == "markdown"
    assert article.title == wire.TITLE  # front matter wins over the first heading
    assert article.date == "2024-03-02T16:15:00+00:00"
    assert article.byline == "Jane Roe, Sam Doe"


def test_every_image_once_in_reading_order(article):
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),  # the image title
        (wire.CRANES, wire.AP_LUKATSKY),  # italic line right under the image
        (wire.ZELENSKYY, wire.HANDOUT),  # next paragraph ends with a credit
        (wire.DOCKS, None),  # alt text, no credit
        (wire.TUG, wire.GETTY),  # title plus a credit-only line under it
        ("Grain is loaded into a silo near Izmail, Ukraine.", wire.SUPINSKY),  # raw <figure>
    ]
    assert [c.image for c in article.captions] == [
        "photos/odesa-ship.jpg",
        "photos/harbour.jpg",
        "photos/zelenskyy.jpg",
        "photos/chornomorsk.jpg",
        "photos/tugboat.jpg",
        "photos/silo.jpg",
    ]


def test_decoys_stay_body_text(article):
    for caption, credit in wire.pairs(article):
        for decoy in wire.DECOYS:
            assert decoy not in caption and decoy not in (credit or "")


def test_a_body_paragraph_after_an_image_is_not_its_caption():
    text = "![Tugboat in Odesa](tug.jpg)\n\nInsurers said premiums had fallen by a third.\n"
    assert wire.pairs(read_markdown(text)) == [("Tugboat in Odesa", None)]


def test_heading_is_the_title_without_front_matter():
    article = read_markdown("# Kim heads home\n\nBody.\n")
    assert (article.title, article.date, article.byline, article.captions) == (
        "Kim heads home",
        None,
        None,
        (),
    )


def test_two_images_in_one_paragraph_keep_their_own_captions():
    text = f'![a](1.jpg "{wire.SHIP} ({wire.AP_VUCCI})") ![b](2.jpg "{wire.DOCKS}")\n'
    assert wire.pairs(read_markdown(text)) == [(wire.SHIP, wire.AP_VUCCI), (wire.DOCKS, None)]


def test_broken_front_matter_is_reported():
    with pytest.raises(ArticleFormatError, match="front matter is not valid YAML"):
        read_markdown("---\ntitle: [unclosed\n---\n\nBody.\n")


def test_front_matter_author_mapping_and_plain_date():
    article = read_markdown("---\ntitle: T\ndate: 2 March 2024\nauthor: {name: Jane Roe}\n---\n")
    assert (article.title, article.date, article.byline) == ("T", "2024-03-02", "Jane Roe")
