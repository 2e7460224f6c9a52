"""Reader behaviour that needs the real credit grammar in ``photodesk.core`` (issue 2).

The readers decide *where* captions are; whether a bracket or a trailer *is a credit* is the
grammar's call (``split_credit``/``parse_credit``). These tests hold once the grammar, not the
first placeholder, is in place: unbracketed trailers, labelled own-line credits, markers such as
``(file photo)`` after a full sentence, and credits that name a person without a sentence before.
"""

from __future__ import annotations

from photodesk.articles.markdown import read_markdown
from photodesk.articles.text import read_text
from tests.articles import wire


def test_reuters_trailer_in_scraped_text():
    text = f"Kim heads home\n\n{wire.MINISTRY} {wire.REUTERS}\n\nBody text follows.\n"
    assert wire.pairs(read_text(text)) == [(wire.MINISTRY, wire.REUTERS)]


def test_labelled_credit_on_its_own_line_joins_the_caption():
    text = f"Kim heads home\n\n{wire.TUG}\nPhotograph: {wire.GETTY}\n\nBody text follows.\n"
    assert wire.pairs(read_text(text)) == [(wire.TUG, f"Photograph: {wire.GETTY}")]


def test_file_photo_marker_after_a_sentence_is_body_text():
    text = "Kim heads home\n\nThe ministry released the footage on Monday. (file photo)\n"
    assert read_text(text).captions == ()


def test_credit_naming_a_photographer_needs_no_full_stop():
    caption = "A girl eats a cookie at the Iowa State Fair (AP Photo/Charlie Neibergall)"
    text = f"Kim heads home\n\n{caption}\n"
    assert wire.pairs(read_text(text)) == [
        ("A girl eats a cookie at the Iowa State Fair", "AP Photo/Charlie Neibergall")
    ]


def test_reuters_trailer_in_an_italic_markdown_caption():
    text = f"![Moscow](moscow.jpg)\n*{wire.MINISTRY} {wire.REUTERS}*\n"
    assert wire.pairs(read_markdown(text)) == [(wire.MINISTRY, wire.REUTERS)]


def test_seed_credits_are_parsed_in_full():
    text = f"Kim heads home\n\n{wire.ZELENSKYY} ({wire.HANDOUT})\n"
    credit = read_text(text).captions[0].credit
    assert credit is not None
    assert (credit.agency, credit.handout, credit.organizations) == (
        "AFP",
        True,
        ("Ukrainian Presidential Press Service",),
    )
