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
from collections.abc import Sequence

from photodesk.core.metadata import Value
from photodesk.metadata.fields import XMP_PROPERTIES, FieldSpec

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RDF_RDF = _RDF + "RDF"
RDF_DESCRIPTION = _RDF + "Description"
RDF_LI = _RDF + "li"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WANTED = frozenset(XMP_PROPERTIES)
_LIST_KINDS = frozenset({"seq", "bag"})
_NO_ITEMS: tuple[str, ...] = ()  # no rdf:li items
_X_DEFAULT = "x-default"


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
    for key in attributes.keys() & _WANTED if attributes else ():
        attribute = XMP_PROPERTIES[key]
        text = attributes[key].strip()
        if text and attribute.name not in values:  # _shaped without items, inlined
            values[attribute.name] = (text,) if attribute.xmp_kind in _LIST_KINDS else text
    for prop in description:
        spec = XMP_PROPERTIES.get(prop.tag)
        if spec is None or spec.name in values:
            continue
        if complete is not None and id(prop) not in complete:
            continue
        langs, texts = _items(prop) if len(prop) else (_NO_ITEMS, _NO_ITEMS)
        value = _shaped(spec, langs, texts, prop.text or "")
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


def _items(prop: ET.Element) -> tuple[list[str | None], list[str]]:
    """The language and text of each non-empty ``rdf:li`` of the property's container.

    Two parallel lists rather than pairs, so that ``_shaped`` picks with list methods in C.
    """
    langs: list[str | None] = []
    texts: list[str] = []
    for container in prop:
        for li in container:
            text = li.text
            if text and li.tag == RDF_LI:
                text = text.strip()
                if text:
                    langs.append(li.get(XML_LANG))
                    texts.append(text)
    return langs, texts


def _shaped(spec: FieldSpec, langs: Sequence[str | None], texts: Sequence[str], text: str) -> Value:
    """The value in the field's shape, tolerating writers that used the wrong RDF container.

    Lists take every item; a single value takes the ``x-default`` alternative, else the first.
    """
    if spec.xmp_kind in _LIST_KINDS:
        if texts:
            return tuple(texts)
        text = text.strip()
        return (text,) if text else ()
    if not texts:
        return text.strip()
    return texts[langs.index(_X_DEFAULT)] if _X_DEFAULT in langs else texts[0]
