"""The words of the desk benchmark: agency frames shot in bursts, and the article's edit of each.

Linking is only as hard as the text lets it be, so the captions are built the way agency captions
are: a named person with a role, an action, a place, a date and an occasion. Frames come in
bursts of five from one event (same person, place, day and occasion, another action each), which
is what makes a caption's true picture hard to tell from its neighbours. The article's caption
rewrites the agency's: name before role, the date as the article's day, the credit in house
style, and every fourth without diacritics, as web CMSs often strip them.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from corpus_text import AGENCIES

BURST = 5
FIRST = ("Anna", "Łukasz", "Jürgen", "Élodie", "Dmitri", "Yasmin", "Zoë", "Søren", "Ana",
         "Kenji", "Amara", "Tomás", "Ingrid", "Mehmet", "Priya", "Olumide", "Chloé", "Hamid",
         "Marta", "Lars", "Fatima", "Pedro", "Agnieszka", "Yusuf", "Sofía", "Björn", "Nadia",
         "Kwame", "Irina", "Jean")  # fmt: skip
# Surnames are made of syllables (24 x 24 x 10): a desk names thousands of people, so a name
# picks out its event the way it does on a real desk, where no word list would.
SYLLABLES = ("ka", "lo", "vi", "ri", "mé", "sto", "ber", "ni", "gö", "ra", "zu", "ław", "dan",
             "ko", "še", "mar", "ti", "ul", "fe", "no", "sa", "bø", "ir", "ok")  # fmt: skip
ENDINGS = ("", "ski", "son", "ez", "ov", "ić", "er", "ou", "ani", "ens")
ROLES = ("President", "Prime Minister", "Foreign Minister", "Mayor", "Opposition leader",
         "Head coach", "Striker", "Union leader", "Central bank governor", "Activist",
         "Finance Minister", "Health Minister", "Party chair", "Climate envoy",
         "Rescue worker")  # fmt: skip
ACTIONS = ("speaks during a news conference", "waves to supporters", "arrives for talks",
           "inspects the damage", "celebrates a goal", "visits a field hospital",
           "attends a memorial service", "shakes hands with delegates", "leaves the parliament",
           "addresses a rally", "signs an agreement", "looks on", "gestures while speaking",
           "lays a wreath", "talks to reporters", "casts a ballot", "reviews an honour guard",
           "walks through the market", "meets residents", "listens to a question")  # fmt: skip
PHOTOGRAPHERS = 150  # agencies have fewer photographers than subjects
PLACES = (("Kraków", "Poland"), ("Zürich", "Switzerland"), ("Montréal", "Canada"),
          ("Köln", "Germany"), ("Saint-Étienne", "France"), ("São Paulo", "Brazil"),
          ("İzmir", "Turkey"), ("Reykjavík", "Iceland"), ("Málaga", "Spain"), ("Łódź", "Poland"),
          ("Göteborg", "Sweden"), ("Nairobi", "Kenya"), ("Osaka", "Japan"), ("Lagos", "Nigeria"),
          ("Bogotá", "Colombia"), ("Tromsø", "Norway"), ("Århus", "Denmark"), ("Brno", "Czechia"),
          ("Cluj-Napoca", "Romania"), ("Porto", "Portugal"))  # fmt: skip
OCCASIONS = ("ahead of the regional summit", "after the first round of voting",
             "during the trade fair", "on the second day of the strike", "after the floods",
             "at the opening of the new bridge", "during the budget debate",
             "before the cup final", "at the climate conference", "during a state visit",
             "after the ceasefire talks", "at the party congress")  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
HOUSE_CREDIT = {
    "REUTERS": "REUTERS/{by}", "AFP": "{by} / AFP", "AP": "AP Photo/{by}",
    "EPA-EFE": "EPA-EFE/{by}", "Getty Images": "{by}/Getty Images",
}  # fmt: skip
AGENCY_CREDIT = {
    "REUTERS": "REUTERS/{by}", "AFP": "Photo by {by} / AFP", "AP": "(AP Photo/{by})",
    "EPA-EFE": "EPA-EFE/{BY}", "Getty Images": "(Photo by {by}/Getty Images)",
}  # fmt: skip


@dataclass(frozen=True)
class Frame:
    """One agency picture: its file name, embedded caption and credit fields, and the article's
    caption for it."""

    filename: str
    caption: str
    byline: str
    credit: str
    source: str
    city: str
    country: str
    date: str
    headline: str
    article_caption: str


def frame(index: int) -> Frame:
    """Picture ``index``; frames of one burst share their event."""
    event = random.Random(index // BURST)
    credit, source, pattern = AGENCIES[(index // BURST) % len(AGENCIES)]
    person = f"{event.choice(FIRST)} {_surname(event)}"
    role, (city, country), occasion = (
        event.choice(ROLES),
        event.choice(PLACES),
        event.choice(OCCASIONS),
    )
    month, day = event.randrange(12), 1 + event.randrange(28)
    action = event.sample(ACTIONS, BURST)[index % BURST]  # each frame of a burst does another
    byline = _photographer(event.randrange(PHOTOGRAPHERS))
    when = f"{MONTHS[month]} {day}, 2024"
    agency = AGENCY_CREDIT[credit].format(by=byline, BY=byline.upper())
    caption = f"{role} {person} {action} in {city}, {country}, {when}, {occasion}. {agency}"
    who = f"{person}, {role[0].lower()}{role[1:]}"
    edited = f"{who}, {action} in {city} on {MONTHS[month]} {day} {occasion}."
    if index % 4 == 0:
        edited = _plain(edited)
    date = f"2024-{month + 1:02d}-{day:02d}"
    return Frame(
        filename=pattern.format(n=index, d=date.replace("-", "")), caption=caption,
        byline=byline, credit=credit, source=source, city=city, country=country, date=date,
        headline=f"{country.upper()}-{occasion.split()[-1].upper()}",
        article_caption=f"{edited} {HOUSE_CREDIT[credit].format(by=byline)}",
    )  # fmt: skip


def _surname(rnd: random.Random) -> str:
    return (rnd.choice(SYLLABLES) + rnd.choice(SYLLABLES) + rnd.choice(ENDINGS)).capitalize()


def _photographer(number: int) -> str:
    rnd = random.Random(f"photographer {number}")
    return f"{rnd.choice(FIRST)} {_surname(rnd)}"


def _plain(text: str) -> str:
    """Diacritics dropped (ł and ø kept: they do not decompose, as in real CMS output)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


assert set(HOUSE_CREDIT) == set(AGENCY_CREDIT) == {agency[0] for agency in AGENCIES}
