"""The RDF shapes XMP uses, read from a parsed packet into neutral field values.

Only the properties of the field table are read, and only at the top level of an
``rdf:Description`` (a ``dc:title`` nested in some structure is not the picture's title). A
property may be an attribute of ``rdf:Description`` or an element holding text, an ``rdf:Alt``
(language alternatives: ``x-default`` first, else the first), an ``rdf:Seq`` or an ``rdf:Bag``.
ElementTree names carry the namespace URI, so prefixes never matter. The first occurrence of a
property wins, as in every XMP toolkit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from photodesk.core.metadata import Value
from photodesk.metadata.fields import XMP_PROPERTIES, FieldSpec

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RDF_RDF = _RDF + "RDF"
RDF_DESCRIPTION = _RDF + "Description"
RDF_LI = _RDF + "li"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WANTED = frozenset(XMP_PROPERTIES)


def values_of(root: ET.Element, complete: set[int] | None = None) -> dict[str, Value]:
    """The wanted properties under ``root``; with ``complete``, only elements known to be whole."""
    values: dict[str, Value] = {}
    rdf = root if root.tag == RDF_RDF else next((e for e in root if e.tag == RDF_RDF), None)
    for description in rdf if rdf is not None else ():
        if description.tag == RDF_DESCRIPTION:
            _read_description(description, values, complete)
    return values


def _read_description(
    description: ET.Element, values: dict[str, Value], complete: set[int] | None
) -> None:
    """Attributes first (a set intersection in C: most attributes are not ours), then elements."""
    attributes = description.attrib
    for key in attributes.keys() & _WANTED:
        attribute = XMP_PROPERTIES[key]
        if attribute.name not in values and attributes[key].strip():
            values[attribute.name] = _shaped(attribute, [], attributes[key])
    for prop in description:
        spec = XMP_PROPERTIES.get(prop.tag)
        if spec is None or spec.name in values:
            continue
        if complete is not None and id(prop) not in complete:
            continue
        value = _shaped(spec, _items(prop), prop.text or "")
        if value:
            values[spec.name] = value


def salvage(body: bytes) -> dict[str, Value]:
    """The properties a broken packet completed before its error (a truncated file, say)."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    complete: set[int] = set()
    try:
        parser.feed(body)
        for event in parser.read_events():
            element = event[-1]
            if isinstance(element, ET.Element):
                root = element if root is None else root
                if event[0] == "end":
                    complete.add(id(element))
    except ET.ParseError:
        pass
    return {} if root is None else values_of(root, complete)


def _items(prop: ET.Element) -> list[tuple[str | None, str]]:
    """(language, text) of each non-empty ``rdf:li`` of the property's container."""
    items: list[tuple[str | None, str]] = []
    for container in prop:
        for li in container:
            if li.tag == RDF_LI and li.text and li.text.strip():
                items.append((li.get(XML_LANG), li.text.strip()))
    return items


def _shaped(spec: FieldSpec, items: list[tuple[str | None, str]], text: str) -> Value:
    """The value in the field's shape, tolerating writers that used the wrong RDF container."""
    if spec.xmp_kind in ("seq", "bag"):
        if items:
            return tuple(t for _, t in items)
        return (text.strip(),) if text.strip() else ()
    if not items:
        return text.strip()
    return next((t for lang, t in items if lang == "x-default"), items[0][1])
