"""Each picture once: the rule every reader applies before it returns its captions.

Pages print the same picture more than once (alt text and caption, a lazy-loading ``<img>`` and
its ``<noscript>`` twin, the ``og:image`` crop and the lead figure, a ninjs association and the
same picture in ``body_html``). A repeat is the same image file, or the same caption text: the
social-card crop of a picture is another file with the same words. A lazy-loading placeholder is
no image at all, so two figures sharing one are not the same picture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from photodesk.articles.textutil import dedupe_key
from photodesk.core.types import CaptionDraft

_PLACEHOLDER_WORDS = frozenset({"placeholder", "blank", "spacer", "lazy", "lazyload", "1x1"})
_MIN_CAPTION_WORDS = 4  # shorter texts ("Photo", "Kim Jong Un") are labels shared by pictures


def unique_pictures(drafts: Iterable[CaptionDraft]) -> list[CaptionDraft]:
    """The drafts in order, repeats of an earlier picture folded into it.

    The first place a picture appears keeps its position; when a repeat carries a credit and the
    first did not (alt text before the figure that credits it), the repeat's reading wins.
    """
    kept: list[CaptionDraft] = []
    where: dict[str, int] = {}
    for draft in drafts:
        keys = _keys(draft)
        found = next((where[key] for key in keys if key in where), None)
        if found is None:
            found = len(kept)
            kept.append(draft)
        elif kept[found].credit is None and draft.credit is not None:
            kept[found] = replace(draft, image=draft.image or kept[found].image)
        where.update(dict.fromkeys(keys, found))
    return kept


def _keys(draft: CaptionDraft) -> list[str]:
    keys = []
    image = image_key(draft.image)
    if image:
        keys.append("image:" + image)
    caption = dedupe_key(draft.caption)
    if len(caption.split()) >= _MIN_CAPTION_WORDS:
        keys.append("caption:" + caption)
    return keys


def is_placeholder(image: str | None) -> bool:
    """A lazy-loading stand-in rather than a picture: a ``data:`` URI or a placeholder file."""
    if not image or not image.strip():
        return False
    ref = image.strip().casefold()
    if ref.startswith("data:"):
        return True
    name = urlsplit(ref).path.rsplit("/", 1)[-1]
    return bool(_PLACEHOLDER_WORDS.intersection(re.split(r"[^a-z0-9]+", name)))


def image_key(image: str | None) -> str:
    """Where a picture lives, without host, query or leading ``./``: CDN variants compare equal.

    Empty for no image and for a placeholder, which says nothing about which picture it is.
    """
    if not image or is_placeholder(image):
        return ""
    return urlsplit(image.strip()).path.lstrip("./").rstrip("/").casefold()


def same_image(first: str | None, second: str | None) -> bool:
    """True when two references name the same file (one may be relative to the other's site)."""
    a, b = image_key(first), image_key(second)
    return bool(a and b) and (a.endswith(b) or b.endswith(a))
