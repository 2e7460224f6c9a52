"""Format detection by content; only a ``.json`` suffix is taken at its word."""

from __future__ import annotations

import pytest

from photodesk.articles import ArticleFormatError, read_article
from photodesk.articles.detect import detect_format
from tests.articles import wire


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("scraped_wire.txt", "text"),
        ("wire_page.html", "html"),
        ("wire_story.md", "markdown"),
        ("ninjs_v1.json", "ninjs"),
        ("ninjs_v2.json", "ninjs"),
        ("ninjs_v3.json", "ninjs"),
    ],
)
def test_fixtures_are_detected_whatever_their_suffix(name, expected):
    text = wire.fixture_text(name)
    for suffix in ("", ".txt", ".md", ".html"):
        assert detect_format(text, suffix) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<figure><img src=a.jpg><figcaption>Kim.</figcaption></figure>", "html"),
        ("<!-- saved page -->\n<!doctype html><p>x</p>", "html"),
        ("Some intro.\n<p>Para</p>\n<p>Para</p>\n<img src='a.jpg'>", "html"),
        ("Intro line\n\n![alt](a.jpg)\n", "markdown"),
        ("## Heading\n\ntext\n", "markdown"),
        ("[Photo] Kim waves. (AP Photo/X)\n", "text"),
        ("Kim waves (5,000 miles)\n", "text"),
    ],
)
def test_content_decides(text, expected):
    assert detect_format(text) == expected


def test_bare_prose_is_text_whatever_the_suffix_but_json_says_json():
    assert detect_format("Just prose.\n", ".md") == "text"
    assert detect_format("Just prose.\n", ".html") == "text"
    assert detect_format("Just prose.\n", ".JSON") == "ninjs"  # so that it fails as bad JSON


def test_read_article_dispatches_and_refuses_empty_text():
    assert read_article(wire.fixture_text("wire_story.md")).format == "markdown"
    assert read_article("\ufeffTitle\n\nBody.\n").title == "Title"
    with pytest.raises(ArticleFormatError, match="empty"):
        read_article(" \n\t")
