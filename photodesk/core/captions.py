"""Turning the text an article prints under a picture into a CaptionDraft.

Article readers call these two functions and nothing else of the credit grammar, so that every
format gets the same splitting and parsing rules.
"""

from __future__ import annotations

from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_split import split_credit, strip_credit_brackets
from photodesk.core.types import CaptionDraft


def caption_from_text(text: str, image: str | None = None) -> CaptionDraft:
    """A caption whose credit, if any, is printed inside the same text."""
    split = split_credit(text)
    credit = parse_credit(split.credit) if split.credit else None
    return CaptionDraft(caption=split.caption, credit=credit, image=image)


def caption_from_parts(
    caption: str, credit_text: str | None, image: str | None = None
) -> CaptionDraft:
    """A caption and a credit that the page prints in separate elements.

    The caption text may still carry a credit of its own (a figcaption that repeats it); the
    separate element wins because it is the one the page marks up as the credit.
    """
    credit_text = strip_credit_brackets(credit_text or "")
    if not credit_text:
        return caption_from_text(caption, image)
    split = split_credit(caption)
    body = split.caption if split.credit else caption.strip()
    return CaptionDraft(caption=body, credit=parse_credit(credit_text), image=image)
