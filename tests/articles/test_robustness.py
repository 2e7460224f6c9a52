"""No text makes a reader crash or hang: bad input is an ArticleFormatError or an empty list.

Feeds are cut off mid-transfer and scrapers emit half-pages, so every fixture is also read
truncated at arbitrary points, alongside arbitrary text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.articles import ArticleFormatError, read_article
from tests.articles import wire

NAMES = [
    "scraped_wire.txt",
    "wire_page.html",
    "wire_story.md",
    "ninjs_v1.json",
    "ninjs_v2.json",
    "ninjs_v3.json",
]
MARKUP = st.sampled_from(
    ["<figure>", "<img src=a.jpg alt='x y z w'>", "<figcaption>", "![a](b.jpg)", "*", "---\n",
     "(AP Photo/X)", "{", '"associations": [', "\n\n", "By ", " — ", "REUTERS/"]
)  # fmt: skip


def _read(text: str) -> None:
    try:
        article = read_article(text)
    except ArticleFormatError:
        return
    assert all(isinstance(c.caption, str) for c in article.captions)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(MARKUP, st.text(max_size=40)), max_size=30).map("".join))
def test_arbitrary_text_never_crashes(text):
    _read(text)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=30, deadline=None)
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_truncated_fixtures_never_crash(name, cut):
    text = wire.fixture_text(name)
    _read(text[: int(len(text) * cut)])
