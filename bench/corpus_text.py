"""The words of the benchmark corpus: one agency story per file, seeded by its index.

Captions of 300-800 characters, bylines, places and keywords in French, German, Polish, Russian
and Arabic script, so that every reader in the benchmark pays for real UTF-8 in all three blocks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

AGENCIES = (
    # credit, source/copyright, file name pattern, usage terms
    ("REUTERS", "Reuters", "{d}T{n:06d}Z_1_LYNXMPEK{n:04X}_RTRMADP_3_DESK.JPG"),
    ("AFP", "AFP", "AFP_{n:05X}QW.jpg"),
    ("AP", "The Associated Press", "AP24{n:09d}.jpg"),
    ("EPA-EFE", "EPA", "epa{n:08d}.jpg"),
    ("Getty Images", "Getty Images Europe", "GettyImages-{n:010d}.jpg"),
)
PEOPLE = (
    "Łukasz Głowacki", "Jürgen Müßig", "Élodie Lefèvre", "Дмитрий Соколов", "محمد الحسيني",
    "Zoë Brontë", "Ana Núñez", "Søren Ødegård", "Анна Кузнецова", "Yasmin Al-Khatib",
)  # fmt: skip
PLACES = (
    ("Kraków", "Małopolskie", "Poland", "PL"), ("Zürich", "Zürich", "Switzerland", "CH"),
    ("Montréal", "Québec", "Canada", "CA"), ("Москва", "Москва", "Россия", "RU"),
    ("القاهرة", "القاهرة", "مصر", "EG"), ("Köln", "Nordrhein-Westfalen", "Germany", "DE"),
    ("Łódź", "Łódzkie", "Poland", "PL"), ("Saint-Étienne", "Loire", "France", "FR"),
)  # fmt: skip
SENTENCES = (
    "Demonstrators gather outside the regional assembly in {city} as lawmakers debate the budget.",
    "Des manifestants se rassemblent devant la préfecture de {city} après l'annonce du préfet.",
    "Feuerwehrleute löschen einen Brand in einer Lagerhalle am Stadtrand von {city}, Südwest.",
    "Mieszkańcy {city} świętują zwycięstwo drużyny na rynku głównym późnym wieczorem.",
    "Жители города {city} выходят на улицы после объявления результатов голосования.",
    "يتجمع المتظاهرون أمام مبنى البرلمان في {city} للمطالبة بإصلاحات اقتصادية عاجلة.",
    "A woman walks past a mural depicting the late poet during the festival in {city}.",
    "Rescue workers search the rubble of a collapsed building after the overnight storm.",
)  # fmt: skip
KEYWORDS = (
    "POLITICS", "PROTEST", "ELECTION", "Horizontal", "SPORT", "FOOTBALL", "WEATHER", "STORM",
    "CULTURE", "FESTIVAL", "économie", "Gesellschaft", "społeczeństwo", "выборы", "احتجاج",
    "TOPCUT", "PICTURE OF THE DAY", "ENVIRONMENT", "TRANSPORT", "HEALTH",
)  # fmt: skip
CAMERAS = (
    ("Canon", "Canon EOS R3"), ("Canon", "Canon EOS-1D X Mark III"),
    ("NIKON CORPORATION", "NIKON Z 9"), ("SONY", "ILCE-1"), ("FUJIFILM", "X-H2S"),
)  # fmt: skip
INSTRUCTIONS = (
    "EDITORIAL USE ONLY. NO RESALES. NO ARCHIVES. MANDATORY CREDIT.",
    "RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT - NO MARKETING NO ADVERTISING CAMPAIGNS",
    "ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY. Ni ventes, ni archives.",
)


@dataclass(frozen=True)
class Story:
    filename: str
    caption: str
    title: str
    headline: str
    byline: str
    writer: str
    credit: str
    source: str
    copyright: str
    usage_terms: str
    instructions: str
    city: str
    state: str
    country: str
    country_code: str
    sublocation: str
    keywords: tuple[str, ...]
    date: str
    taken: str
    job_id: str
    make: str
    model: str

    def iim_fields(self) -> tuple[tuple[str, str], ...]:
        return (
            ("SpecialInstructions", self.instructions), ("DateCreated", self.date),
            ("Byline", self.byline), ("City", self.city), ("ProvinceState", self.state),
            ("CountryName", self.country), ("TransmissionReference", self.job_id),
            ("Headline", self.headline), ("Credit", self.credit), ("Source", self.source),
            ("Copyright", self.copyright), ("Caption", self.caption), ("Writer", self.writer),
        )  # fmt: skip

    def xmp_fields(self) -> tuple[tuple[str, str], ...]:
        return (
            ("Xmp.photoshop.Headline", self.headline), ("Xmp.photoshop.Credit", self.credit),
            ("Xmp.photoshop.Source", self.source), ("Xmp.photoshop.City", self.city),
            ("Xmp.photoshop.Instructions", self.instructions), ("Xmp.photoshop.State", self.state),
            ("Xmp.photoshop.Country", self.country), ("Xmp.photoshop.DateCreated", self.date),
            ("Xmp.photoshop.CaptionWriter", self.writer),
            ("Xmp.photoshop.TransmissionReference", self.job_id),
            ("Xmp.Iptc4xmpCore.CountryCode", self.country_code),
            ("Xmp.Iptc4xmpCore.Location", self.sublocation),
        )  # fmt: skip


def story(index: int) -> Story:
    """File ``index``'s story; the same index always gives the same story."""
    rnd = random.Random(index * 7919)
    credit, source, pattern = AGENCIES[index % len(AGENCIES)]
    city, state, country, code = rnd.choice(PLACES)
    byline, writer = rnd.choice(PEOPLE), rnd.choice(PEOPLE)
    day = f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}"
    caption = _caption(rnd, city, f"{byline}/{credit}")
    make, model = rnd.choice(CAMERAS)
    return Story(
        filename=pattern.format(n=index, d=day.replace("-", "")),
        caption=caption, title=f"{city} {index}", headline=caption[:60].rsplit(" ", 1)[0],
        byline=byline, writer=writer, credit=credit, source=source,
        copyright=f"© 2024 {source}. All rights reserved.",
        usage_terms=f"Editorial use only. {rnd.choice(INSTRUCTIONS)}",
        instructions=rnd.choice(INSTRUCTIONS), city=city, state=state, country=country,
        country_code=code, sublocation=f"Plac Główny {index % 40}",
        keywords=tuple(rnd.sample(KEYWORDS, rnd.randint(8, 16))), date=day,
        taken=f"{day.replace('-', ':')} {index % 24:02d}:{index % 60:02d}:{(index * 7) % 60:02d}",
        job_id=f"JOB{index:06d}", make=make, model=model,
    )  # fmt: skip


def _caption(rnd: random.Random, city: str, credit: str) -> str:
    """Sentences until the caption is 300-800 characters, then the credit as agencies add it."""
    target = rnd.randint(300, 760)
    parts: list[str] = []
    while sum(len(part) + 1 for part in parts) < target:
        parts.append(rnd.choice(SENTENCES).format(city=city))
    return f"{' '.join(parts)[:target].rstrip()}. {credit}"
