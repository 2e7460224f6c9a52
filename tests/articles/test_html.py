"""HTML: figures, credit elements, alt fallback, caption boxes, chrome and duplicates."""

from __future__ import annotations

import pytest

from photodesk.articles.html import read_html
from tests.articles import wire


@pytest.fixture(scope="module")
def article():
    return read_html(wire.fixture_text("wire_page.html"))


def test_metadata(article):
    assert article.format == "html"
    assert article.title == "Grain ships leave Odesa as Black Sea corridor reopens"
    assert article.date == "2024-03-02T16:15:00+00:00"
    assert article.byline == "Jane Roe"


def test_every_picture_once_in_reading_order(article):
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),  # credit <span>; alt repeats the figcaption; og:image too
        (wire.MINISTRY, wire.REUTERS),  # <cite> inside the figcaption
        (wire.DOCKS, None),  # lazy image with a <noscript> twin, no credit
        (wire.ZELENSKYY, wire.HANDOUT),  # <picture>, <small> credit
        (wire.TUG, wire.GETTY),  # no figcaption: alt text, credit <div> in the figure
        ("Grain is loaded into a silo near Izmail, Ukraine, March 1, 2024.", wire.SUPINSKY),
        (wire.CRANES, wire.AP_LUKATSKY),  # <img> in a <p>, caption paragraph after it
    ]


def test_images_point_at_the_real_file(article):
    assert [c.image for c in article.captions] == [
        "https://cdn.example.com/photos/odesa-ship.jpg",
        "/photos/moscow-ministry.jpg",
        "/photos/chornomorsk.jpg",
        "/photos/zelenskyy.jpg",
        "/photos/tugboat.jpg",
        "/photos/silo-thumb.jpg",
        "/photos/harbour.jpg",
    ]


def test_chrome_and_decoys_never_become_captions(article):
    for caption, credit in wire.pairs(article):
        for decoy in wire.DECOYS:
            assert decoy not in caption and decoy not in (credit or "")
    assert all("logo" not in (c.image or "") for c in article.captions)


def test_og_image_missing_from_the_body_is_the_lead_picture():
    page = """<html><head><meta property="og:title" content="T">
    <meta property="og:image" content="https://x.example/lead.jpg">
    <meta property="og:image:alt"
          content="Kim Jong Un waves from his train. (AP Photo/Ahn Young-joon)">
    </head><body><p>Body text only.</p></body></html>"""
    article = read_html(page)
    assert wire.pairs(article) == [("Kim Jong Un waves from his train.", "AP Photo/Ahn Young-joon")]
    assert article.captions[0].image == "https://x.example/lead.jpg"


def test_a_figure_whose_alt_repeats_the_caption_is_one_caption():
    page = f"""<article><h1>T</h1>
    <figure><img src="a.jpg" alt="{wire.SHIP}">
      <figcaption>{wire.SHIP} ({wire.AP_VUCCI})</figcaption></figure>
    <img src="a.jpg" alt="{wire.SHIP}">
    </article>"""
    assert wire.pairs(read_html(page)) == [(wire.SHIP, wire.AP_VUCCI)]


def test_gallery_figures_are_read_one_by_one():
    page = """<figure class="gallery">
      <figure><img src="1.jpg">
        <figcaption>One. <span class="credit">AP Photo/A B</span></figcaption></figure>
      <figure><img src="2.jpg">
        <figcaption>Two. <span class="credit">AP Photo/C D</span></figcaption></figure>
    </figure>"""
    assert wire.pairs(read_html(page)) == [("One.", "AP Photo/A B"), ("Two.", "AP Photo/C D")]


def test_icons_and_short_alt_text_are_not_pictures():
    page = """<article><p>Text <img src="icon.svg" alt="share"> more text.</p>
    <img src="px.gif" width="1" height="1" alt="A tracking pixel with a long alt text">
    </article>"""
    assert read_html(page).captions == ()


def test_resource_class_is_not_a_credit():
    page = """<figure><img src="a.jpg"><figcaption>Caption text.
    <a class="resource-link">more</a></figcaption></figure>"""
    assert wire.pairs(read_html(page)) == [("Caption text. more", None)]


def test_title_falls_back_to_og_title_then_title_tag():
    assert read_html("<head><title>Only title</title></head><p>x</p>").title == "Only title"
    with_og = '<head><meta property="og:title" content="OG"><title>T</title></head><h1>H</h1>'
    assert read_html(with_og).title == "OG"
