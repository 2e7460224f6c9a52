"""Does a caption say when its picture was taken? (PD201)

Captions print the day in many shapes: ``on October 8, 2024``, ``Oct. 9, 2024``, ``8 October
2024``, ``2024-10-08``, a dateline ``KHABAROVSK, RUSSIA - OCTOBER 8:``, ``on Thursday``, ``(file
photo, 2019)``. What counts: a weekday; a month beside a number or after a temporal word (``in
March``, ``mid-August``); a numeric date; a year said to be the picture's (``in 1945``, a file
photo's year, ``le 8 juillet 2023``, ``2018. augusztus 26-án``); a named day (``VE Day``,
``Christmas``); and ``today``, ``yesterday``, ``tonight``, as precise as a weekday. What does
not: ``last week``, ``recently``, a year in a name (``the 2025 Southeast Asian Games``).

A month must be capitalised and stand beside a number or a temporal word, so that ``Theresa
May`` and ``a march`` are not dates. Doubt is resolved towards "has a date": an editor learns to
ignore a rule that cries wolf.

Speed: ``re`` scans fast only for a pattern that starts with literal text, so each pattern here
starts with the month, weekday or year itself, and the words around it are checked afterwards,
only where it was found. Most captions are settled by the first, cheapest search.
"""

from __future__ import annotations

import re

from photodesk.core.rules.caption_words import MONTHS, trie

_MONTH_RE = re.compile(
    rf"(?:{trie([*(m.title() for m in MONTHS), *(m.upper() for m in MONTHS)])})\b"
)
_DAY_AFTER_RE = re.compile(r"\.?,?\s*\d")
_BEFORE_MONTH_RE = re.compile(
    r"(?:\d(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"
    r"|\b(?:in|on|since|until|till|during|early|late|last|this|next|through|throughout|before|"
    r"after|from|of|In|On|Since|Until|During|Early|Late|Last|This|Next)\s+|\bmid-)$"
)
_WEEKDAY_RE = re.compile(
    r"(?:Mon|MON|Tues|TUES|Wednes|WEDNES|Thurs|THURS|Fri|FRI|Satur|SATUR|Sun|SUN)(?:day|DAY)"
)
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
# What makes a year the picture's: ``2024-10-08``, ``2018. augusztus 26``, ``2024年10月``.
_AFTER_YEAR_RE = re.compile(r"-[01]\d-[0-3]\d|\.\s+[^\W\d_]{3,12}\s+\d|\s*年\s*\d|\s+[Ff]ile\b")
# ``le 8 juillet 2023``, ``in 1945``, ``the summer of 2022``, ``(2019)``, ``(file photo, 2019)``.
_BEFORE_YEAR_RE = re.compile(
    r"(?:\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+|\b(?:in|of)\s+|\(\s*|\b[Ff]ile\b[^.()]{0,30})$"
)
_NUMERIC_RE = re.compile(r"[./]\d{1,2}[./]\d")  # 08.10.2024, 10/8/24 (the first digit checked)
# What any numeric date holds (a digit, a dot or slash, a digit): most captions have none.
_NUMERIC_SIGN_RE = re.compile(r"\d[./]\d")
# Named days date a caption wherever they stand (as substrings, ``Easter`` in ``Eastern`` too:
# doubt goes towards "has a date"); `` Day`` only after a capitalised word.
_NAMED_DAYS = (
    *"today yesterday tonight Today Yesterday Tonight TODAY YESTERDAY Christmas Easter".split(),
    *"Thanksgiving Halloween".split(),
    "New Year's",
)
_DAY = " Day"
_CAPITALISED_BEFORE_RE = re.compile(r"\b[A-Z][\w'’.-]*$")
_REACH = 48  # how far before a month or a year its context words are looked for


def has_date(text: str) -> bool:
    """Whether the caption says when: a day, a weekday, a month or a year that is the picture's.

    Not memoised: a desk checks each caption once, and every caption differs.
    """
    return (
        _has_dated_month(text)
        or (("day" in text or "DAY" in text) and _WEEKDAY_RE.search(text) is not None)
        or _has_dated_year(text)
        or _has_numeric_date(text)
        or _has_named_day(text)
    )


def _has_dated_month(text: str) -> bool:
    for match in _MONTH_RE.finditer(text):
        if _DAY_AFTER_RE.match(text, match.end()):
            return True
        start = match.start()
        # Every form before a month ends in a space or ``mid-``; a quick look spares the search.
        if not (text[start - 1 : start].isspace() or text.endswith("mid-", 0, start)):
            continue
        before = _BEFORE_MONTH_RE.search(text, max(0, start - _REACH), start)
        # A temporal word alone dates only a whole month name: ``in Jan`` may be ``by Jan Kos``.
        if before and (before.group()[:1].isdigit() or len(match.group()) > 3):
            return True
    return False


def _has_dated_year(text: str) -> bool:
    for match in _YEAR_RE.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isdigit()) or text[end : end + 1].isdigit():
            continue  # part of a longer number
        if _AFTER_YEAR_RE.match(text, end):
            return True
        if _may_date_year(text, max(0, start - _REACH), start) and _BEFORE_YEAR_RE.search(
            text, max(0, start - _REACH), start
        ):
            return True
    return False


def _may_date_year(text: str, reach: int, start: int) -> bool:
    """What every form before a year needs, without a search: a space or a bracket just before
    it, or ``file`` within reach. Most years in captions are names (``the 2025 Games``)."""
    return (
        text[start - 1 : start].isspace()
        or text.endswith("(", 0, start)
        or ("ile" in text[reach:start])
    )


def _has_numeric_date(text: str) -> bool:
    """``08.10.2024``: a dot or slash, one or two digits, another, a digit, after a digit."""
    if _NUMERIC_SIGN_RE.search(text) is None:
        return False
    return any(
        match.start() and text[match.start() - 1].isdigit() for match in _NUMERIC_RE.finditer(text)
    )


def _has_named_day(text: str) -> bool:
    """``today``, ``Christmas``, ``New Year's`` anywhere; ``VE Day``, ``April Fools Day``,
    ``Independence Day``: `` Day`` as a word after a capitalised one."""
    for day in _NAMED_DAYS:  # a loop, not any(): no generator a caption
        if day in text:
            return True
    at = text.find(_DAY)
    while at >= 0:
        after = at + len(_DAY)
        ends = after == len(text) or not (text[after].isalnum() or text[after] == "_")
        if ends and _CAPITALISED_BEFORE_RE.search(text, max(0, at - _REACH), at):
            return True
        at = text.find(_DAY, after)
    return False
