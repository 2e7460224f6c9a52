"""Mandatory credits: what an agency demands, whether a caption's credit honours it, the fix.

Honouring is structural, not textual. ``MANDATORY CREDIT "AFP PHOTO / GOVERNMENT OF KHABAROVSK
TERRITORY"`` is honoured by ``Photo by Handout / Government of Khabarovsk Territory / AFP``: both
parse (credit_parse) to the agency AFP and the organisation "Government of Khabarovsk Territory",
which is what the agency cares about, whatever the order, case, accents or label. A credit that
names more (a photographer, ``Handout``) still honours it; one that leaves a name out does not.

``AFP PHOTO /`` is how AFP writes the demand, never how a caption prints it, so the fix turns it
into the agency's printed form (``Handout / Government of Khabarovsk Territory / AFP``), taking
the spelling of each name from the picture's metadata when that spells it the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from photodesk.core.agencies import find_agency
from photodesk.core.credit_format import format_credit
from photodesk.core.credit_parse import parse_credit
from photodesk.core.types import Credit

# ``AFP PHOTO / X``, ``EPA PHOTOS/X``: an agency's label in front of the sources.
_LABEL_RE = re.compile(r"^\s*(?P<agency>[^/]{2,40}?)\s+photos?\s*/\s*(?P<rest>\S.*)$", re.I)
# ``U.S. Navy photo by Elizabeth Thompson``: a body's photographer.
_BODY_PHOTO_BY_RE = re.compile(r"^(?P<body>.+?)\s+photo(?:graph)?\s+by\s+(?P<name>.+)$", re.I)
_HO_SLOT_RE = re.compile(r"(?:^|/)\s*HO\s*(?:/|$)")
_NOT_ALNUM_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class RequiredCredit:
    """A mandatory credit understood: ``text`` as the agency wrote it, who must be named.

    ``labelled`` says the agency wrote its label first (``AFP PHOTO / …``), so the fix is
    reprinted rather than copied.
    """

    text: str
    agency: str | None
    creators: tuple[str, ...]
    organizations: tuple[str, ...]
    handout: bool = False
    labelled: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every person and body the credit must name."""
        return self.creators + self.organizations


@lru_cache(maxsize=4096)
def required_credit(text: str) -> RequiredCredit | None:
    """The structure of a demanded credit; None when it names nobody and no agency."""
    label = _LABEL_RE.match(text)
    agency = find_agency(label.group("agency")) if label else None
    if label is not None and agency is not None:
        return _labelled(text, agency.canonical, label.group("rest"))
    by = _BODY_PHOTO_BY_RE.match(text)
    if by is not None and find_agency(by.group("body")) is None:
        return RequiredCredit(text, None, (by.group("name").strip(),), (by.group("body").strip(),))
    parsed = parse_credit(text)
    if not parsed.creators and not parsed.organizations and parsed.agency is None:
        return None
    return RequiredCredit(
        text, parsed.agency, parsed.creators, parsed.organizations, handout=parsed.handout
    )


def _labelled(text: str, agency: str, rest: str) -> RequiredCredit:
    """``AFP PHOTO / HO / SANA``: AFP distributes; every other slot is a source (``HO`` a
    handout), even a body the parser would take for the distributor on its own."""
    sources = parse_credit(rest)
    others = (
        (sources.agency,) if sources.agency and not _same_agency(sources.agency, agency) else ()
    )
    handout = sources.handout or bool(_HO_SLOT_RE.search(rest))
    organizations = sources.organizations + others
    return RequiredCredit(text, agency, sources.creators, organizations, handout, labelled=True)


@lru_cache(maxsize=16384)
def honours(credit: Credit, required: RequiredCredit) -> bool:
    """Whether ``credit`` names the required agency and every required person and body."""
    named = [fold_name(n) for n in (*credit.creators, *credit.organizations, credit.agency) if n]
    if required.agency is not None and not _names_agency(credit, required.agency):
        return False
    return all(_is_named(fold_name(name), named) for name in required.names)


def _names_agency(credit: Credit, agency: str) -> bool:
    """The agency distributes the picture, or is credited on the way (``AFP via Getty``)."""
    bodies = (credit.agency, *credit.organizations)
    return any(_same_agency(body, agency) for body in bodies if body)


def _same_agency(name: str, canonical: str) -> bool:
    found = find_agency(name)
    return (found.canonical if found else fold_name(name)) in (canonical, fold_name(canonical))


def _is_named(name: str, named: list[str]) -> bool:
    """Named exactly, or inside a longer name (``Press Service of the Government of X``)."""
    padded = f" {name} "
    return any(name == other or padded in f" {other} " for other in named)


@lru_cache(maxsize=16384)
def fold_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (``Léa`` = ``LEA``).

    Memoised: the same agency and source names come back on every caption of a desk.
    """
    bare = name
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NOT_ALNUM_RE.sub(" ", bare.casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def suggested_credit(required: RequiredCredit, known: Iterable[str], handout: bool) -> str:
    """The credit line to print: the agency's own words, reprinted when it wrote a label.

    ``known`` are spellings of the names from the picture and the caption; ``handout`` whether
    the picture is a handout, so that the fix also carries the label PD107 would ask for.
    """
    if not required.labelled:
        return required.text
    spelling = {fold_name(name): name for name in known if name}
    credit = Credit(
        text="",
        creators=tuple(spelling.get(fold_name(n), n) for n in required.creators),
        organizations=tuple(spelling.get(fold_name(n), n) for n in required.organizations),
        agency=required.agency,
        handout=handout or required.handout,
    )
    return format_credit(credit)
