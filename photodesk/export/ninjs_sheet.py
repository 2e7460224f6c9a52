"""``export --format ninjs``: the desk's captions as one IPTC ninjs 2.1 package.

The package (``type: composite``) associates one ``text`` item per article, and each article
associates its pictures in position order: the shape ninjs 2.x gives a story with pictures, so
a CMS that ingests agency ninjs ingests the desk's edit the same way (and photodesk's own
``extract`` reads it back: the round trip is tested).

Per picture association: the caption as a ``descriptions`` entry (role ``caption``), the credit
line as a ``descriptions`` entry (role ``creditline``; ninjs 2.x has no ``creditline`` property,
1.x had), the credit's creators in ``by``, the linked file as the ``original`` rendition (a
``file:`` URI), and from the file's embedded metadata the copyright notice, the usage terms and
the agency's instructions (``ednote``: a note for the receiving desk, not for publication).

Only keys of the ninjs 2.1 schema are written; every object that the schema requires to have a
``uri`` (the package, every association) and a ``name`` (associations, renditions) has one. A
caption with no linked picture has no rendition. Pictures that no caption places are not in the
package: ninjs describes the story, and they are not part of it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import quote

from photodesk.core.metadata import Value
from photodesk.export.contact import file_name
from photodesk.export.sheet import Sheet, SheetCaption, SheetPicture

STANDARD = {
    "name": "ninjs",
    "version": "2.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
}
URN = "urn:photodesk"
MEDIA_TYPES: Mapping[str, str] = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "dng": "image/x-adobe-dng",
    "webp": "image/webp",
    "heic": "image/heic",
    "avif": "image/avif",
    "psd": "image/vnd.adobe.photoshop",
}


def render_ninjs(sheet: Sheet) -> bytes:
    """The sheet as a ninjs 2.1 JSON document (UTF-8, indented, keys in schema order)."""
    pictures = {picture.path: picture for picture in sheet.pictures}
    articles: dict[str, list[SheetCaption]] = {}
    for caption in sheet.captions:
        articles.setdefault(caption.article, []).append(caption)
    document: dict[str, object] = {
        "standard": STANDARD,
        "uri": f"{URN}:sheet",
        "type": "composite",
        "representationtype": "partial",
        "headlines": [{"role": "main", "value": "Caption sheet"}],
        "associations": [
            _article(number, path, captions, pictures)
            for number, (path, captions) in enumerate(articles.items(), start=1)
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def uri(path: str) -> str:
    """A ``file:`` URI for an absolute path, else a photodesk URN naming the path as stored."""
    if path.startswith("/"):
        return "file://" + quote(path)
    return f"{URN}:path:" + quote(path, safe="")


def _article(
    number: int, path: str, captions: list[SheetCaption], pictures: Mapping[str, SheetPicture]
) -> dict[str, object]:
    return {
        "name": f"article-{number}",
        "uri": uri(path),
        "type": "text",
        "title": file_name(path),
        "associations": [
            _picture(caption, pictures.get(caption.picture or "")) for caption in captions
        ],
    }


def _picture(caption: SheetCaption, picture: SheetPicture | None) -> dict[str, object]:
    item: dict[str, object] = {
        "name": f"caption-{caption.id}",
        "uri": f"{URN}:caption:{caption.id}",
    }
    item["type"] = "picture"
    values: Mapping[str, Value] = picture.metadata.values if picture is not None else {}
    for key, value in (
        ("copyrightnotice", _text(values.get("copyright"))),
        ("usageterms", _text(values.get("usage_terms"))),
        ("ednote", _text(values.get("instructions"))),
    ):
        if value:
            item[key] = value
    descriptions = [{"role": "caption", "contenttype": "text/plain", "value": caption.caption}]
    if caption.credit:
        descriptions.append(
            {"role": "creditline", "contenttype": "text/plain", "value": caption.credit}
        )
    item["descriptions"] = descriptions
    creators = _creators(caption.parsed)
    if creators:
        item["by"] = creators
    if picture is not None:
        item["renditions"] = [_rendition(picture)]
    return item


def _rendition(picture: SheetPicture) -> dict[str, object]:
    rendition: dict[str, object] = {"name": "original", "href": uri(picture.path)}
    media = MEDIA_TYPES.get(picture.metadata.format or "")
    if media:
        rendition["contenttype"] = media
    if picture.metadata.width and picture.metadata.height:
        rendition["width"] = picture.metadata.width
        rendition["height"] = picture.metadata.height
    return rendition


def _creators(parsed: Mapping[str, object] | None) -> str | None:
    listed = parsed.get("creators") if parsed is not None else None
    if not isinstance(listed, (list, tuple)):
        return None
    names = [str(name) for name in listed if name]
    return ", ".join(names) or None


def _text(value: Value | None) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else ", ".join(value)
