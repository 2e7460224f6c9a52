"""A credit as the credit rules see it, and printed back in the desk's house style.

The rules need three things the parser does not give directly: a credit's structure even when
the editor typed it in brackets (``(AP Photo/Name)``), the label a credit was printed with (so a
proposed fix keeps ``Photo by`` where the house has no label of its own), and the credit printed
the way the house prints credits. PD101, PD102, PD106 and PD107 all propose text from here, so a
credit one rule proposes is a credit the others accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from photodesk.core.agencies import label_agency
from photodesk.core.credit_format import format_credit
from photodesk.core.credit_lexicon import POOL_LABEL_RE
from photodesk.core.credit_parse import parse_credit, strip_labels
from photodesk.core.credit_segments import is_pool_body
from photodesk.core.rules.model import CaptionFacts
from photodesk.core.types import Credit

_PAIRS = {"(": ")", "[": "]", "{": "}"}
# Distinct credit texts a desk may hold. A cache smaller than the working set is worse than
# none: a check walks the desk in order, and a least-recently-used cache then misses every time.
CREDITS = 32768


@dataclass(frozen=True, slots=True)
class Printed:
    """A credit line cut into what surrounds it and what it says.

    ``opener``/``closer`` are enclosing brackets (``(``, ``)``) or ''; ``label`` the label as
    printed (``Photo by ``) or ''; ``body`` the rest, which is what the parser reads.
    """

    opener: str
    label: str
    body: str
    closer: str

    def wrap(self, text: str) -> str:
        """``text`` in this credit's brackets."""
        return f"{self.opener}{text}{self.closer}"


def unwrap(text: str) -> tuple[str, str, str]:
    """(opener, inside, closer): one pair of brackets that encloses the whole text, if any.

    ``(A) and (B)`` is not enclosed: the bracket opened first closes before the end.
    """
    text = text.strip()
    if len(text) < 2 or _PAIRS.get(text[0]) != text[-1]:
        return "", text, ""
    depth = 0
    for index, char in enumerate(text):
        if char == text[0]:
            depth += 1
        elif char == text[-1]:
            depth -= 1
            if depth == 0 and index < len(text) - 1:
                return "", text, ""
    return text[0], text[1:-1].strip(), text[-1]


def house_label_end(text: str, label: str) -> int:
    """Where the house label ends at the start of ``text`` (0 when it is not there).

    Compared case-insensitively and with any spacing, so ``photo:Name`` carries ``Photo: ``.
    """
    words = label.split()
    if not words:
        return 0
    pattern = r"\s*".join(re.escape(word) for word in words)
    match = re.match(pattern + r"\s*", text, re.IGNORECASE)
    return match.end() if match else 0


@lru_cache(maxsize=CREDITS)
def printed(text: str, house_label: str = "") -> Printed:
    """``text`` cut into brackets, label and body (the house's own label recognised first)."""
    opener, inside, closer = unwrap(text)
    end = house_label_end(inside, house_label)
    if not end:
        body = strip_labels(inside)[0]
        end = len(inside) - len(body) if body and inside.endswith(body) else 0
    return Printed(opener, inside[:end], inside[end:].strip(), closer)


@lru_cache(maxsize=CREDITS)
def parsed_text(text: str) -> Credit:
    """The parse of a credit as typed, brackets and all (the parser expects none)."""
    return parse_credit(unwrap(text)[1])


def printed_text(text: str) -> str:
    """``text`` as the parser prints it (``Credit.text``): spaces collapsed, ends trimmed."""
    return " ".join(text.split())


def stored_parse_of(parsed: Credit | None, text: str) -> Credit | None:
    """The caption's stored parse when it is exactly ``parse_credit(text)``, else None.

    A rule that judges a credit's text needs that text's parse; the desk stored one when the
    credit was written, which spares parsing again when it is the parse of the same printed
    text (the parser reads nothing else) and carries no pool flag (the importer sets that from
    a ``(Pool photo)`` marker outside the text, so a pool parse is parsed again).
    """
    if parsed is None or parsed.pool or parsed.text != printed_text(text):
        return None
    return parsed


def credit_of(facts: CaptionFacts) -> Credit | None:
    """The caption's parsed credit: the stored parse, else a parse of the text (None if blank)."""
    if facts.parsed is not None:
        return facts.parsed
    text = facts.credit
    if text is None or not text.strip():
        return None
    return parsed_text(text)


def _slash(credit: Credit) -> str:
    """``Name / Body / Handout / AGENCY``: no ``via``, and no ``Pool`` after a pool body
    (``Kremlin Pool``) that says it already."""
    pooled = credit.pool and not any(is_pool_body(body) for body in credit.organizations)
    markers = [w for w, on in (("Handout", credit.handout), ("Pool", pooled)) if on]
    agency = [credit.agency] if credit.agency else []
    return " / ".join([*credit.creators, *credit.organizations, *markers, *agency])


def styled(credit: Credit, style: str) -> str:
    """The credit printed in ``style`` ("agency" or "slash"), without any label."""
    return _slash(credit) if style == "slash" else format_credit(credit)


def labelled(text: str, label: str) -> str:
    """``text`` after ``label`` (one space between), or ``text`` alone when there is none."""
    label = label.strip()
    return f"{label} {text}" if label and text else text


def neutral_label(label: str) -> str:
    """A label worth keeping in a rewrite: one that says nothing the style prints itself.

    ``Pool photo by`` and ``Express photo by`` carry a flag or an outlet that the house text
    already spells out, so keeping them would say it twice.
    """
    if POOL_LABEL_RE.match(label) or label_agency(label) is not None:
        return ""
    return label.strip()


def reprint_styled(credit: Credit, original: str, style: str, label: str) -> str:
    """``credit`` in ``style``, in the brackets of ``original`` and with its label.

    The house label when the house has one; otherwise the label the editor printed, so that a
    rewrite changes what the rule is about and nothing else.
    """
    cut = printed(original, label)
    text = styled(credit, style)
    if not text:
        return ""
    return cut.wrap(labelled(text, label if label.strip() else neutral_label(cut.label)))
