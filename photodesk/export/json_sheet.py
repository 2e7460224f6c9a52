"""``export --format json``: the caption sheet in the shape DESIGN.md fixes for scripts.

``{"captions": [{"id", "article", "position", "caption", "credit", "parsed", "picture", "status",
"findings"}], "pictures": [{"path", "metadata", "captions"}]}``: every key always present, ``null``
or ``[]`` when empty, keys in that order, UTF-8 without escapes so that a caption reads as
written. Each caption and each picture is one line: ``grep`` and ``diff`` work on the file, a
person can read it, and every object is encoded by the C encoder (an indented dump of a
10,000-picture desk took seven times longer in the pure-Python one).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from photodesk.export.sheet import Sheet, SheetCaption, SheetPicture


def render_json(sheet: Sheet) -> bytes:
    """The sheet as UTF-8 JSON bytes, one caption or picture a line."""
    captions = _lines(caption_object(caption) for caption in sheet.captions)
    pictures = _lines(picture_object(picture) for picture in sheet.pictures)
    text = f'{{"captions": {captions},\n"pictures": {pictures}}}\n'
    return text.encode("utf-8")


def _lines(objects: Iterable[dict[str, object]]) -> str:
    encoded = [json.dumps(item, ensure_ascii=False) for item in objects]
    return "[\n" + ",\n".join(encoded) + "\n]" if encoded else "[]"


def caption_object(caption: SheetCaption) -> dict[str, object]:
    """One caption, keys in contract order."""
    return {
        "id": caption.id,
        "article": caption.article,
        "position": caption.position,
        "caption": caption.caption,
        "credit": caption.credit,
        "parsed": None if caption.parsed is None else dict(caption.parsed),
        "picture": caption.picture,
        "status": caption.status,
        "findings": list(caption.findings),
    }


def picture_object(picture: SheetPicture) -> dict[str, object]:
    """One picture, keys in contract order; ``metadata`` is the ``meta --json`` object."""
    return {
        "path": picture.path,
        "metadata": dict(picture.record),
        "captions": list(picture.captions),
    }
