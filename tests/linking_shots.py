"""Events, frames, and how agencies and articles each caption a frame (tests/linking_desk.py).

The agency side writes what a wire file carries (the original caption with its dateline, credit
and restrictions; creator, credit, source, date, job id; an agency-style file name). The article
side writes what an editor prints: reworded, names with diacritics, a clause added or the venue
cut, the credit in house style, and an image reference of one of four kinds.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from photodesk.core.credit_parse import parse_credit
from photodesk.core.linking import CaptionCandidate, PictureCandidate
from tests import linking_words as words

AGENCIES = ("AFP", "AP", "Reuters", "Getty Images")
_ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
RESTRICTION = (
    'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / {}" - NO MARKETING NO '
    "ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS"
)


@dataclass(frozen=True)
class Event:
    agency: str
    day: date
    city: str
    country: str
    venue: str
    role: str
    person: str
    person_printed: str  # as the article spells it (maybe with diacritics)
    others: tuple[str, str]
    photographer: str
    photographer_printed: str
    handout: str | None  # the government body that released an AFP handout
    pool: bool
    key: int


@dataclass(frozen=True)
class Frame:
    number: int
    event: Event
    action: int
    seed: float  # what the frame shows beyond its action (which thing, animal, person)

    def acts(self) -> tuple[str, str]:
        """(third person, -ing form) of what this frame shows, filled in."""
        rng = random.Random(self.seed)
        fill = {
            "thing": rng.choice(words.THINGS),
            "animal": rng.choice(words.ANIMALS),
            "other": rng.choice(self.event.others),
        }
        third, ing = words.ACTIONS[self.action]
        return third.format(**fill), ing.format(**fill)

    def file_rng(self) -> random.Random:
        return random.Random(self.event.key * 131 + self.number)


def make_event(rng: random.Random, name: Callable[..., str], person: str, day: date) -> Event:
    agency = rng.choices(AGENCIES, (35, 30, 25, 10))[0]
    photographer = f"{name()} {name()}"
    city = name(rng.choice((2, 3)))
    return Event(
        agency=agency,
        day=day,
        city=city,
        country=rng.choice(words.COUNTRIES),
        venue=rng.choice(words.VENUES).format(name()),
        role=rng.choice(words.ROLES),
        person=person,
        person_printed=person.translate(words.DIACRITICS) if rng.random() < 0.3 else person,
        others=(f"{name()} {name()}", f"{name()} {name()}"),
        photographer=photographer,
        photographer_printed=(
            photographer.translate(words.DIACRITICS) if rng.random() < 0.2 else photographer
        ),
        handout=(
            f"{city} {rng.choice(words.HANDOUT_BODIES)}"
            if agency == "AFP" and rng.random() < 0.3
            else None
        ),
        pool=agency == "AP" and rng.random() < 0.25,
        key=rng.randrange(10**9),
    )


def _long_date(day: date) -> str:
    return f"{words.MONTHS[day.month - 1]} {day.day}, {day.year}"


def _ap_date(day: date) -> str:
    return (
        f"{words.WEEKDAYS[day.weekday()]}, {words.AP_MONTHS[day.month - 1]} {day.day}, {day.year}"
    )


def _code(rng: random.Random, length: int, digits: bool = False) -> str:
    alphabet = "0123456789" if digits else _ALNUM
    while True:
        code = "".join(rng.choice(alphabet) for _ in range(length))
        if sum(c.isdigit() for c in code) >= 2 and code[0] != "0":
            return code


def agency_description(frame: Frame) -> str:
    e, (third, ing) = frame.event, frame.acts()
    first, last = e.photographer.split()
    if e.agency == "AFP" and e.handout:
        return (
            f"This handout photograph taken and released by the {e.handout} on "
            f"{_long_date(e.day)} shows {e.role} {e.person} {ing} at {e.venue} in {e.city}. "
            f"(Photo by Handout / {e.handout} / AFP) / " + RESTRICTION.format(e.handout.upper())
        )
    if e.agency == "AFP":
        return (
            f"{e.country}'s {e.role} {e.person} {third} at {e.venue} in {e.city} on "
            f"{_long_date(e.day)}. (Photo by {first} {last.upper()} / AFP)"
        )
    if e.agency == "AP":
        credit = f"{e.photographer}, Pool Photo via AP" if e.pool else f"AP Photo/{e.photographer}"
        return (
            f"{e.country} {e.role} {e.person}, center, {third} at {e.venue} in {e.city}, "
            f"{e.country}, {_ap_date(e.day)}. ({credit})"
        )
    if e.agency == "Reuters":
        return (
            f"{e.role} {e.person} {third} at {e.venue} in {e.city}, {e.country} "
            f"{_long_date(e.day)}. REUTERS/{e.photographer}"
        )
    dateline = f"{e.city.upper()}, {e.country.upper()} - {_long_date(e.day).split(',')[0].upper()}:"
    return (
        f"{dateline} {e.role} {e.person} {third} at {e.venue} on {_long_date(e.day)} in "
        f"{e.city}, {e.country}. (Photo by {e.photographer}/Getty Images)"
    )


def file_name(frame: Frame) -> tuple[str, str]:
    """(file name, IPTC job id) in the agency's style."""
    e, rng = frame.event, frame.file_rng()
    if e.agency == "AFP":
        code = "3" + _code(rng, 6)
        return f"AFP_{code}.jpg", code
    if e.agency == "AP":
        doy = e.day.timetuple().tm_yday
        return (
            f"AP{e.day.year % 100}{doy:03d}{_code(rng, 9, True)}.jpg",
            f"TOK{_code(rng, 3, True)}",
        )
    if e.agency == "Reuters":
        stamp = f"{e.day.isoformat()}T{rng.randrange(24):02d}{rng.randrange(6000):04d}Z"
        slug = e.country.upper().replace(" ", "")
        code = "LYNXMPE" + _code(rng, 6)
        return f"{stamp}_1_{code}_RTRMADP_3_{slug}-POLITICS.JPG", "RC2" + _code(rng, 6)
    code = _code(rng, 10, True)
    return f"GettyImages-{code}.jpg", code


