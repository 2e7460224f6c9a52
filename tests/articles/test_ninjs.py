"""IPTC ninjs 1.x, 2.x and 3.x: picture associations only, article fields, version detection."""

from __future__ import annotations

import json

import pytest

from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.ninjs import load_ninjs, ninjs_version, read_ninjs
from tests.articles import wire


def test_ninjs_1x_associations_object():
    article = read_ninjs(wire.fixture_text("ninjs_v1.json"))
    assert (article.format, article.title, article.byline) == ("ninjs", wire.TITLE, "Jane Roe")
    assert article.date == "2024-03-02T16:15:00+00:00"  # versioncreated
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),  # creditline wins over the photographer's byline
        (wire.MINISTRY, wire.REUTERS),
        (wire.DOCKS, None),  # no creditline, no byline; listed twice, counted once
    ]
    assert article.captions[0].image == "https://photos.example.com/odesa-ship.jpg"  # original


def test_ninjs_2x_associations_array():
    article = read_ninjs(wire.fixture_text("ninjs_v2.json"))
    assert (article.title, article.byline) == (wire.TITLE, "Jane Roe and Sam Doe")
    assert article.date == "2024-03-02T18:15:00+02:00"
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),  # role caption, not alt
        (wire.ZELENSKYY, wire.HANDOUT),  # inside a gallery; HTML caption flattened
        (wire.TUG, wire.GETTY),  # no creditline: the picture's `by`
        (wire.DOCKS, None),
    ]
    assert [c.image for c in article.captions] == [
        "https://photos.example.com/odesa-ship.jpg",
        "https://photos.example.com/zelenskyy.jpg",
        "https://photos.example.com/tugboat.jpg",  # no renditions: the uri
        "https://photos.example.com/chornomorsk.jpg",
    ]


def test_ninjs_3x_camel_case_and_creditline_description():
    article = read_ninjs(wire.fixture_text("ninjs_v3.json"))
    assert (article.title, article.date) == (wire.TITLE, "2024-03-02T16:15:00+00:00")
    assert wire.pairs(article) == [(wire.MINISTRY, wire.REUTERS)]
    assert article.captions[0].image == "https://photos.example.com/moscow-ministry.jpg"


@pytest.mark.parametrize(
    ("name", "version"), [("ninjs_v1.json", 1), ("ninjs_v2.json", 2), ("ninjs_v3.json", 3)]
)
def test_version_detection(name, version):
    assert ninjs_version(load_ninjs(wire.fixture_text(name))) == version


def test_version_from_shape_without_schema():
    assert ninjs_version({"uri": "u", "associations": {"a": {}}}) == 1
    assert ninjs_version({"uri": "u", "associations": []}) == 2


def test_a_picture_item_is_its_own_caption():
    item = {
        "uri": "urn:p",
        "type": "picture",
        "headlines": [{"role": "main", "value": "Ukraine Grain"}],
        "descriptions": [{"role": "caption", "value": f"{wire.SHIP} ({wire.AP_VUCCI})"}],
    }
    assert wire.pairs(read_ninjs(json.dumps(item))) == [(wire.SHIP, wire.AP_VUCCI)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (wire.fixture_text("not_ninjs.json"), "not an IPTC ninjs document"),
        ("[1, 2, 3]", "not a JSON object"),
        ('{"uri": "x", ', "not valid JSON"),
    ],
)
def test_json_that_is_not_ninjs_is_an_error(text, reason):
    with pytest.raises(ArticleFormatError, match=reason):
        read_ninjs(text)
