"""Turning the text an article prints under a picture into a CaptionDraft.

Article readers call these two functions and nothing else of the credit grammar, so that every
format gets the same splitting and parsing rules.
"""

from __future__ import annotations

from dataclasses import replace

from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_split import split_credit, strip_credit_brackets
from photodesk.core.types import CaptionDraft, CaptionSplit, Credit


def caption_from_text(text: str, image: str | None = None) -> CaptionDraft:
    """A caption whose credit, if any, is printed inside the same text."""
    split = split_credit(text)
    return CaptionDraft(caption=split.caption, credit=_credit_of(split), image=image)


def _credit_of(split: CaptionSplit) -> Credit | None:
    if not split.credit:
        return None
    credit = parse_credit(split.credit)
    return replace(credit, pool=True) if split.pool_marker else credit


def caption_from_parts(
    caption: str, credit_text: str | None, image: str | None = None
) -> CaptionDraft:
    """A caption and a credit that the page prints in separate elements.

    The separate element is what the page marks up as the credit, so it wins, except where it
    only names the agency that the caption's own credit names in more detail (ninjs
    ``creditline: "ASSOCIATED PRESS"`` beside a caption ending ``(DHA via AP, File)``).
    """
    credit_text = strip_credit_brackets(credit_text or "")
    split = split_credit(caption)
    inline = _credit_of(split)
    body = split.caption if inline else caption.strip()
    if not credit_text:
        return CaptionDraft(caption=body, credit=inline, image=image)
    separate = parse_credit(credit_text)
    return CaptionDraft(caption=body, credit=_richer(separate, inline), image=image)


def _richer(separate: Credit, inline: Credit | None) -> Credit:
    if inline is None or separate.creators or separate.organizations:
        return separate
    if separate.agency in (None, inline.agency):
        return inline
    return separate
