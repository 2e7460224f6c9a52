"""An XMP packet in, neutral field values out — safely, and fast enough for every file of a desk.

Entity bombs and external entities need a DTD. A packet whose bytes contain ``<!DOCTYPE`` is
therefore parsed by defusedxml with DTDs, entities and external references forbidden, and is
refused with a warning when it really declares one (the bytes may also sit in a CDATA section,
which defusedxml then parses correctly). Every other packet cannot declare an entity, so it goes
to the C-accelerated ElementTree parser: defusedxml's facade forces the pure-Python parser, which
took 153 µs on a 6.6 KB agency packet where this path takes 90 µs (a bare expat pass over the
same bytes, building nothing: 44 µs; 2-core reference machine under load). The packet is always
read as UTF-8 (UTF-16/32 packets are re-encoded first), so the byte scan cannot be defeated by a
declared legacy encoding. Packets that mention none of our namespaces (most camera XMP) are not
parsed at all; Photoshop's edit history and document ancestors are cut out of the bytes first
(``xmp_packet``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

from photodesk.core.metadata import BlockReading, Value
from photodesk.metadata.fields import XMP_NAMESPACES
from photodesk.metadata.xmp_packet import packet_body, without_bulk
from photodesk.metadata.xmp_rdf import salvage, values_of


def read_xmp(data: bytes) -> BlockReading:
    """The neutral fields an XMP packet holds; a malformed or hostile packet gives a warning."""
    warnings: list[str] = []
    body = packet_body(data, warnings)
    if body is None or not any(namespace in body for namespace in XMP_NAMESPACES):
        return BlockReading("xmp", {}, warnings=tuple(warnings))
    return BlockReading("xmp", _parse(body, warnings), warnings=tuple(warnings))


def _parse(body: bytes, warnings: list[str]) -> dict[str, Value]:
    if b"<!DOCTYPE" in body:
        return _parse_defused(body, warnings)
    lean = without_bulk(body)
    try:
        return values_of(_tree(lean))
    except ET.ParseError as error:
        failure = error
    if lean is not body:  # the cut met something unusual: judge the packet as it was written
        try:
            return values_of(_tree(body))
        except ET.ParseError as error:
            failure = error
    values = salvage(body)
    kept = "the complete values before it were kept" if values else "no value was read"
    warnings.append(f"XMP: not well-formed XML ({failure}); {kept}")
    return values


def _tree(body: bytes) -> ET.Element:
    parser = ET.XMLParser(encoding="UTF-8")
    parser.feed(body)
    return parser.close()


def _parse_defused(body: bytes, warnings: list[str]) -> dict[str, Value]:
    parser = DefusedET.DefusedXMLParser(encoding="UTF-8", forbid_dtd=True)
    try:
        parser.feed(body)
        return values_of(parser.close())
    except DefusedXmlException as error:
        warnings.append(f"XMP: refused, it {_why(error)}; no value was read from it")
    except ET.ParseError as error:
        warnings.append(f"XMP: not well-formed XML ({error}); no value was read")
    return {}


def _why(error: Exception) -> str:
    name = type(error).__name__
    if name == "DTDForbidden":
        return "declares a DTD (entity expansion and external references are not allowed)"
    if name == "ExternalReferenceForbidden":
        return "refers to an external entity"
    return "declares an entity"
