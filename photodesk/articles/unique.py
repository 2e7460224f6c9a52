"""Each picture once: the rule every reader applies before it returns its captions.

Pages print the same picture more than once (alt text and caption, a lazy-loading ``<img>`` and
its ``<noscript>`` twin, the ``og:image`` and the lead figure). A repeat is the same image, or the
same caption when there is no image to tell two pictures apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from photodesk.articles.textutil import dedupe_key
from photodesk.core.types import CaptionDraft


def unique_pictures(drafts: Iterable[CaptionDraft]) -> Iterator[CaptionDraft]:
    """The drafts in order, repeats of an earlier picture left out."""
    seen_images: set[str] = set()
    seen_captions: set[str] = set()
    for draft in drafts:
        image = image_key(draft.image)
        caption = dedupe_key(draft.caption)
        if image in seen_images or (not image and caption and caption in seen_captions):
            continue
        if image:
            seen_images.add(image)
        if caption:
            seen_captions.add(caption)
        yield draft


def image_key(image: str | None) -> str:
    """Where a picture lives, without host, query or leading ``./``: CDN variants compare equal."""
    if not image:
        return ""
    return urlsplit(image.strip()).path.lstrip("./").rstrip("/").casefold()


def same_image(first: str | None, second: str | None) -> bool:
    """True when two references name the same file (one may be relative to the other's site)."""
    a, b = image_key(first), image_key(second)
    return bool(a and b) and (a.endswith(b) or b.endswith(a))
