"""Markdown: front matter, image titles, caption lines after images, alt text, raw figures."""

from __future__ import annotations

import pytest

import photodesk.articles.captioning
import photodesk.articles.markdown
from photodesk.articles.detect import detect_format
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


# Front matter that PyYAML cannot type or that explodes (review finding 7).
@pytest.mark.parametrize("printed", ["2024-02-30", "2024-13-45", "2024-02-30 25:00:00"])
def test_impossible_front_matter_dates_are_kept_as_printed(printed):
    article = read_markdown(f"---\ntitle: T\ndate: {printed}\n---\n\nBody.\n")
    assert (article.title, article.date) == ("T", printed)


def test_yaml_dates_still_come_out_as_iso():
    article = read_markdown("---\ndate: 2024-03-02 16:15:00\n---\n\nBody.\n")
    assert article.date == "2024-03-02T16:15:00"


def test_yaml_aliases_in_front_matter_are_refused():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [
        f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdef", "bcdefg", strict=True)
    ]
    text = "---\n" + "\n".join([*lines, "author: *g"]) + "\n---\n\nBody.\n"
    with pytest.raises(ArticleFormatError, match="aliases"):
        read_markdown(text)


def test_deeply_nested_front_matter_is_an_article_error():
    text = "---\nauthor: " + "[" * 5000 + "]" * 5000 + "\n---\n\nBody.\n"
    with pytest.raises(ArticleFormatError, match="front matter"):
        read_markdown(text)


# Whitespace runs never reach the credit grammar (finding 8).
def test_whitespace_runs_are_squashed_before_the_grammar(monkeypatch):
    seen: list[str] = []

    def spying(module: object, name: str) -> None:
        real = getattr(module, name)

        def spy(*args: object) -> object:
            seen.extend(a for a in args if isinstance(a, str))
            return real(*args)

        monkeypatch.setattr(module, name, spy)

    for module, name in [
        (photodesk.articles.markdown, "caption_from_text"),
        (photodesk.articles.markdown, "caption_from_parts"),
        (photodesk.articles.captioning, "caption_from_text"),
    ]:
        spying(module, name)
    padding = "\u00a0" * 30_000
    text = f"![x](a.jpg)\n*{wire.SHIP}{padding}({wire.AP_VUCCI})*\n\n![y](b.jpg)\n{wire.DOCKS} \t\n"
    assert wire.pairs(read_markdown(text))[0] == (wire.SHIP, wire.AP_VUCCI)
    assert seen
    assert not any("  " in t or "\u00a0" in t or "\t" in t for t in seen)


# TOML front matter and Hugo figure shortcodes (finding 9).
TOML = """+++
title = "Storm batters the coast"
date = 2023-11-02T07:30:00Z
author = ["Jane Roe", "Sam Doe"]
+++

Body text.
"""


def test_toml_front_matter():
    article = read_markdown(TOML)
    assert (article.title, article.date, article.byline) == (
        "Storm batters the coast",
        "2023-11-02T07:30:00+00:00",
        "Jane Roe, Sam Doe",
    )
    assert detect_format(TOML) == "markdown"


def test_broken_toml_front_matter_is_reported():
    with pytest.raises(ArticleFormatError, match="front matter is not valid TOML"):
        read_markdown("+++\ntitle = \n+++\n\nBody.\n")


def test_hugo_figure_shortcodes():
    text = f"""Intro paragraph.

{{{{< figure src="/img/ship.jpg" caption="{wire.SHIP}" credit="{wire.AP_VUCCI}" >}}}}

{{{{< figure src="/img/docks.jpg" title="{wire.DOCKS}" attr="{wire.REUTERS}"
    attrlink="https://example.com/credits" >}}}}

{{{{% figure src="/img/tug.jpg" alt="Tug" caption="{wire.TUG} ({wire.GETTY})" %}}}}
"""
    article = read_markdown(text)
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),
        (wire.DOCKS, wire.REUTERS),  # title as caption; attr is the credit, attrlink only a URL
        (wire.TUG, wire.GETTY),  # the credit printed in the caption
    ]
    assert [c.image for c in article.captions] == [
        "/img/ship.jpg",
        "/img/docks.jpg",
        "/img/tug.jpg",
    ]
    assert detect_format(text) == "markdown"


def test_an_article_opening_with_a_shortcode_is_markdown_not_json():
    text = f'{{{{< figure src="a.jpg" caption="{wire.DOCKS}" >}}}}\n\nBody.\n'
    assert detect_format(text) == "markdown"


def test_a_shortcode_after_an_image_is_not_its_caption_line():
    text = f'![Ship](ship.jpg)\n\n{{{{< figure src="docks.jpg" caption="{wire.DOCKS} (AFP)" >}}}}\n'
    assert [c.image for c in read_markdown(text).captions] == ["ship.jpg", "docks.jpg"]
