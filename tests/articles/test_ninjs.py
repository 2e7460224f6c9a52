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
    assert article.date == "2024-03-02T09:02:00+00:00"  # firstcreated, not versioncreated
    assert wire.pairs(article) == [
        (wire.SHIP, wire.AP_VUCCI),  # creditline wins over the photographer's byline
        (wire.MINISTRY, wire.REUTERS),
        (wire.DOCKS, None),  # no creditline, no byline; listed twice, counted once
    ]
    assert article.captions[0].image == "https://photos.example.com/odesa-ship.jpg"  # original


def test_ninjs_2x_associations_array():
    article = read_ninjs(wire.fixture_text("ninjs_v2.json"))
    assert (article.title, article.byline) == (wire.TITLE, "Jane Roe and Sam Doe")
    assert article.date == "2024-03-02T09:02:00+02:00"  # publication, not the last update
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
    assert (article.title, article.date) == (wire.TITLE, "2024-03-02T09:02:00+00:00")
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


# `by` is a creator (review finding 3), article dates (6), nesting (7), body_html pictures (9).
FIREFIGHTERS = (
    "Firefighters work at the site of a Russian missile strike in Kyiv, Ukraine March 5, 2024."
)


@pytest.fixture(scope="module")
def by_and_body():
    return read_ninjs(wire.fixture_text("ninjs_by_and_body.json"))


def test_a_photographer_in_by_does_not_replace_the_credit_in_the_caption(by_and_body):
    first = by_and_body.captions[0]
    assert (first.caption, first.credit and first.credit.text) == (
        FIREFIGHTERS,
        "REUTERS/Valentyn Ogirenko",
    )
    assert first.credit is not None and first.credit.agency == "Reuters"


def test_by_is_the_credit_only_when_nothing_else_is():
    def picture(uri: str, caption: str, **extra: str) -> dict[str, object]:
        descriptions = [{"role": "caption", "value": caption}]
        return {"type": "picture", "uri": uri, "by": "Valentyn Ogirenko", **extra} | {
            "descriptions": descriptions
        }

    document = {
        "uri": "urn:a",
        "headline": "H",
        "associations": [
            picture("urn:1", wire.DOCKS),
            picture("urn:2", wire.TUG, creditline=wire.REUTERS),
            picture("urn:3", f"{wire.SHIP} ({wire.AP_VUCCI})"),
        ],
    }
    assert wire.pairs(read_ninjs(json.dumps(document))) == [
        (wire.DOCKS, "Valentyn Ogirenko"),  # nothing else: by stands in
        (wire.TUG, wire.REUTERS),  # the creditline
        (wire.SHIP, wire.AP_VUCCI),  # the credit printed in the caption
    ]


def test_ninjs_3x_by_objects_name_people():
    document = {
        "$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json",
        "uri": "urn:a",
        "headlines": [{"role": "main", "value": "Heatwave grips Delhi"}],
        "by": [{"name": "Aditi Shah"}, {"name": "Sakshi Dayal"}],
        "associations": [
            {
                "type": "picture",
                "uri": "urn:p",
                "descriptions": [{"role": "caption", "value": wire.DOCKS}],
                "by": [{"name": "Anushree Fadnavis", "role": "photographer"}],
            }
        ],
    }
    article = read_ninjs(json.dumps(document))
    assert article.byline == "Aditi Shah, Sakshi Dayal"
    assert wire.pairs(article) == [(wire.DOCKS, "Anushree Fadnavis")]


def test_the_article_date_is_first_published_not_last_updated(by_and_body):
    assert by_and_body.date == "2024-03-05T08:00:00+02:00"


def test_pictures_only_in_body_html_follow_the_associations_once(by_and_body):
    assert [c.image for c in by_and_body.captions] == [
        "https://img.example.com/1.jpg",
        "https://img.example.com/2.jpg",
        "https://img.example.com/3.jpg",
        "https://img.example.com/inline-only.jpg",
    ]
    assert wire.pairs(by_and_body)[-1] == (
        "Smoke rises over Kyiv after the strike.",
        "REUTERS/Gleb Garanich",
    )


def test_a_body_html_figure_repeating_an_association_is_not_a_second_picture():
    body = f'<figure><img src="/inline/ship.jpg"><figcaption>{wire.SHIP}</figcaption></figure>'
    association = {
        "type": "picture",
        "uri": "https://photos.example.com/odesa-ship.jpg",
        "description_text": wire.SHIP,
        "creditline": wire.AP_VUCCI,
    }
    document = {"uri": "urn:a", "body_html": body, "associations": {"main": association}}
    assert wire.pairs(read_ninjs(json.dumps(document))) == [(wire.SHIP, wire.AP_VUCCI)]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"uri": "x", "headline": "h", "a": ' + "[" * 5_000 + "]" * 5_000 + "}",
        '{"uri": "x", "associations": '
        + '{"a": {"type": "composite", "associations": ' * 400
        + "{}"
        + "}}" * 400
        + "}",
    ],
    ids=["brackets", "deep-array", "deep-associations"],
)
def test_deeply_nested_json_is_refused_cleanly(text):
    with pytest.raises(ArticleFormatError, match="nested too deeply"):
        read_ninjs(text)
