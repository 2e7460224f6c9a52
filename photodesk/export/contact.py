"""The contact sheet's content, shared by the HTML and the PDF renderers.

Both sheets show the same entries in the same order (each article's captions, then the pictures
no caption places) with the same words, so that what an editor prints from the browser and
what the PDF says cannot drift apart; each renderer only lays them out.

A status is always a symbol *and* a word (``✓ ok``, ``▲ warning``, ``✖ error``): a sheet printed
in black and white, or read by someone who does not tell red from green, says the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from photodesk.core.metadata import Value
from photodesk.export.sheet import Preview, Sheet, SheetCaption, SheetPicture

# The rules whose findings are terms of use rather than mistakes (check's PD110-PD112).
RESTRICTION_CODES = frozenset({"PD110", "PD111", "PD112"})
STATUS_SYMBOLS: Mapping[str, str] = {"ok": "✓", "warning": "▲", "error": "✖"}
UNPLACED = "not placed"  # the status word of a picture that no caption places
NO_PICTURE = "no picture linked"


@dataclass(frozen=True, slots=True)
class Entry:
    """One cell of the sheet: a caption (or an unplaced picture) and what to print beside it.

    ``key`` names the caption (empty for an unplaced picture: its file name says it all);
    ``preview`` is None when no picture is linked; ``status`` is ``ok|warning|error`` for a
    caption and ``not placed`` for a picture without one; ``codes`` are the finding codes.
    """

    key: str
    caption: str
    credit: str | None
    status: str
    codes: tuple[str, ...]
    picture: str | None
    preview: Preview | None
    restrictions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """A heading (an article's path, or the unplaced pictures) and its entries in order."""

    heading: str
    entries: tuple[Entry, ...]


def status_label(status: str) -> str:
    """The status as printed: symbol and word (``✖ error``), the word alone when it has none."""
    symbol = STATUS_SYMBOLS.get(status)
    return f"{symbol} {status}" if symbol else status


def groups(sheet: Sheet, previews: Mapping[str, Preview]) -> list[Group]:
    """Each article's captions in position order, then the pictures that no caption places."""
    pictures = {picture.path: picture for picture in sheet.pictures}
    found: list[Group] = []
    for caption in sheet.captions:
        entry = _caption_entry(caption, pictures, previews)
        if found and found[-1].heading == caption.article:
            found[-1] = Group(caption.article, (*found[-1].entries, entry))
        else:
            found.append(Group(caption.article, (entry,)))
    unplaced = tuple(
        _picture_entry(picture, previews) for picture in sheet.pictures if not picture.captions
    )
    if unplaced:
        found.append(Group("Pictures no caption places", unplaced))
    return found


def summary(sheet: Sheet) -> str:
    """One line: how many captions, in how many articles, by status."""
    counts = dict.fromkeys(STATUS_SYMBOLS, 0)
    for caption in sheet.captions:
        counts[caption.status] = counts.get(caption.status, 0) + 1
    articles = len({caption.article for caption in sheet.captions})
    by_status = ", ".join(f"{n} {status}" for status, n in counts.items())
    return (
        f"{len(sheet.captions)} captions in {articles} articles ({by_status}); "
        f"{len(sheet.pictures)} pictures"
    )


def _caption_entry(
    caption: SheetCaption, pictures: Mapping[str, SheetPicture], previews: Mapping[str, Preview]
) -> Entry:
    picture = pictures.get(caption.picture) if caption.picture is not None else None
    terms = _terms(picture.metadata.values) if picture is not None else []
    found = [f"{n.code}: {n.message}" for n in caption.notes if n.code in RESTRICTION_CODES]
    preview = None
    if caption.picture is not None:
        preview = previews.get(caption.picture, Preview(problem="no thumbnail made"))
    return Entry(
        key=f"caption {caption.id} (#{caption.position})",
        caption=caption.caption,
        credit=caption.credit,
        status=caption.status,
        codes=caption.findings,
        picture=caption.picture,
        preview=preview,
        restrictions=tuple(dict.fromkeys([*terms, *found])),
    )


def _picture_entry(picture: SheetPicture, previews: Mapping[str, Preview]) -> Entry:
    values = picture.metadata.values
    return Entry(
        key="",
        caption=_text(values.get("description")) or "",
        credit=_text(values.get("credit")),
        status=UNPLACED,
        codes=(),
        picture=picture.path,
        preview=previews.get(picture.path, Preview(problem="no thumbnail made")),
        restrictions=tuple(_terms(values)),
    )


def _terms(values: Mapping[str, Value]) -> list[str]:
    """The agency's own words on use: special instructions and usage terms, labelled."""
    found = []
    for name, label in (("instructions", "Instructions"), ("usage_terms", "Usage terms")):
        text = _text(values.get(name))
        if text:
            found.append(f"{label}: {text}")
    return found


def _text(value: Value | None) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else ", ".join(value)


def file_name(path: str) -> str:
    """The last part of a path, ``/`` or ``\\`` separated (the sheet never touches the file)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]
