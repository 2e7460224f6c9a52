"""The agency table: every distributor photodesk knows, its canonical name and its aliases.

Credits name the same agency a dozen ways (``AP Photo``, ``The Associated Press``, ``AP Images``).
Keeping them in one table means a new alias is a data change, not a new branch in the parser,
and the check's did-you-mean (PD105) and the house-style formatter read the same facts.

One row an agency: ``canonical | flags | aliases; … | labels``. Flags: ``prefix`` for agencies
that print their name first (``REUTERS/Name``, ``AP Photo/Name``, ``Xinhua/Name``), which makes
them the distributor even when other bodies follow; ``printed`` for outlets reported as printed,
because only the agencies in LABELING.md (../shared/credits) have an agreed canonical spelling.
``labels`` are credit labels that name the outlet without naming it (``Express photo by``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_TABLE = """
AP                 | prefix  | AP; AP Photo; AP Photos; AP Images; Associated Press; The Associated Press; AP Newsroom |
AFP                |         | AFP; AFP Photo; AFP Photos; Agence France-Presse; Agence France Presse; AFP Images |
Reuters            | prefix  | Reuters; Reuters Photo; Reuters Pictures; Thomson Reuters; Reuters TV |
Getty Images       |         | Getty Images; Getty; Getty Images News |
WireImage          | printed | WireImage |
FilmMagic          | printed | FilmMagic |
EPA                | prefix  | EPA; European Pressphoto Agency; EPA Images; EPA Photo |
EPA-EFE            | prefix  | EPA-EFE; EPA EFE; EPA/EFE |
Xinhua             | prefix  | Xinhua; Xinhua News Agency; Xinhua Photo; 新华社 |
Yonhap             |         | Yonhap; Yonhap News Agency; Yonhap News; Yonhap Photo; 연합뉴스 |
Bloomberg          |         | Bloomberg; Bloomberg News; Bloomberg Photo |
Sputnik            |         | Sputnik; Szputnyik; Sputnik News; Спутник |
ZUMA Press         |         | ZUMA Press; ZUMA; ZUMA Wire; ZUMA Press Wire; Zuma Press |
PA                 |         | PA; PA Wire; PA Images; PA Media; Press Association |
The New York Times |         | The New York Times; New York Times; NYT |
The Indian Express | printed | The Indian Express; Indian Express | express\\s+photo
dpa                | printed | dpa; Deutsche Presse-Agentur; picture-alliance; picture alliance |
EFE                | prefix printed | EFE; Agencia EFE |
ANSA               | prefix printed | ANSA |
Kyodo              | printed | Kyodo; Kyodo News |
Jiji Press         | printed | Jiji Press; Jiji |
TASS               | printed | TASS; ITAR-TASS; ТАСС |
RIA Novosti        | printed | RIA Novosti; RIA; РИА Новости |
Ukrinform          | printed | Ukrinform |
Anadolu            | printed | Anadolu; Anadolu Agency; Anadolu Images; AA |
KCNA               | printed | KCNA; Korean Central News Agency |
PTI                | printed | PTI; Press Trust of India |
ANI                | printed | ANI |
IANS               | printed | IANS |
Antara             | printed | Antara; Antara Foto |
Bernama            | printed | Bernama |
ANP                | printed | ANP |
Belga              | printed | Belga |
Keystone           | printed | Keystone; Keystone-SDA |
NurPhoto           | printed | NurPhoto |
SOPA Images        | printed | SOPA Images |
LightRocket        | printed | LightRocket |
Shutterstock       | printed | Shutterstock; REX/Shutterstock; Rex Features |
Alamy              | printed | Alamy; Alamy Stock Photo; Alamy Live News |
iStock             | printed | iStock; iStockphoto; Getty Images/iStockphoto |
Imago              | printed | Imago; IMAGO |
Sipa               | printed | Sipa; SIPA; Sipa USA; Sipa Press |
ABACA              | printed | ABACA; Abaca Press |
Ritzau Scanpix     | printed | Ritzau Scanpix; NTB; TT News Agency |
Redux              | printed | Redux |
Polaris            | printed | Polaris |
Flash90            | printed | Flash90 |
Global Images Ukraine | printed | Global Images Ukraine |
Unsplash           | printed | Unsplash |
Wikimedia Commons  | printed | Wikimedia Commons; Wikimedia |
BBC                | printed | BBC; BBC News |
CNN                | printed | CNN |
Al Jazeera         | printed | Al Jazeera |
Le Monde           | printed | Le Monde |
El País            | printed | El País; El Pais |
Le Figaro          | printed | Le Figaro |
Middle East Eye    | printed | Middle East Eye |
Asahi Shimbun      | printed | Asahi Shimbun; The Asahi Shimbun |
Yomiuri Shimbun    | printed | Yomiuri Shimbun; The Yomiuri Shimbun |
Hindustan Times    | printed | Hindustan Times; HT |
The Times of India | printed | The Times of India; Times of India; TOI |
The Hindu          | printed | The Hindu |
The Washington Post | printed | The Washington Post; Washington Post |
The Guardian       | printed | The Guardian |
CQ Roll Call       | printed | CQ Roll Call |
Bay Area News Group | printed | Bay Area News Group |
"""


@dataclass(frozen=True, slots=True)
class Agency:
    """A distributor of pictures (see the module docstring for the flags)."""

    canonical: str
    aliases: tuple[str, ...]
    prefix: bool = False
    keep_printed: bool = False
    labels: tuple[str, ...] = ()


def _row(line: str) -> Agency:
    canonical, flags, aliases, labels = (cell.strip() for cell in line.split("|"))
    return Agency(
        canonical=canonical,
        aliases=tuple(a.strip() for a in aliases.split(";")),
        prefix="prefix" in flags.split(),
        keep_printed="printed" in flags.split(),
        labels=tuple(label for label in labels.split(";") if label),
    )


AGENCIES: tuple[Agency, ...] = tuple(_row(line) for line in _TABLE.strip().splitlines())


def fold(text: str) -> str:
    """Case- and space-insensitive form of a name, for comparing spellings."""
    return " ".join(text.casefold().replace("’", "'").split())


@cache
def _alias_index() -> dict[str, Agency]:
    index: dict[str, Agency] = {}
    for agency in AGENCIES:
        for alias in (agency.canonical, *agency.aliases):
            index[fold(alias)] = agency
    return index


def find_agency(segment: str) -> Agency | None:
    """The agency a whole credit segment names, if it names one exactly (case-insensitive)."""
    return _alias_index().get(fold(segment))


def agency_name(segment: str) -> str | None:
    """The name to report for a segment that is an agency: canonical, or as printed."""
    agency = find_agency(segment)
    if agency is None:
        return None
    return segment.strip() if agency.keep_printed else agency.canonical


@cache
def _label_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled once: every credit parse asks, and only a few agencies have labels."""
    return tuple(
        (re.compile(label, re.IGNORECASE), agency.canonical)
        for agency in AGENCIES
        for label in agency.labels
    )


def label_agency(credit: str) -> str | None:
    """The outlet a credit's label names (``Express photo by X`` → The Indian Express)."""
    return next((name for pattern, name in _label_patterns() if pattern.match(credit)), None)


def canonical_names() -> tuple[str, ...]:
    """Every canonical agency name, for did-you-mean suggestions and house-style lookups."""
    return tuple(a.canonical for a in AGENCIES)
