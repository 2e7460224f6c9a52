"""PLACEHOLDER being replaced by the real grammar."""
from __future__ import annotations

import re

from photodesk.core.types import CaptionSplit


def strip_credit_brackets(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] in "([" and text[-1] in ")]":
        return text[1:-1].strip()
    return text


def split_credit(text: str) -> CaptionSplit:
    m = re.search(r"\(([^()]*)\)\s*$", text)
    if m:
        return CaptionSplit(text[: m.start()].strip(), m.group(1).strip())
    return CaptionSplit(text.strip(), None)
