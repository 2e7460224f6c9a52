"""XMP packets: RDF shapes, namespaces by URI, wrappers and encodings, hostile XML, speed."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.metadata.xmp import read_xmp

NS = (
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
    'xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"'
)


def packet(body: str, attrs: str = "", padding: int = 2000) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {NS}>'
        f'<rdf:Description rdf:about="" {attrs}>{body}</rdf:Description>'
        "</rdf:RDF></x:xmpmeta>\n" + " " * padding + '\n<?xpacket end="w"?>'
    ).encode()


AGENCY = packet(
    "<dc:description><rdf:Alt>"
    '<rdf:li xml:lang="fr">Une légende</rdf:li>'
    '<rdf:li xml:lang="x-default">A caption — with an em dash</rdf:li>'
    "</rdf:Alt></dc:description>"
    "<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li><rdf:li>John Roe</rdf:li></rdf:Seq></dc:creator>"
    "<dc:subject><rdf:Bag><rdf:li>politics</rdf:li><rdf:li>Paris</rdf:li></rdf:Bag></dc:subject>"
    '<dc:rights><rdf:Alt><rdf:li xml:lang="de">© Agentur</rdf:li></rdf:Alt></dc:rights>'
    "<photoshop:Headline>Summit</photoshop:Headline>"
    "<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang='x-default'>Editorial use only</rdf:li>"
    "</rdf:Alt></xmpRights:UsageTerms>",
    attrs='photoshop:Credit="REUTERS" photoshop:City="Paris" Iptc4xmpCore:CountryCode="FRA" '
    'photoshop:DateCreated="2024-10-10T14:30:00+02:00" photoshop:TransmissionReference="X1"',
)


def test_agency_packet_every_shape():
    reading = read_xmp(AGENCY)
    assert reading.block == "xmp" and reading.warnings == ()
    assert reading.values == {
        "credit": "REUTERS",
        "city": "Paris",
        "country_code": "FRA",
        "date_created": "2024-10-10T14:30:00+02:00",
        "job_id": "X1",
        "description": "A caption — with an em dash",
        "creators": ("Jane Doe", "John Roe"),
        "keywords": ("politics", "Paris"),
        "copyright": "© Agentur",  # no x-default: the first alternative
        "headline": "Summit",
        "usage_terms": "Editorial use only",
    }


def test_namespaces_are_matched_by_uri_not_prefix():
    data = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<r:Description xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:Credit="AP"'
        b' xmlns:photoshop="http://example.com/not-photoshop/" photoshop:Source="wrong">'
        b'<d:title xmlns:d="http://purl.org/dc/elements/1.1/">Plain title</d:title>'
        b"</r:Description></r:RDF></x:xmpmeta>"
    )
    assert read_xmp(data).values == {"credit": "AP", "title": "Plain title"}


def test_first_occurrence_wins_and_nested_properties_are_not_the_pictures():
    data = packet(
        "<photoshop:Credit>AFP</photoshop:Credit>"
        "<dc:relation><rdf:Bag><rdf:li><rdf:Description>"
        "<dc:title>Nested title</dc:title></rdf:Description></rdf:li></rdf:Bag></dc:relation>",
        attrs='photoshop:Credit="REUTERS"',
    )
    assert read_xmp(data).values == {"credit": "REUTERS"}


def test_lists_written_as_plain_text_become_one_item():
    data = packet("<dc:creator>Jane Doe</dc:creator><dc:subject>a, b, c</dc:subject>")
    assert read_xmp(data).values == {"creators": ("Jane Doe",), "keywords": ("a, b, c",)}


def test_attribute_lists_blank_attributes_and_blank_items():
    data = packet(
        "<dc:creator><rdf:Seq><rdf:li> </rdf:li><rdf:li/><rdf:li> Jane </rdf:li></rdf:Seq>"
        "</dc:creator><dc:title><rdf:Alt><rdf:li xml:lang='de'>Titel</rdf:li>"
        "<rdf:li xml:lang='x-default'>Title</rdf:li><rdf:li xml:lang='x-default'>Two</rdf:li>"
        "</rdf:Alt></dc:title>",
        attrs='dc:subject=" politics " photoshop:Credit="  " photoshop:City=" Paris "',
    )
    assert read_xmp(data).values == {
        "keywords": ("politics",),  # a list written as an attribute is one item
        "city": "Paris",
        "creators": ("Jane",),
        "title": "Title",  # the first x-default
    }


def test_trailing_nuls_and_junk_after_the_packet_are_tolerated():
    assert read_xmp(AGENCY + b"\x00" * 500).values["credit"] == "REUTERS"
    assert read_xmp(b"XMP\x00" + AGENCY + b"\xff\xd9garbage").values["credit"] == "REUTERS"


def test_utf16_packets_big_and_little_endian():
    text = AGENCY.decode()
    for encoding in ("utf-16-be", "utf-16-le", "utf-16", "utf-32-be"):
        reading = read_xmp(text.encode(encoding))
        assert reading.values["description"] == "A caption — with an em dash", encoding


def test_packets_without_our_namespaces_are_not_parsed():
    camera = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><broken'
    assert read_xmp(camera).values == {}
    assert read_xmp(camera).warnings == ()


def test_entity_bomb_is_refused_quickly():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">' for i in range(9))
        + "]>"
    ).encode() + packet("<dc:title>&lol8;</dc:title>")
    start = time.perf_counter()
    reading = read_xmp(bomb)
    assert time.perf_counter() - start < 0.5
    assert reading.values == {}
    assert any("refused" in w and "DTD" in w for w in reading.warnings)


def test_external_entity_is_refused_and_never_fetched():
    xxe = (
        b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        b'<!ENTITY net SYSTEM "http://203.0.113.1/x">]>'
    ) + packet("<dc:title>&xxe;&net;</dc:title>")
    reading = read_xmp(xxe)
    assert reading.values == {}
    assert any("refused" in w for w in reading.warnings)


def test_doctype_text_inside_cdata_is_not_a_dtd():
    data = packet(
        "<photoshop:Instructions><![CDATA[see <!DOCTYPE html>]]></photoshop:Instructions>"
    )
    reading = read_xmp(data)
    assert reading.values == {"instructions": "see <!DOCTYPE html>"}
    assert reading.warnings == ()


def test_edit_history_and_document_ancestors_are_skipped_without_changing_values():
    ancestors = "".join(f"<rdf:li>xmp.did:{n:032x}</rdf:li>" for n in range(3000))
    data = packet(
        '<xmpMM:History xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><rdf:Seq>'
        "<rdf:li><rdf:Description><dc:title>Not the title</dc:title></rdf:Description></rdf:li>"
        "</rdf:Seq></xmpMM:History>"
        f"<photoshop:DocumentAncestors><rdf:Bag>{ancestors}</rdf:Bag></photoshop:DocumentAncestors>"
        "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Title</rdf:li></rdf:Alt></dc:title>",
        attrs='photoshop:Credit="AP"',
    )
    assert read_xmp(data).values == {"credit": "AP", "title": "Title"}
    tagged = packet(
        "<photoshop:Instructions><![CDATA[keep <xmpMM:History> and </xmpMM:History> as text]]>"
        "</photoshop:Instructions>"
    )
    assert read_xmp(tagged).values == {
        "instructions": "keep <xmpMM:History> and </xmpMM:History> as text"
    }


def test_truncated_packet_keeps_only_complete_values():
    cut = AGENCY[: AGENCY.index(b"John Roe") + 4]
    reading = read_xmp(cut)
    assert reading.values["credit"] == "REUTERS"  # attributes of a complete start tag
    assert reading.values["description"] == "A caption — with an em dash"
    assert "creators" not in reading.values  # the Seq was cut: no half list
    assert any("not well-formed" in w for w in reading.warnings)


def test_not_xml_at_all():
    reading = read_xmp(b"http://purl.org/dc/elements/1.1/ but no markup")
    assert reading.values == {}
    assert reading.warnings


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=800))
def test_arbitrary_bytes_never_raise(data):
    read_xmp(b"http://purl.org/dc/elements/1.1/" + data)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_packets_never_raise(data):
    mutated = bytearray(AGENCY)
    for _ in range(data.draw(st.integers(1, 8))):
        index = data.draw(st.integers(0, len(mutated) - 1))
        mutated[index] = data.draw(st.integers(0, 255))
    read_xmp(bytes(mutated[: data.draw(st.integers(0, len(mutated)))]))
