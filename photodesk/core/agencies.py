"""The agency table: every distributor photodesk knows, its canonical name and its aliases.

Credits name the same agency a dozen ways (``AP Photo``, ``The Associated Press``, ``AP Images``).
Keeping them in one table means a new alias is a data change, not a new branch in the parser,
and the check's did-you-mean (PD105) and the house-style formatter read the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Agency:
    """A distributor of pictures.

    ``canonical`` is what the parser reports. ``keep_printed`` agencies are known to be media
    (so the parser can tell them from people and press offices) but are reported as printed,
    because only the agencies in LABELING.md have an agreed canonical spelling.
    ``prefix`` agencies put their name first (``REUTERS/Name``, ``AP Photo/Name``), which makes
    them the distributor even when other bodies follow.
    """

    canonical: str
    aliases: tuple[str, ...]
    prefix: bool = False
    keep_printed: bool = False


AGENCIES: tuple[Agency, ...] = (
    Agency(
        "AP",
        (
            "AP",
            "AP Photo",
            "AP Photos",
            "AP Images",
            "Associated Press",
            "The Associated Press",
            "AP Newsroom",
        ),
        prefix=True,
    ),
    Agency(
        "AFP",
        (
            "AFP",
            "AFP Photo",
            "AFP Photos",
            "Agence France-Presse",
            "Agence France Presse",
            "AFP Images",
        ),
    ),
    Agency(
        "Reuters", ("Reuters", "Reuters Photo", "Reuters Pictures", "Thomson Reuters"), prefix=True
    ),
    Agency("Getty Images", ("Getty Images", "Getty", "Getty Images News")),
    Agency("EPA", ("EPA", "European Pressphoto Agency", "EPA Images", "EPA Photo"), prefix=True),
    Agency("EPA-EFE", ("EPA-EFE", "EPA EFE", "EPA/EFE"), prefix=True),
    Agency("Xinhua", ("Xinhua", "Xinhua News Agency", "Xinhua Photo"), prefix=True),
    Agency("Yonhap", ("Yonhap", "Yonhap News Agency", "Yonhap News", "Yonhap Photo")),
    Agency("Bloomberg", ("Bloomberg", "Bloomberg News", "Bloomberg Photo")),
    Agency("Sputnik", ("Sputnik", "Szputnyik", "Sputnik News", "Спутник")),
    Agency("ZUMA Press", ("ZUMA Press", "ZUMA", "ZUMA Wire", "ZUMA Press Wire", "Zuma Press")),
    Agency("PA", ("PA", "PA Wire", "PA Images", "PA Media", "Press Association")),
    Agency("The New York Times", ("The New York Times", "New York Times", "NYT")),
    # Known media, reported as printed.
    Agency(
        "dpa",
        ("dpa", "Deutsche Presse-Agentur", "picture-alliance", "picture alliance"),
        keep_printed=True,
    ),
    Agency("Kyodo", ("Kyodo", "Kyodo News"), keep_printed=True),
    Agency("TASS", ("TASS", "ITAR-TASS", "ТАСС"), keep_printed=True),
    Agency("ANSA", ("ANSA",), keep_printed=True),
    Agency("EFE", ("EFE",), keep_printed=True),
    Agency("Anadolu", ("Anadolu", "Anadolu Agency", "Anadolu Images"), keep_printed=True),
    Agency("NurPhoto", ("NurPhoto",), keep_printed=True),
    Agency("SOPA Images", ("SOPA Images",), keep_printed=True),
    Agency("Shutterstock", ("Shutterstock", "REX/Shutterstock", "Rex Features"), keep_printed=True),
    Agency("Alamy", ("Alamy", "Alamy Stock Photo"), keep_printed=True),
    Agency("Flash90", ("Flash90",), keep_printed=True),
    Agency("RIA Novosti", ("RIA Novosti", "RIA", "РИА Новости"), keep_printed=True),
    Agency("iStock", ("iStock", "iStockphoto", "Getty Images/iStockphoto"), keep_printed=True),
    Agency("Unsplash", ("Unsplash",), keep_printed=True),
    Agency("Wikimedia Commons", ("Wikimedia Commons", "Wikimedia"), keep_printed=True),
    Agency("Global Images Ukraine", ("Global Images Ukraine",), keep_printed=True),
    Agency("PTI", ("PTI", "Press Trust of India"), keep_printed=True),
    Agency("ANI", ("ANI",), keep_printed=True),
    Agency("Alamy Live News", ("Alamy Live News",), keep_printed=True),
    Agency("LightRocket", ("LightRocket",), keep_printed=True),
    Agency("KCNA", ("KCNA", "Korean Central News Agency"), keep_printed=True),
    Agency("ANP", ("ANP",), keep_printed=True),
    Agency("Keystone", ("Keystone",), keep_printed=True),
    Agency("Redux", ("Redux",), keep_printed=True),
    Agency("Polaris", ("Polaris",), keep_printed=True),
    Agency("Imago", ("Imago", "IMAGO"), keep_printed=True),
    Agency("Sipa", ("Sipa", "SIPA", "Sipa USA", "Sipa Press"), keep_printed=True),
    Agency("ABACA", ("ABACA", "Abaca Press"), keep_printed=True),
    Agency("Ritzau Scanpix", ("Ritzau Scanpix", "NTB", "TT News Agency"), keep_printed=True),
    Agency("The Washington Post", ("The Washington Post", "Washington Post"), keep_printed=True),
    Agency("CQ Roll Call", ("CQ Roll Call",), keep_printed=True),
    Agency("Bay Area News Group", ("Bay Area News Group",), keep_printed=True),
)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


@cache
def _alias_index() -> dict[str, Agency]:
    index: dict[str, Agency] = {}
    for agency in AGENCIES:
        for alias in (agency.canonical, *agency.aliases):
            index[_fold(alias)] = agency
    return index


def find_agency(segment: str) -> Agency | None:
    """The agency a whole credit segment names, if it names one exactly (case-insensitive)."""
    return _alias_index().get(_fold(segment))


def agency_name(segment: str) -> str | None:
    """The name to report for a segment that is an agency: canonical, or as printed."""
    agency = find_agency(segment)
    if agency is None:
        return None
    return segment.strip() if agency.keep_printed else agency.canonical


def canonical_names() -> tuple[str, ...]:
    """Every canonical agency name, for did-you-mean suggestions and house-style lookups."""
    return tuple(a.canonical for a in AGENCIES)


def all_aliases() -> tuple[str, ...]:
    return tuple(_alias_index())