def frame_picture(frame: Frame, picture_id: int) -> PictureCandidate:
    e = frame.event
    name, job = file_name(frame)
    creator = "HANDOUT" if e.handout else e.photographer
    if e.agency == "AFP":
        creator = creator.upper()
    source = e.handout or ("POOL" if e.pool else e.agency)
    return PictureCandidate(
        picture_id=picture_id,
        path=f"/desk/pictures/{name}",
        description=agency_description(frame),
        creators=(creator,),
        credit="REUTERS" if e.agency == "Reuters" else e.agency,
        source=source,
        date_created=e.day.isoformat(),
        headline=f"{e.country.upper()}-POLITICS",
        keywords=(e.country, "politics", e.city),
        job_id=job,
    )


def _caption_text(rng: random.Random, frame: Frame) -> str:
    e, (third, _) = frame.event, frame.acts()
    at = "" if rng.random() < 0.1 else f" at {e.venue}"
    clause = f", {rng.choice(words.EDITOR_CLAUSES)}" if rng.random() < 0.3 else ""
    shape = rng.randrange(4 if e.handout else 3)
    if shape == 0:
        where = f"{e.city}, {e.country}"
        return (
            f"{e.role} {e.person_printed} {third}{at} in {where}, on {_long_date(e.day)}{clause}."
        )
    if shape == 1:
        when = f"{e.day.day} {words.MONTHS[e.day.month - 1]} {e.day.year}"
        return (
            f"{e.country}'s {e.role} {e.person_printed} {third}{at}, {e.city}, on {when}{clause}."
        )
    if shape == 2:
        return f"{e.person_printed}, {e.country}'s {e.role}, {third}{at} in {e.city}{clause}."
    return (
        f"In this handout picture released by the {e.handout}, {e.role} {e.person_printed} "
        f"{third}{at} in {e.city} on {_long_date(e.day)}."
    )


def _credit_text(rng: random.Random, e: Event) -> str | None:
    roll, name = rng.random(), e.photographer_printed
    if roll < 0.06:
        return None
    if roll < 0.10:  # the article credits someone else entirely
        return "AP Photo/Nikolai Kravets" if e.agency != "AP" else "REUTERS/Pavel Surikov"
    if e.agency == "AFP":
        return f"Photo by Handout / {e.handout} / AFP" if e.handout else f"Photo by {name} / AFP"
    if e.agency == "AP":
        return f"{name}, Pool Photo via AP" if e.pool else f"AP Photo/{name}"
    return f"REUTERS/{name}" if e.agency == "Reuters" else f"{name}/Getty Images"


def _image_ref(rng: random.Random, frame: Frame) -> str | None:
    name, _ = file_name(frame)
    roll, stamp = rng.random(), frame.event.day.strftime("%Y/%m")
    if roll < 0.35:
        return f"../pictures/{name}"
    if roll < 0.55:
        stem = name.rsplit(".", 1)[0].split("_")[-1 if frame.event.agency == "AFP" else 0]
        if frame.event.agency == "Reuters":
            stem = name.split("_")[2]
        return f"https://cdn.news.example/{stamp}/{stem}-1200x800.webp?w=1200"
    if roll < 0.65:
        return f"https://cdn.news.example/img/{rng.getrandbits(64):016x}.jpg"
    return None


def article_caption(
    rng: random.Random, caption_id: int, article_id: int, frame: Frame
) -> CaptionCandidate:
    credit = _credit_text(rng, frame.event)
    published = frame.event.day + timedelta(days=rng.choice((0, 1, 1)))
    return CaptionCandidate(
        caption_id=caption_id,
        article_id=article_id,
        text=_caption_text(rng, frame),
        credit=parse_credit(credit) if credit else None,
        image_ref=_image_ref(rng, frame),
        date=f"{published.isoformat()}T09:56:00",
    )
