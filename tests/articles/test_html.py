"""HTML: figures, credit elements, alt fallback, caption boxes, chrome and duplicates."""

from __future__ import annotations

import pytest

from photodesk.articles import htmlnodes
from photodesk.articles.errors import ArticleFormatError
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


# Lazy loading (review finding 4), og:image size variants (5), author cards (6), nesting (7).
CDN = "https://cdn.example.com/img/2024/10/30/"


@pytest.fixture(scope="module")
def lazy_page():
    return read_html(wire.fixture_text("lazy_page.html"))


def test_lazy_figures_report_their_real_pictures(lazy_page):
    assert [c.image for c in lazy_page.captions] == [
        f"{CDN}valencia-floods_800.jpg",  # the figure, not the og:image crop
        f"{CDN}rescue.jpg",  # data-src behind /static/placeholder.gif
        f"{CDN}minister.jpg",  # the same placeholder again: not a duplicate
        f"{CDN}map.png",
        f"{CDN}bridge.jpg",
        f"{CDN}volunteers.jpg",
    ]


def test_og_image_of_another_size_is_the_lead_figure_once_with_its_credit(lazy_page):
    lead = lazy_page.captions[0]
    assert lead.credit is not None and lead.credit.text == "REUTERS/Eva Manez"
    assert sum("Cars piled up" in c.caption for c in lazy_page.captions) == 1


def test_author_card_bio_is_not_the_byline(lazy_page):
    assert lazy_page.byline == "Jane Roe and Sam Doe"


@pytest.mark.parametrize(
    ("img", "image"),
    [
        ('src="data:image/gif;base64,R0lGOD" data-src="real.jpg"', "real.jpg"),
        ('src="/img/blank.gif" data-lazy-src="real.jpg"', "real.jpg"),
        ('src="/img/spacer.svg" data-original="real.jpg"', "real.jpg"),
        ('src="/img/1px.gif" srcset="real.jpg 1x, real@2x.jpg 2x"', "real.jpg"),
        ('src="/img/lazy-placeholder.png"', None),
        ('src="/img/animation.gif"', "/img/animation.gif"),
    ],
)
def test_placeholder_sources(img, image):
    page = f"<figure><img {img}><figcaption>One. (AP Photo/A B)</figcaption></figure>"
    assert [c.image for c in read_html(page).captions] == [image]


def test_figures_sharing_a_placeholder_without_real_sources_are_all_kept():
    figure = '<figure><img src="/static/placeholder.gif"><figcaption>{}</figcaption></figure>'
    page = figure.format(wire.SHIP) + figure.format(wire.DOCKS)
    assert [c.caption for c in read_html(page).captions] == [wire.SHIP, wire.DOCKS]


def test_a_picture_seen_first_without_credit_takes_the_credit_of_its_repeat():
    page = f"""<p><img src="a.jpg" alt="{wire.SHIP}"></p><p>Body text.</p>
    <figure><img src="a-large.jpg"><figcaption>{wire.SHIP}
    <span class="credit">{wire.AP_VUCCI}</span></figcaption></figure>"""
    article = read_html(page)
    assert wire.pairs(article) == [(wire.SHIP, wire.AP_VUCCI)]
    assert article.captions[0].image == "a-large.jpg"


def test_html_nested_beyond_any_article_is_refused_not_parsed_for_minutes():
    depth = htmlnodes.MAX_NESTING + 10
    page = "<div>" * depth + '<figure><img src="a.jpg"></figure>' + "</div>" * depth
    with pytest.raises(ArticleFormatError, match="nested too deeply"):
        read_html(page)
