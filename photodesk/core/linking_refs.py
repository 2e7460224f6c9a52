"""What an article's image reference says about which file it shows.

A page rarely points at the agency file itself: a CMS renames it (``AFP_36HK2QW-1200x800.webp``),
a CDN adds a path and a query, ninjs gives a rendition href. What survives is the file name, or
at least the agency's picture id inside it: AFP ``36HK2QW``, AP ``AP24283537214406``, Reuters
``LYNXMPEK9A0C4``, Getty ``2176543210``, and the IPTC job id / transmission reference.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_SPLIT_RE = re.compile(r"[A-Za-z0-9]+")
# Tokens that look like ids but are dates, times, sizes or a CDN's hex hash: 20230917,
# 10T001512Z, 1200x800, 9f86d081884c7d65.
_NOT_ID_RE = re.compile(
    r"(?:19|20)\d{6}|\d{0,4}T\d{4,6}Z?|\d{2,5}X\d{2,5}|\d{1,7}|(?=.*[A-F])[0-9A-F]{8,}"
)
_EXTENSION_RE = re.compile(r"\.[A-Za-z0-9]{2,5}$")


def basename(ref: str) -> str:
    """The file name of a path or URL, without query, fragment or folders, case-folded."""
    ref = ref.strip().split("#", 1)[0].split("?", 1)[0]
    return unquote(re.split(r"[/\\]", ref)[-1]).casefold()


def name_keys(ref: str) -> frozenset[str]:
    """The file name with and without its extension (a CMS converts JPEG to WebP)."""
    name = basename(ref)
    if not name:
        return frozenset()
    return frozenset({name, _EXTENSION_RE.sub("", name)})


def picture_ids(*texts: str | None) -> frozenset[str]:
    """Agency picture ids in file names, hrefs or a job id, upper-cased.

    An id has six or more letters and digits with at least two digits (a word is not an id), or
    eight or more digits that are not a date; AP's ``AP`` prefix is also dropped so that a bare
    number in a CMS name still meets the file.
    """
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        for token in _SPLIT_RE.findall(unquote(text)):
            token = token.upper()
            if len(token) < 6 or sum(c.isdigit() for c in token) < 2:
                continue
            if _NOT_ID_RE.fullmatch(token):
                continue
            found.add(token)
            if token.startswith("AP") and token[2:].isdigit():
                found.add(token[2:])
    return frozenset(found)


def id_shapes(ids: frozenset[str]) -> frozenset[tuple[bool, int]]:
    """(all digits, length) of each id: ten digits is Getty's shape, 13 letters Reuters'."""
    return frozenset((code.isdigit(), len(code)) for code in ids)


def reference_evidence(
    ref_names: frozenset[str],
    ref_ids: frozenset[str],
    ref_shapes: frozenset[tuple[bool, int]],
    names: frozenset[str],
    ids: frozenset[str],
    shapes: frozenset[tuple[bool, int]],
    named_file: str | None = None,
) -> float:
    """How strongly the reference names this picture: 1 its file name, 0.9 its agency id.

    ``named_file`` is the reference's file name, extension included, when a picture on the desk
    has exactly that name. Then that picture is the one named, and a picture the reference meets
    only by its name without extension or by an id (``exiv2-bug922.tif`` for a reference to
    ``exiv2-bug922.png``) is another file: evidence against (-1). Without an exact file, the name
    without extension still counts in full, since a CMS converts JPEG to WebP.

    A reference carrying an id of the same shape as one of the picture's ids (ten digits against
    ten digits, seven letters and digits against seven) but not the same id names another
    picture of that agency: evidence against (-1). An id of no comparable shape (a CMS's own
    number) says nothing (0).
    """
    if not ref_names:
        return 0.0
    if ref_names & names or ref_ids & ids:
        if named_file is not None:
            return 1.0 if named_file in names else -1.0
        return 1.0 if ref_names & names else 0.9
    return -1.0 if ref_shapes & shapes else 0.0
