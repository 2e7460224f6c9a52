"""Printing a parsed credit in an agency's house style.

Each agency prints credits its own way (AFP ``Name / AFP``, AP ``AP Photo/Name`` and
``Name via AP``, Reuters ``REUTERS/Name``, Getty ``Name/Getty Images``). The desk uses this to
propose the correct form of a credit (check rule PD106), so a formatted credit must parse back to
the same structure: every flag is spelled out (``Handout``, ``Pool``, ``via``) and no body is
placed where the parser would take it for the distributor.
"""

from __future__ import annotations

from collections.abc import Callable

from photodesk.core.agencies import find_agency
from photodesk.core.types import Credit

Formatter = Callable[[Credit], str]


def _markers(credit: Credit, handout: str = "Handout", pool: str = "Pool") -> list[str]:
    return [word for word, on in ((handout, credit.handout), (pool, credit.pool)) if on]


def _sources(credit: Credit) -> list[str]:
    return [*credit.creators, *credit.organizations]


def _afp(credit: Credit) -> str:
    """``Name / AFP``; ``Handout / Government of X / AFP``; ``Name / POOL / AFP``."""
    lead = ["Handout"] if credit.handout else []
    tail = ["POOL"] if credit.pool else []
    parts = [*lead, *_sources(credit), *tail]
    if credit.via:
        return f"{' / '.join(parts)} via AFP"
    return " / ".join([*parts, "AFP"])


def _ap(credit: Credit) -> str:
    """``AP Photo/Name``; sources outside AP: ``Name, Sputnik, Kremlin Pool Photo via AP``."""
    if credit.via:
        bodies = [_ap_pool_body(o) if credit.pool else o for o in credit.organizations]
        parts = [*credit.creators, *bodies, *(["Handout"] if credit.handout else [])]
        if credit.pool and bodies == list(credit.organizations):
            parts.append("Pool")
        return f"{', '.join(parts)} via AP"
    if not credit.creators:
        return " / ".join([*credit.organizations, *_markers(credit), "AP"])
    tail = ", Pool" if credit.pool else ""
    chain = "/".join(["AP Photo", *credit.creators, *credit.organizations])
    return f"{chain}{', Handout' if credit.handout else ''}{tail}"


def _ap_pool_body(body: str) -> str:
    """AP prints a pool organisation as ``Kremlin Pool Photo``."""
    return f"{body} Photo" if body.casefold().endswith(" pool") else body


def _reuters(credit: Credit) -> str:
    """``REUTERS/Name``; others' pictures: ``Sputnik/Name/Kremlin via REUTERS``."""
    if credit.via:
        parts = [*credit.organizations[:1], *credit.creators, *credit.organizations[1:]]
        return "/".join([*parts, *_markers(credit)]) + " via REUTERS"
    if not credit.creators:
        return "/".join([*credit.organizations, *_markers(credit), "REUTERS"])
    return "/".join(["REUTERS", *_sources(credit), *_markers(credit)])


def _getty(credit: Credit) -> str:
    """``Name/Getty Images``; ``Name/AFP via Getty Images``."""
    chain = "/".join([*_sources(credit), *_markers(credit)])
    if credit.via:
        return f"{chain} via Getty Images"
    return "/".join(p for p in (chain, "Getty Images") if p)


def _generic(credit: Credit) -> str:
    """Bodies before people so that no body is read as the distributor when there is none."""
    parts = [*credit.organizations, *credit.creators, *_markers(credit)]
    if credit.agency is None:
        return " / ".join(parts)
    if credit.via:
        return f"{' / '.join(parts)} via {credit.agency}"
    chain = [*credit.creators, *credit.organizations, *_markers(credit)]
    agency = find_agency(credit.agency)
    if agency is not None and agency.prefix and credit.creators:  # ``EPA/Name``, ``Xinhua/Name``
        return "/".join([credit.agency, *chain])
    return " / ".join([*chain, credit.agency])


HOUSE_STYLES: dict[str, Formatter] = {
    "AFP": _afp,
    "AP": _ap,
    "Reuters": _reuters,
    "Getty Images": _getty,
}


def format_credit(credit: Credit) -> str:
    """The credit printed in its own agency's house style (a neutral style for the others)."""
    return HOUSE_STYLES.get(credit.agency or "", _generic)(credit)
