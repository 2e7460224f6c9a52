"""Countries as agencies name them in restrictions, mapped to ISO 3166 alpha-2 codes.

Wire restrictions name territories by name (``CANADA OUT``), by adjective (``NO FRENCH SALES``)
or by a short code (``UK OUT``, ``OUT: US``). The table holds the places agencies actually
exclude, not the whole of ISO 3166: a short table keeps the matcher fast and every entry is a
name that cannot be mistaken for an English word. Codes are recognised only in capitals, so
``let us out`` is prose while ``US OUT`` is a restriction.

One row a country: ``code | names and adjectives; … | codes; …``. The UK's nations map to GB:
a site that publishes in the UK publishes in each of them.
"""

from __future__ import annotations

import re
from functools import cache

_TABLE = """
GB | United Kingdom; Britain; Great Britain; British | UK; U.K.; GB
GB | England; Scotland; Wales; Northern Ireland; English; Scottish; Welsh |
IE | Ireland; Republic of Ireland; Eire; Irish | IRL
US | United States; United States of America; America; American | US; U.S.; USA; U.S.A.
CA | Canada; Canadian |
MX | Mexico; Mexican | MEX
BR | Brazil; Brazilian | BRA
AR | Argentina; Argentine; Argentinian | ARG
CL | Chile; Chilean |
CO | Colombia; Colombian |
PE | Peru; Peruvian |
VE | Venezuela; Venezuelan |
FR | France; French | FRA
DE | Germany; German | GER; DEU
IT | Italy; Italian | ITA
ES | Spain; Spanish | ESP
PT | Portugal; Portuguese |
NL | Netherlands; Holland; Dutch | NED
BE | Belgium; Belgian |
LU | Luxembourg |
CH | Switzerland; Swiss | SUI
AT | Austria; Austrian | AUT
DK | Denmark; Danish |
SE | Sweden; Swedish | SWE
NO | Norway; Norwegian |
FI | Finland; Finnish |
IS | Iceland; Icelandic |
PL | Poland; Polish | POL
CZ | Czech Republic; Czechia; Czech | CZE
SK | Slovakia; Slovak |
HU | Hungary; Hungarian | HUN
RO | Romania; Romanian | ROU
BG | Bulgaria; Bulgarian |
GR | Greece; Greek | GRE
TR | Turkey; Turkiye; Türkiye; Turkish | TUR
RU | Russia; Russian Federation; Russian | RUS
UA | Ukraine; Ukrainian | UKR
BY | Belarus; Belarusian |
IL | Israel; Israeli | ISR
IR | Iran; Iranian | IRN
IQ | Iraq; Iraqi |
SA | Saudi Arabia; Saudi | KSA
AE | United Arab Emirates; Emirati | UAE
QA | Qatar; Qatari |
EG | Egypt; Egyptian |
ZA | South Africa; South African | RSA
NG | Nigeria; Nigerian |
KE | Kenya; Kenyan |
IN | India; Indian | IND
PK | Pakistan; Pakistani | PAK
BD | Bangladesh; Bangladeshi |
LK | Sri Lanka; Sri Lankan |
NP | Nepal; Nepalese |
CN | China; Mainland China; Chinese | PRC; CHN
HK | Hong Kong | HK
MO | Macau; Macao |
TW | Taiwan; Taiwanese | TPE
JP | Japan; Japanese | JPN
KR | South Korea; Korea; Republic of Korea; South Korean; Korean | ROK; KOR
KP | North Korea; North Korean | DPRK; PRK
TH | Thailand; Thai | THA
VN | Vietnam; Viet Nam; Vietnamese |
PH | Philippines; Philippine; Filipino |
MY | Malaysia; Malaysian |
SG | Singapore; Singaporean | SGP
ID | Indonesia; Indonesian |
AU | Australia; Australian | AUS
NZ | New Zealand | NZ; NZL
"""


def _rows() -> tuple[tuple[str, str, bool], ...]:
    """(code, name as printed, whether the name is a code) for every row of the table."""
    rows: list[tuple[str, str, bool]] = []
    for line in _TABLE.strip().splitlines():
        code, names, codes = (cell.strip() for cell in line.split("|"))
        rows += [(code, n.strip(), False) for n in names.split(";") if n.strip()]
        rows += [(code, c.strip(), True) for c in codes.split(";") if c.strip()]
    return tuple(rows)


def fold_territory(name: str) -> str:
    """The lookup form of a territory name: case-folded, dots and ``the`` dropped."""
    words = name.casefold().replace(".", "").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


_ROWS = _rows()
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
# Folded name → (code, whether the name is a code and so must be printed in capitals).
_INDEX: dict[str, tuple[str, bool]] = {fold_territory(n): (c, is_code) for c, n, is_code in _ROWS}


@cache
def territory_pattern() -> str:
    """Regex source matching one territory name as a whole word, in any case.

    The names are laid out as a trie (one branch per letter) rather than as an alternation of
    200 names: the regex engine then rejects a word that is no country after one letter
    instead of two hundred comparisons, which is most of the cost of the ``NO …`` phrases.
    A code's capitals are checked afterwards by ``territory_code``.
    """
    names = sorted({" ".join(name.casefold().split()) for _, name, _ in _ROWS})
    return rf"(?:(?:the\s+)?{_trie(names)}(?!\w))"


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words`` (longest first), branching a character at a time."""
    children: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            children.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not children:
        return ""
    branches = [_letter(ch) + _trie(rest) for ch, rest in children.items()]
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def _letter(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def territory_code(name: str) -> str | None:
    """The ISO code of a territory as printed, or None (a code in lower case is prose)."""
    found = _INDEX.get(fold_territory(name)) if name.strip() else None
    if found is None:
        return None
    code, is_code = found
    printed = _THE_RE.sub("", name.strip()).replace(".", "")
    if is_code and not printed.isupper():
        return None
    return code
