# ruff: noqa: E501  (one phrase form a row: a wrapped regex is harder to read than a long one)
"""The phrases agencies use for restrictions, as regular expressions, one row a phrase form.

A row is (kind, strong, anchor, lead, head, body). The *anchor* is a lower-case word that every
phrase of the row contains; restrictions.py finds anchors with ``str.find`` and only then runs
the row's regex there, which keeps a caption without restrictions at a couple of microseconds
(one big alternation run over every position cost forty). The *head* is what may stand before
the anchor (``RESTRICTED TO`` before ``EDITORIAL``), at most *lead* characters long; the *body*
is the anchor and what follows.

A *strong* phrase (``RESTRICTED TO EDITORIAL USE``, ``MANDATORY CREDIT``) never occurs in prose,
so it is taken wherever it stands; agencies glue it to the credit (``…VIA REUTERS ATTENTION
EDITORS``). A *weak* one (``NO SALES``) reads like ordinary words, so it counts only as a clause
of its own. ``XXX OUT`` is the one form whose keyword comes last: it is matched on the clause
that ends in ``OUT`` (``OUT_LIST_RE``) rather than by trying every word as a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from photodesk.core.rules.territories import territory_pattern

_T = territory_pattern()
_LIST_SEPARATOR = r"\s*(?:,|/|&|\band\b|\bor\b)\s*"
_OUT_LIST = rf"{_T}(?:{_LIST_SEPARATOR}{_T})*"
# In ``NO USE IN RUSSIA / CANADA OUT`` the list stops before the country of the next clause.
TERRITORY_LIST = rf"{_T}(?:{_LIST_SEPARATOR}{_T}(?!\s+out\b))*"
_MEDIA = (
    r"(?:mags|magazines|tv|television|internet|online|web|websites?|books?|tabloids|newspapers)"
)
_MEDIA_LIST = rf"{_MEDIA}(?:{_LIST_SEPARATOR}{_MEDIA})*"
_PERIOD = r"(?:\s+(?:within|for)\s+\d+\s+(?:days?|weeks?|months?|hours?))?"
_IN_TERRITORY = rf"(?:\s+in\s+{TERRITORY_LIST})?{_PERIOD}"
_SALE_KIND = r"(?:commercial|book|third[\s-]party|print|photo)"

# A period that ends a sentence: not an initial (``U.S.``, ``A.M.``) nor a short title (``St.``),
# and followed by a capital letter or the end of the text (``Oct. 12`` goes on).
_ABBREVIATIONS = ("St", "Dr", "Mr", "Jr", "Co", "Mt", "Ft", "Lt", "Gen", "Inc", "Ltd", "Col", "Sgt")
# The dot comes first so that the look-behinds run only where there is a dot.
SENTENCE_END = (
    r"\.(?<!\b\w\.)"
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"(?=\s*$|\s+(?-i:[A-Z]))"
)
# What ends a free-text tail (a credit, an embargo time): a spaced dash, a semicolon, a line
# break, a quote, a sentence end, the next restriction keyword in capitals, ``/ CANADA OUT`` or
# ``/ Editorial use``, an agency's order number.
_NEXT_KEYWORD = (
    r"\s+(?-i:(?:NO|NOT|EDITORIAL|RESTRICTED|EMBARGOED|HOLD|DISTRIBUTED|ATTENTION|MANDATORY"
    r"|THIS\s+IMAGE|THIS\s+PICTURE|FOR\s+EDITORIAL)\b)"
)
_OUT_NEXT = rf"\s*[/,]\s*(?:(?:{_OUT_LIST}|{_MEDIA_LIST})\s+out|editorial\s+use|restricted\s+to)\b"
_ORDER_NUMBER_END = r"(?<=\d\))|(?<=\d[a-z]\))"  # ``…/Shutterstock (14766286d)`` ends a credit
_STOP = (
    rf"(?:\s[-–—]+\s|\s*[;\n|\"“”]|{SENTENCE_END}|{_NEXT_KEYWORD}|{_OUT_NEXT}|{_ORDER_NUMBER_END})"
)
_TAIL = rf"(?:(?!{_STOP}).){{1,150}}"
_TAIL_START = r"(?=[^\s\-–—;:,.|])(?!(?-i:NO|NOT|EDITORIAL|RESTRICTED|DISTRIBUTED)\b)"
_CREDIT = (
    r"(?:(?:\s*[:=]\s*|\s+(?![-–—]+\s))(?:\"(?P<quoted>[^\"\n]{1,150})\""
    rf"|“(?P<curly>[^”\n]{{1,150}})”|{_TAIL_START}(?P<bare>{_TAIL})))?"
)
CREDIT_GROUPS = ("quoted", "curly", "bare")
# A time never holds a spaced slash, so it also ends the time (a credit goes on: ``Handout / X``).
_WHEN = rf"(?:\s*[:=]?\s*{_TAIL_START}(?P<when>(?:(?!{_STOP}|\s/\s).){{1,80}}))?"

_SPECS: tuple[tuple[str, bool, str, int, str, str], ...] = (
    ("editorial-only", True, "editorial", 16, r"restricted\s+to\s+", r"editorial\s+(?:use|usage|purposes)(?:\s+only)?"),
    ("editorial-only", True, "editorial", 15, r"(?:(?:strictly|only)\s+)?for\s+", r"editorial\s+(?:use|usage|purposes)(?:\s+only)?"),
    ("editorial-only", True, "editorial", 0, "", r"editorial\s+(?:(?:use|usage|purposes)\s+)?only"),
    ("editorial-only", False, "editorial", 0, "", r"editorial\s+(?:use|usage)"),
    ("mandatory-credit", True, "credit", 12, r"(?:mandatory|required|compulsory|obligatory)\s+", r"credit(?:\s+line)?(?:\s+(?:to|is|must\s+read))?" + _CREDIT),
    ("mandatory-credit", True, "credit", 0, "", r"credit\s+(?:must|should)\s+read" + _CREDIT),
    ("mandatory-credit", False, "credit", 10, r"(?:must\s+(?:be\s+)?|please\s+)", r"credit(?:ed)?(?:\s+(?:to|as))?" + _CREDIT),
    ("mandatory-credit", False, "credit", 0, "", r"credit\s+as" + _CREDIT),
    ("embargo", True, "embargo", 10, r"(?:strictly\s+)?", r"embargoed\s+(?:for\s+(?:publication|release|broadcast)\s+)?(?:until|till|to)" + _WHEN),
    ("embargo", True, "hold for", 0, "", r"hold\s+for\s+release(?:\s+(?:until|till))?" + _WHEN),
    ("embargo", True, "not ", 4, r"(?:do\s+)?", r"not\s+(?:for\s+(?:publication|release|broadcast)\s+(?:before|until|till|prior\s+to)|(?:publish|release)\s+(?:before|until))" + _WHEN),
    ("embargo", False, "embargo", 7, r"(?:under\s+)?", r"embargo(?:ed)?" + _WHEN),
    ("no-sales", False, "no ", 0, "", rf"no\s+{TERRITORY_LIST}\s+(?:re)?sales?{_PERIOD}"),
    ("no-sales", False, "no ", 0, "", rf"no\s+(?:{_SALE_KIND}\s+(?:(?:or|and|/)\s*{_SALE_KIND}\s+)?)?(?:re)?sales?{_IN_TERRITORY}"),
    ("no-sales", False, "not ", 0, "", rf"not\s+(?:available\s+)?for\s+(?:re)?sale{_IN_TERRITORY}"),
    ("territory-out", False, "no ", 0, "", rf"no\s+(?:online\s+|internet\s+)?(?:use|publication|distribution|broadcast)\s+in\s+{TERRITORY_LIST}"),
    ("territory-out", False, "not ", 0, "", rf"not\s+(?:for|to\s+be)\s+(?:online\s+|internet\s+)?(?:use|used|publication|published|distribution|distributed|broadcast)\s+in\s+{TERRITORY_LIST}"),
    ("territory-out", False, "out", 0, "", rf"out\s*:\s*{TERRITORY_LIST}"),
    ("territory-out", False, "no ", 0, "", rf"no\s+{TERRITORY_LIST}(?:\s+(?:newspapers|media|publications?|use|tv|internet|online|magazines|mags|websites|rights))?"),
    ("no-marketing", False, "no ", 0, "", r"no\s+(?:marketing|advertising|advertisements?|ads|promotion(?:al\s+use)?|merchandising|endorsements?)(?:\s+(?:campaigns?|use|usage|purposes))?"),
    ("no-marketing", False, "no ", 0, "", r"no\s+commercial\s+(?:use|usage|purposes)"),
    ("no-marketing", False, "not ", 0, "", r"not\s+(?:to\s+be\s+used\s+)?for\s+(?:commercial|marketing|advertising|promotional)(?:\s+(?:use|usage|purposes))?"),
    ("no-archives", False, "no ", 0, "", r"no\s+archiv(?:es?|ing|al(?:\s+use)?)"),
    ("no-archives", False, "not ", 0, "", r"not\s+(?:to\s+be\s+archived|for\s+archiv(?:es?|ing|al\s+use))"),
    ("media-out", False, "no ", 0, "", rf"no\s+{_MEDIA_LIST}(?:\s+(?:use|usage|publishing|publications?))?"),
    ("no-alteration", False, "no ", 0, "", r"no\s+(?:cropping|manipulation|modifications?|alterations?)"),
    ("no-alteration", False, "not ", 6, r"(?:do|must)\s+", r"not\s+(?:be\s+)?(?:crop(?:ped)?|alter(?:ed)?|modif(?:y|ied)|manipulated?)"),
    ("handout-use", True, "distribut", 8, r"(?:it\s+is\s+)?", r"distributed,?\s+(?:exactly\s+)?as\s+(?:a\s+service\s+to\s+clients|received(?:\s+by\s+\w+)?(?:,?\s+as\s+a\s+service\s+to\s+clients)?)"),
    ("handout-use", True, "third party", 45, r"this\s+(?:image|picture|photo(?:graph)?)\s+(?:has\s+been|was)\s+(?:supplied|provided)\s+by\s+a\s+", r"third\s+party"),
    ("handout-use", True, "verify", 60, r"(?:the\s+associated\s+press|ap|reuters|afp|getty\s+images)\s+(?:cannot|can\s+not|is\s+unable\s+to|was\s+unable\s+to|could\s+not)\s+(?:independently\s+)?", rf"verify(?:(?!{_STOP}).){{0,100}}"),
    ("editor-note", True, "attention", 0, "", r"attention\s+editors?"),
)  # fmt: skip
# How far after its anchor a phrase may reach (a keyword, a quoted credit, a time).
REACH = 400


@dataclass(frozen=True, slots=True)
class Row:
    """One phrase form, compiled: ``head`` (None when nothing stands before the anchor)
    finds where the phrase starts within ``lead`` characters before the anchor, ``pattern``
    matches the whole phrase from there."""

    kind: str
    strong: bool
    anchor: str
    lead: int
    head: re.Pattern[str] | None
    pattern: re.Pattern[str]


def _row(kind: str, strong: bool, anchor: str, lead: int, head: str, body: str) -> Row:
    return Row(
        kind,
        strong,
        anchor,
        lead,
        re.compile(rf"(?<!\w)(?:{head})\Z", re.IGNORECASE) if head else None,
        re.compile(rf"\b(?:{head})(?:{body})", re.IGNORECASE),
    )


ROWS: tuple[Row, ...] = tuple(_row(*spec) for spec in _SPECS)
ROWS_BY_ANCHOR: dict[str, tuple[Row, ...]] = {
    anchor: tuple(row for row in ROWS if row.anchor == anchor)
    for anchor in dict.fromkeys(row.anchor for row in ROWS)
}

# ``CANADA OUT``, ``UK, IRELAND OUT``, ``MAGS OUT``: matched on the clause that ends in OUT.
OUT_LIST_RE = re.compile(
    rf"(?:(?P<territory>{_OUT_LIST})|(?P<media>{_MEDIA_LIST}))\s+out", re.IGNORECASE
)
# Where a clause ends, looking back from OUT: punctuation other than the list's own , / &, and
# any full stop but the last of ``U.S.`` (``K. CANADA OUT``: an initial still ends the clause).
CLAUSE_BREAK_RE = re.compile(r"[;:\n|()\[\]\"“”!?]|\s[-–—]+\s|\.(?<!\.\w\.)(?=\s)")
TERRITORY_RE = re.compile(rf"\b{_T}", re.IGNORECASE)
# A picture agency's order number after a credit: ``…/Shutterstock (14766286d)``.
CREDIT_ID_RE = re.compile(r"\s*\(\s*[a-z]*\d[\w-]*\s*\)\s*$", re.IGNORECASE)
