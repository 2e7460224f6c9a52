"""PLACEHOLDER being replaced by the real grammar."""
from __future__ import annotations

from photodesk.core.types import Credit


def parse_credit(text: str) -> Credit:
    parts = [p.strip() for p in text.replace(" via ", "/").split("/") if p.strip()]
    return Credit(text=text, agency=parts[-1] if parts else None, via=" via " in text)
