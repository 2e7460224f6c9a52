"""Draw the demo desk's pictures and embed agency-style metadata in them.

The demo desk must show the product's real problems (a missing credit, a credit that contradicts
the file, a decoy frame, a truncated IIM field) on files whose embedded metadata is as real as an
agency's, yet we may not ship copied photos. So every picture is a simple drawing, and every
metadata value comes from the PICTURES table below, written with python-exiv2 into EXIF, IPTC-IIM
(UTF-8, 1:90 set) and XMP, the three blocks an agency file carries.

The output is deterministic (no clock, seeded grain, fixed encoder settings) so that a test can
regenerate the pictures into a temporary folder and compare them with the committed ones.

    .venv/bin/python media/make_demo.py            # rewrite media/pictures/
    .venv/bin/python media/make_demo.py --out DIR  # write somewhere else
"""

from __future__ import annotations

import argparse
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import exiv2
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageOps


@dataclass(frozen=True)
class Picture:
    """One demo picture: what to draw, what the agency embedded, and what it is planted for."""

    file: str
    scene: str
    variant: int
    label: str
    caption: str  # the agency original: EXIF ImageDescription, IIM 2:120, XMP dc:description
    byline: str
    credit: str
    source: str
    copyright: str
    instructions: str
    headline: str
    date_created: str  # ISO date, IIM 2:55 and photoshop:DateCreated
    time_original: str  # local time for EXIF DateTimeOriginal
    city: str
    country: str
    country_code: str
    keywords: tuple[str, ...]
    job_id: str
    make: str
    model: str
    article: str | None  # the demo article that prints this picture, None for the decoy
    planted: str  # what the desk should notice about it (see media/README.md)


AFP_HANDOUT_SOURCE = "Government of Khabarovsk Territory"
AFP_HANDOUT_RESTRICTION = (
    'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / GOVERNMENT OF KHABAROVSK '
    'TERRITORY" - NO MARKETING NO ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS'
)
AFP_HANDOUT_TRAILER = f"(Photo by Handout / {AFP_HANDOUT_SOURCE} / AFP) / {AFP_HANDOUT_RESTRICTION}"
AP_HANDOUT_NOTE = (
    "Independent journalists could not attend the visit shown in this image, which the North "
    "Korean government distributed; what it shows cannot be verified independently."
)
TXT_ARTICLE = "2024-10-10_afp_amur-forum-ends.txt"
HTML_ARTICLE = "2024-10-10_ap_shipyard-visit.html"
MD_ARTICLE = "2024-10-11_amur-ledger_cargo-terminal.md"
REUTERS_CRANE = "2024-10-10T001512Z_1_LYNXMPEK9A0C4_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG"
REUTERS_FREIGHTER = "2024-10-10T004938Z_1_LYNXMPEK9A0D1_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG"

# The seed story (../shared/seeds/000_7100e35f6f55d0cb.txt, AFP via The Times of Israel, 18
# September 2023): its four captions need pictures on the demo desk for the linker to find.
SEED_ARTICLE = "../shared/seeds/000_7100e35f6f55d0cb.txt"
AFP_SEED_RESTRICTION = (
    'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / {}" - NO MARKETING NO '
    "ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS"
)
PRIMORSKY = "Government of Primorsky region"
DEFENCE_MINISTRY = "Russian Defence Ministry"
KCNA_NOTE = (
    "Independent journalists were not given access to cover the event depicted in this image "
    "distributed by the North Korean government. The content of this image is as provided and "
    "cannot be independently verified."
)
AP_HANDOUT_INSTRUCTIONS = (
    "THE ASSOCIATED PRESS CANNOT VERIFY WHAT THIS HANDOUT PHOTO SHOWS. IT IS DISTRIBUTED AS "
    "RECEIVED. NO SALES"
)

# What two frames of one shoot share.
AFP_HANDOUT_SHOOT: dict[str, Any] = {
    "byline": "HANDOUT",
    "credit": "AFP",
    "source": AFP_HANDOUT_SOURCE,
    "copyright": AFP_HANDOUT_SOURCE,
    "instructions": AFP_HANDOUT_RESTRICTION,
    "headline": "RUSSIA-NKOREA-DIPLOMACY-ECONOMY",
    "date_created": "2024-10-10",
    "city": "Khabarovsk",
    "country": "Russia",
    "country_code": "RU",
    "keywords": ("Horizontal", "POLITICS", "DIPLOMACY", "Хабаровск"),
    "make": "Canon",
    "model": "Canon EOS R6",
}
REUTERS_SHOOT: dict[str, Any] = {
    "byline": "Pavel Surikov",
    "credit": "REUTERS",
    "source": "REUTERS",
    "copyright": "REUTERS",
    "instructions": "",
    "headline": "RUSSIA-NORTHKOREA/TRADE",
    "date_created": "2024-10-10",
    "city": "Khabarovsk",
    "country": "Russia",
    "country_code": "RU",
    "keywords": ("TRADE", "SHIPPING", "RUSSIA", "NORTH KOREA"),
    "make": "Canon",
    "model": "Canon EOS-1D X Mark III",
    "article": MD_ARTICLE,
}

PICTURES: tuple[Picture, ...] = (
    Picture(
        file="AFP_36HK2QW.jpg",
        scene="station",
        variant=0,
        **AFP_HANDOUT_SHOOT,
        label="Farewell at Khabarovsk-1 station, delegation head waves from the train",
        caption=(
            "This handout photograph taken and released by the Government of Khabarovsk "
            "Territory on October 10, 2024 shows North Korean Vice Premier Ri Song Chol waving "
            "from a train carriage during a farewell ceremony at the Khabarovsk-1 (Хабаровск-1) "
            "railway station at the end of the Amur Trade Forum. " + AFP_HANDOUT_TRAILER
        ),
        time_original="2024:10:10 14:05:42",
        job_id="36HK2QW",
        article=TXT_ARTICLE,
        planted="handout via AFP; IIM 2:115 Source is cut at its 32-byte limit",
    ),
    Picture(
        file="AFP_36HK2QX.jpg",
        scene="station",
        variant=1,
        **AFP_HANDOUT_SHOOT,
        label="Farewell at Khabarovsk-1 station, the train pulls out",
        caption=(
            "This handout photograph taken and released by the Government of Khabarovsk "
            "Territory on October 10, 2024 shows the train carrying North Korean Vice Premier "
            "Ri Song Chol leaving the Khabarovsk-1 (Хабаровск-1) railway station after a farewell "
            "ceremony at the end of the Amur Trade Forum. " + AFP_HANDOUT_TRAILER
        ),
        time_original="2024:10:10 14:07:19",
        job_id="36HK2QX",
        article=None,
        planted="decoy: a second frame of the same farewell that no article uses",
    ),
    Picture(
        file="AP24283537214406.jpg",
        scene="plenary",
        variant=0,
        label="Amur Trade Forum plenary, the envoy and the vice premier shake hands",
        caption=(
            "Russian presidential envoy to the Far East Arkady Vetrov, right, and North Korean "
            "Vice Premier Ri Song Chol shake hands during the plenary session of the Amur Trade "
            "Forum in Khabarovsk, Russia, Wednesday, Oct. 9, 2024. "
            "(Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP)"
        ),
        byline="Yevgeny Korshunov",
        credit="AP",
        source="Sputnik",
        copyright="Sputnik",
        instructions="",
        headline="Russia North Korea",
        date_created="2024-10-09",
        time_original="2024:10:09 15:41:08",
        city="Khabarovsk",
        country="Russia",
        country_code="RU",
        keywords=("Russia", "North Korea", "Arkady Vetrov", "Ri Song Chol"),
        job_id="MOSB412",
        make="NIKON CORPORATION",
        model="NIKON Z 9",
        article=TXT_ARTICLE,
        planted="Kremlin pool via AP",
    ),
    Picture(
        file="AP24284108853361.jpg",
        scene="shipyard",
        variant=0,
        label="The vice premier tours a Khabarovsk shipyard (state media handout)",
        caption=(
            "In this photo provided Thursday, Oct. 10, 2024, by the North Korean government, "
            "North Korean Vice Premier Ri Song Chol, center, tours a shipyard in Khabarovsk, "
            f"Russia. {AP_HANDOUT_NOTE} (Korean Central News Agency/Korea News Service via AP)"
        ),
        byline="Uncredited",
        credit="AP",
        source="KCNA via KNS",
        copyright="KCNA via KNS",
        instructions=(
            "THE ASSOCIATED PRESS CANNOT VERIFY WHAT THIS HANDOUT PHOTO SHOWS. "
            "IT IS DISTRIBUTED AS RECEIVED. NO SALES"
        ),
        headline="Russia North Korea",
        date_created="2024-10-10",
        time_original="2024:10:10 09:20:00",
        city="Khabarovsk",
        country="Russia",
        country_code="RU",
        keywords=("Russia", "North Korea", "Ri Song Chol"),
        job_id="TOK801",
        make="",
        model="",
        article=HTML_ARTICLE,
        planted="state media via AP",
    ),
    Picture(
        file="AFP_36HJ7ZM.jpg",
        scene="trucks",
        variant=0,
        label="Timber trucks queue at a freight checkpoint outside Khabarovsk",
        caption=(
            "Trucks loaded with timber queue at a freight checkpoint on the outskirts of "
            "Khabarovsk on October 9, 2024, on the sidelines of the Amur Trade Forum. "
            "(Photo by Yulia ZORINA / AFP)"
        ),
        byline="YULIA ZORINA",
        credit="AFP",
        source="AFP",
        copyright="AFP",
        instructions="",
        headline="RUSSIA-NKOREA-ECONOMY-TRADE-TRANSPORT",
        date_created="2024-10-09",
        time_original="2024:10:09 08:12:55",
        city="Khabarovsk",
        country="Russia",
        country_code="RU",
        keywords=("Horizontal", "ECONOMY", "TRANSPORT"),
        job_id="36HJ7ZM",
        make="NIKON CORPORATION",
        model="NIKON D6",
        article=HTML_ARTICLE,
        planted="contradiction: the article credits AP Photo/Nikolai Kravets, the file says AFP",
    ),
    Picture(
        file="GettyImages-2176543210.jpg",
        scene="embankment",
        variant=0,
        label="Forum banner on the Amur embankment",
        caption=(
            "KHABAROVSK, RUSSIA - OCTOBER 8: Visitors walk past a banner announcing the Amur "
            "Trade Forum on the Amur River embankment on October 8, 2024 in Khabarovsk, Russia. "
            "The three-day forum brings together regional officials and a North Korean trade "
            "delegation. (Photo by Lea Fournier/Getty Images)"
        ),
        byline="Léa Fournier",
        credit="Getty Images",
        source="Getty Images Europe",
        copyright="2024 Getty Images",
        instructions="",
        headline="Khabarovsk Hosts Amur Trade Forum",
        date_created="2024-10-08",
        time_original="2024:10:08 17:33:10",
        city="Khabarovsk",
        country="Russia",
        country_code="RU",
        keywords=("Khabarovsk", "Amur River", "Trade Fair", "Russia"),
        job_id="775902113",
        make="Sony",
        model="ILCE-1",
        article=HTML_ARTICLE,
        planted="ordinary agency credit (Getty Images); non-ASCII by-line",
    ),
    Picture(
        file=REUTERS_CRANE,
        scene="terminal",
        variant=0,
        **REUTERS_SHOOT,
        label="A crane lifts the first container at the new river terminal",
        caption=(
            "A crane lifts the first container at the new river cargo terminal in Khabarovsk, "
            "Russia October 10, 2024. REUTERS/Pavel Surikov"
        ),
        time_original="2024:10:10 10:15:12",
        job_id="RC2K9A0C4",
        planted="ordinary agency credit (REUTERS/Name trailer)",
    ),
    Picture(
        file=REUTERS_FREIGHTER,
        scene="freighter",
        variant=0,
        **REUTERS_SHOOT,
        label="The river freighter Amurskaya Zarya at the terminal berth",
        caption=(
            "The river freighter Amurskaya Zarya is moored at the new cargo terminal in "
            "Khabarovsk, Russia October 10, 2024. REUTERS/Pavel Surikov"
        ),
        time_original="2024:10:10 10:49:38",
        job_id="RC2K9A0D1",
        planted="missing credit: the article prints the caption with no credit at all",
    ),
    Picture(
        file="AFP_33VY7UN.jpg",
        scene="artyom",
        variant=0,
        label="Seed: farewell at Artyom station, the leader waves before boarding",
        caption=(
            f"This handout photograph taken and released by the {PRIMORSKY} on September 17, "
            "2023 shows North Korea's leader Kim Jong Un waving before boarding a train during a "
            "farewell ceremony at the Artyom railway station near Vladivostok at the end of his "
            f"visit to Russia. (Photo by Handout / {PRIMORSKY} / AFP) / "
            + AFP_SEED_RESTRICTION.format(PRIMORSKY.upper())
        ),
        byline="HANDOUT",
        credit="AFP",
        source=PRIMORSKY,
        copyright=PRIMORSKY,
        instructions=AFP_SEED_RESTRICTION.format(PRIMORSKY.upper()),
        headline="RUSSIA-NKOREA-DIPLOMACY",
        date_created="2023-09-17",
        time_original="2023:09:17 16:20:05",
        city="Artyom",
        country="Russia",
        country_code="RU",
        keywords=("Horizontal", "POLITICS", "DIPLOMACY", "Приморье"),
        job_id="33VY7UN",
        make="Canon",
        model="Canon EOS 5D Mark IV",
        article=SEED_ARTICLE,
        planted="seed: handout via AFP, the lead picture of the seed story",
    ),
    Picture(
        file="AFP_33VU6HT.jpg",
        scene="aerodrome",
        variant=0,
        label="Seed: video grab, the leader inspects a warplane at Knevichi aerodrome",
        caption=(
            f"This video grab taken from a handout footage released by the {DEFENCE_MINISTRY} on "
            "September 16, 2023, shows North Korea's leader Kim Jong Un inspecting a Russian "
            "warplane during his visit to the Knevichi aerodrome near Vladivostok. "
            f"(Photo by Handout / {DEFENCE_MINISTRY} / AFP) / "
            + AFP_SEED_RESTRICTION.format(DEFENCE_MINISTRY.upper())
        ),
        byline="HANDOUT",
        credit="AFP",
        source=DEFENCE_MINISTRY,
        copyright=DEFENCE_MINISTRY,
        instructions=AFP_SEED_RESTRICTION.format(DEFENCE_MINISTRY.upper()),
        headline="RUSSIA-NKOREA-DIPLOMACY-DEFENCE",
        date_created="2023-09-16",
        time_original="2023:09:16 11:02:40",
        city="Artyom",
        country="Russia",
        country_code="RU",
        keywords=("Horizontal", "POLITICS", "DEFENCE", "Кневичи"),
        job_id="33VU6HT",
        make="",
        model="",
        article=SEED_ARTICLE,
        planted="seed: a handout video grab via AFP; no camera, as for any frame from footage",
    ),
    Picture(
        file="AP23256418226947.jpg",
        scene="launchpad",
        variant=0,
        label="Seed: the two leaders examine a launch pad at the Vostochny cosmodrome",
        caption=(
            "Russian President Vladimir Putin, left, and North Korea's leader Kim Jong Un examine "
            "a launch pad during their meeting at the Vostochny cosmodrome outside the city of "
            "Tsiolkovsky, about 200 kilometers (125 miles) from the city of Blagoveshchensk in the "
            "far eastern Amur region, Russia, on Wednesday, Sept. 13, 2023. "
            "(Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)"
        ),
        byline="Mikhail Metzel",
        credit="AP",
        source="Sputnik",
        copyright="Sputnik",
        instructions="",
        headline="Russia North Korea",
        date_created="2023-09-13",
        time_original="2023:09:13 13:48:31",
        city="Tsiolkovsky",
        country="Russia",
        country_code="RU",
        keywords=("Russia", "North Korea", "Vladimir Putin", "Kim Jong Un"),
        job_id="MOSB301",
        make="NIKON CORPORATION",
        model="NIKON Z 9",
        article=SEED_ARTICLE,
        planted="seed: Kremlin pool via AP",
    ),
    Picture(
        file="AP23261037481592.jpg",
        scene="aquarium",
        variant=0,
        label="Seed: the leader watches a walrus show at the Primorsky Aquarium",
        caption=(
            "In this photo provided on Monday, Sept. 18, 2023, by the North Korean government, "
            "North Korean leader Kim Jong Un, fourth from right in front row, watches a walrus "
            "show at the Primorsky Aquarium in Vladivostok, Russia, Sunday, Sept. 17, 2023. "
            f"{KCNA_NOTE} (Korean Central News Agency/Korea News Service via AP)"
        ),
        byline="Uncredited",
        credit="AP",
        source="KCNA via KNS",
        copyright="KCNA via KNS",
        instructions=AP_HANDOUT_INSTRUCTIONS,
        headline="Russia North Korea",
        date_created="2023-09-17",
        time_original="2023:09:17 11:30:00",
        city="Vladivostok",
        country="Russia",
        country_code="RU",
        keywords=("Russia", "North Korea", "Kim Jong Un"),
        job_id="TOK607",
        make="",
        model="",
        article=SEED_ARTICLE,
        planted="seed: state media via AP, provided a day after it was taken",
    ),
)

SIZE = (1200, 800)
JPEG_OPTIONS = {"quality": 85, "optimize": True, "progressive": False, "subsampling": "4:2:0"}
GRAIN = 12  # peak-to-peak grain, enough to give the JPEG a photo-like size and texture

# IIM byte limits (IPTC-IIM 4.2); agency systems cut longer values, so the demo does too.
IIM_LIMITS = {
    "Byline": 32,
    "Credit": 32,
    "Source": 32,
    "Copyright": 128,
    "Caption": 2000,
    "SpecialInstructions": 256,
    "Headline": 256,
    "City": 32,
    "CountryName": 64,
    "Keywords": 64,
    "TransmissionReference": 32,
}
UTF8_ESCAPE = "\x1b%G"  # IIM 1:90 coded character set: ISO 2022 escape for UTF-8

Rgb = tuple[int, int, int]
Draw = ImageDraw.ImageDraw


# ---------------------------------------------------------------------------------- drawing


def gradient(size: tuple[int, int], top: Rgb, bottom: Rgb) -> Image.Image:
    """A vertical gradient, the sky or wall behind every scene."""
    ramp = Image.linear_gradient("L").resize(size)
    return ImageOps.colorize(ramp, black=top, white=bottom)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font, so that no system font makes the output machine-dependent."""
    return ImageFont.load_default(size=size)


def person(d: Draw, x: int, y: int, scale: float, coat: Rgb, wave: bool = False) -> None:
    """A standing figure whose feet are at (x, y)."""
    h = int(150 * scale)
    w = int(44 * scale)
    d.rounded_rectangle((x - w // 2, y - h + w, x + w // 2, y), radius=w // 3, fill=coat)
    d.ellipse((x - w // 3, y - h, x + w // 3, y - h + int(w * 0.7)), fill=(224, 186, 150))
    if wave:
        d.line((x + w // 2, y - h + w + 8, x + w, y - h - 10), fill=coat, width=max(4, w // 4))


def water(d: Draw, top: int, colour: Rgb) -> None:
    """A river from ``top`` down to the caption bar, with a few ripples."""
    d.rectangle((0, top, SIZE[0], SIZE[1]), fill=colour)
    for row in range(top + 18, SIZE[1] - 60, 26):
        for col in range((row * 7) % 90, SIZE[0], 180):
            d.line((col, row, col + 60, row), fill=tuple(min(255, c + 28) for c in colour), width=2)


def sign(d: Draw, box: tuple[int, int, int, int], text: str, fill: Rgb, ink: Rgb) -> None:
    """A banner or station board with centred text."""
    d.rectangle(box, fill=fill)
    d.text(
        ((box[0] + box[2]) // 2, (box[1] + box[3]) // 2), text, fill=ink, font=font(34), anchor="mm"
    )


Band = tuple[int, int, int, int]  # r, g, b, height in pixels
RUSSIAN_FLAG: tuple[Band, ...] = ((255, 255, 255, 40), (0, 57, 166, 40), (213, 43, 30, 40))
NORTH_KOREAN_FLAG: tuple[Band, ...] = (
    (2, 79, 162, 24),
    (255, 255, 255, 6),
    (237, 28, 39, 60),
    (255, 255, 255, 6),
    (2, 79, 162, 24),
)


def stripes(d: Draw, origin: tuple[int, int], bands: tuple[Band, ...]) -> None:
    """A flag drawn as horizontal bands of (r, g, b, height), 140 pixels wide."""
    x, y = origin
    for r, g, b, height in bands:
        d.rectangle((x, y, x + 140, y + height - 1), fill=(r, g, b))
        y += height


def draw_station(d: Draw, variant: int) -> None:
    """A platform and a green train; variant 1 is the train already pulling out."""
    d.rectangle((0, 560, SIZE[0], SIZE[1]), fill=(150, 150, 146))
    shift = 0 if variant == 0 else 360
    d.rectangle((80 + shift, 330, 1500 + shift, 540), fill=(38, 92, 64))
    for x in range(120 + shift, 1500 + shift, 130):
        d.rectangle((x, 360, x + 80, 430), fill=(190, 214, 226))
    if variant == 0:
        person(d, 420, 440, 0.55, (40, 40, 48), wave=True)
        for i, x in enumerate(range(260, 980, 120)):
            person(d, x, 700, 1.0, ((60 + 30 * i) % 200, 60, 90))
    else:
        for y in range(350, 530, 22):
            d.line((0, y, 60 + shift, y), fill=(200, 200, 196), width=3)
    sign(d, (420, 150, 780, 220), "KHABAROVSK-1", (20, 60, 130), (255, 255, 255))


def draw_plenary(d: Draw, variant: int) -> None:
    """A conference stage: banner, two flags, a table and a handshake."""
    sign(d, (200, 80, 1000, 170), "AMUR TRADE FORUM 2024", (18, 52, 110), (240, 240, 240))
    stripes(d, (90, 220), RUSSIAN_FLAG)
    stripes(d, (970, 220), NORTH_KOREAN_FLAG)
    d.ellipse((1000, 256, 1040, 296), fill=(255, 255, 255))
    d.regular_polygon((1020, 276, 16), 5, fill=(237, 28, 39))
    d.rectangle((60, 560, 1140, 640), fill=(92, 64, 44))
    person(d, 520, 560, 1.5, (30, 30, 40))
    person(d, 680, 560, 1.5, (48, 52, 60))
    d.line((545, 430, 655, 430), fill=(224, 186, 150), width=12)


def draw_shipyard(d: Draw, variant: int) -> None:
    """A hull on the slipway, a tower crane and a small party of visitors."""
    water(d, 520, (52, 86, 110))
    d.polygon([(150, 300), (850, 300), (780, 520), (220, 520)], fill=(120, 42, 38))
    d.rectangle((150, 280, 850, 300), fill=(200, 200, 200))
    d.rectangle((960, 100, 990, 560), fill=(230, 180, 40))
    d.line((760, 110, 1180, 110), fill=(230, 180, 40), width=18)
    d.line((1060, 110, 1060, 300), fill=(60, 60, 60), width=3)
    d.rectangle((0, 600, SIZE[0], SIZE[1]), fill=(128, 124, 116))
    for i, x in enumerate(range(380, 760, 90)):
        person(d, x, 700, 0.9, (30, 30, 30) if i == 2 else (70, 70, 80))


def draw_trucks(d: Draw, variant: int) -> None:
    """A road, a checkpoint barrier and a queue of timber trucks."""
    d.rectangle((0, 520, SIZE[0], SIZE[1]), fill=(96, 96, 92))
    d.rectangle((40, 380, 180, 560), fill=(210, 210, 200))
    d.line((180, 470, 420, 470), fill=(200, 30, 30), width=10)
    for i in range(4):
        x = 460 + 180 * i
        d.rectangle((x, 420, x + 50, 520), fill=(30, 70 + 30 * i, 140))
        d.rectangle((x + 50, 440, x + 170, 520), fill=(70, 60, 50))
        for log in range(3):
            d.ellipse((x + 52, 440 + 26 * log, x + 78, 466 + 26 * log), fill=(176, 132, 84))
        for wheel in (x + 20, x + 140):
            d.ellipse((wheel - 18, 510, wheel + 18, 546), fill=(20, 20, 20))


def draw_embankment(d: Draw, variant: int) -> None:
    """The Amur at dusk, the far bank, a forum banner and people walking past."""
    water(d, 420, (64, 92, 120))
    d.rectangle((0, 400, SIZE[0], 430), fill=(60, 80, 60))
    d.rectangle((0, 560, SIZE[0], SIZE[1]), fill=(170, 160, 140))
    d.rectangle((250, 250, 262, 560), fill=(60, 60, 60))
    d.rectangle((938, 250, 950, 560), fill=(60, 60, 60))
    sign(d, (262, 260, 938, 360), "AMUR TRADE FORUM  8-10.10.2024", (180, 20, 40), (255, 255, 255))
    for i, x in enumerate((180, 330, 640, 760, 1040)):
        person(d, x, 720, 1.05, (90 + 25 * i, 70, 60))


def draw_terminal(d: Draw, variant: int) -> None:
    """A quay with a gantry crane lifting a container."""
    water(d, 560, (40, 78, 104))
    d.rectangle((0, 500, SIZE[0], 560), fill=(120, 118, 110))
    for x in (300, 700):
        d.rectangle((x, 160, x + 30, 500), fill=(40, 110, 180))
    d.rectangle((260, 140, 900, 175), fill=(40, 110, 180))
    d.line((520, 175, 520, 300), fill=(30, 30, 30), width=4)
    d.rectangle((440, 300, 600, 370), fill=(200, 90, 30))
    for i in range(4):
        d.rectangle((820 + 90 * i, 430, 900 + 90 * i, 500), fill=((50 * i) % 255, 120, 90 + 30 * i))


def draw_freighter(d: Draw, variant: int) -> None:
    """A river freighter moored at the quay, its name on the bow."""
    water(d, 520, (46, 82, 108))
    d.polygon([(120, 360), (1080, 360), (1020, 540), (170, 540)], fill=(30, 48, 72))
    d.rectangle((760, 240, 960, 360), fill=(235, 235, 230))
    d.rectangle((860, 180, 890, 240), fill=(200, 40, 40))
    d.text((260, 420), "AMURSKAYA ZARYA", fill=(240, 240, 240), font=font(40))
    for i in range(3):
        d.rectangle((260 + 150 * i, 300, 390 + 150 * i, 360), fill=(180, 70 + 40 * i, 40))


def draw_artyom(d: Draw, variant: int) -> None:
    """A platform at dusk, a dark train with an open door and a figure waving from its step."""
    d.rectangle((0, 580, SIZE[0], SIZE[1]), fill=(140, 138, 132))
    d.rectangle((60, 300, 1140, 560), fill=(30, 52, 44))
    d.rectangle((60, 300, 1140, 330), fill=(150, 120, 60))
    for x in range(110, 1100, 150):
        d.rectangle((x, 350, x + 90, 420), fill=(200, 190, 150))
    d.rectangle((560, 350, 640, 560), fill=(20, 20, 20))
    person(d, 600, 545, 0.9, (30, 30, 36), wave=True)
    for i, x in enumerate(range(200, 1000, 160)):
        if abs(x - 600) > 90:
            person(d, x, 720, 1.0, (50 + 20 * i, 50, 60))
    sign(d, (440, 160, 760, 230), "ARTYOM", (20, 70, 120), (255, 255, 255))


def draw_aerodrome(d: Draw, variant: int) -> None:
    """A video grab: runway, a grey jet and a small party, in letterbox bands."""
    d.rectangle((0, 520, SIZE[0], SIZE[1]), fill=(110, 112, 104))
    d.polygon([(250, 430), (900, 400), (980, 430), (900, 460), (250, 450)], fill=(120, 128, 136))
    d.polygon([(520, 440), (640, 440), (560, 560), (500, 560)], fill=(104, 112, 120))
    d.polygon([(300, 430), (360, 330), (390, 330), (360, 440)], fill=(104, 112, 120))
    for i, x in enumerate(range(640, 1000, 80)):
        person(d, x, 700, 0.85, (40, 40, 40) if i == 1 else (64, 78, 58))
    d.rectangle((0, 0, SIZE[0], 70), fill=(0, 0, 0))
    d.rectangle((0, SIZE[1] - 130, SIZE[0], SIZE[1] - 60), fill=(0, 0, 0))


def draw_launchpad(d: Draw, variant: int) -> None:
    """A launch tower with a rocket beside it, and two figures on the apron."""
    d.rectangle((0, 600, SIZE[0], SIZE[1]), fill=(150, 146, 138))
    d.rectangle((640, 120, 700, 600), fill=(190, 60, 40))
    for y in range(140, 600, 40):
        d.line((640, y, 700, y + 40), fill=(120, 40, 30), width=3)
    d.rectangle((740, 160, 800, 600), fill=(236, 236, 230))
    d.polygon([(740, 160), (770, 100), (800, 160)], fill=(236, 236, 230))
    person(d, 380, 720, 1.3, (30, 30, 40))
    person(d, 480, 720, 1.3, (44, 46, 52))


def draw_aquarium(d: Draw, variant: int) -> None:
    """A show pool with a walrus on its edge, a front row of spectators before it."""
    d.rectangle((0, 420, SIZE[0], 600), fill=(40, 120, 160))
    d.rectangle((0, 400, SIZE[0], 420), fill=(210, 210, 210))
    d.ellipse((480, 330, 720, 430), fill=(120, 84, 60))
    d.ellipse((660, 320, 740, 380), fill=(130, 92, 66))
    d.line((700, 370, 704, 410), fill=(240, 240, 230), width=5)
    d.line((716, 370, 720, 410), fill=(240, 240, 230), width=5)
    d.rectangle((0, 600, SIZE[0], SIZE[1]), fill=(90, 60, 50))
    for i, x in enumerate(range(120, 1140, 110)):
        person(d, x, 740, 1.0, (30, 30, 30) if i == 6 else (70, 76, 70))


SCENES: dict[str, Callable[[Draw, int], None]] = {
    "station": draw_station,
    "plenary": draw_plenary,
    "shipyard": draw_shipyard,
    "trucks": draw_trucks,
    "embankment": draw_embankment,
    "terminal": draw_terminal,
    "freighter": draw_freighter,
    "artyom": draw_artyom,
    "aerodrome": draw_aerodrome,
    "launchpad": draw_launchpad,
    "aquarium": draw_aquarium,
}

BACKDROPS: dict[str, tuple[Rgb, Rgb]] = {
    "station": ((120, 160, 210), (220, 228, 236)),
    "plenary": ((70, 80, 100), (160, 150, 140)),
    "shipyard": ((150, 180, 210), (230, 230, 225)),
    "trucks": ((170, 190, 210), (235, 235, 230)),
    "embankment": ((60, 70, 130), (240, 160, 110)),
    "terminal": ((110, 150, 200), (220, 230, 240)),
    "freighter": ((120, 130, 170), (240, 200, 170)),
    "artyom": ((80, 90, 140), (230, 170, 120)),
    "aerodrome": ((150, 170, 190), (210, 214, 216)),
    "launchpad": ((90, 150, 210), (225, 232, 240)),
    "aquarium": ((40, 60, 90), (90, 110, 140)),
}


def grain(pic: Picture) -> Image.Image:
    """Seeded noise, the same for every run: a fixed seed per file name, never the clock."""
    rng = random.Random(zlib.crc32(pic.file.encode()))
    noise = Image.frombytes("L", SIZE, rng.randbytes(SIZE[0] * SIZE[1]))
    return noise.point(lambda v: v % (GRAIN + 1)).convert("RGB")


def caption_bar(d: Draw, pic: Picture) -> None:
    """Say on the picture itself what it shows and that it is drawn, not photographed."""
    d.rectangle((0, SIZE[1] - 60, SIZE[0], SIZE[1]), fill=(16, 16, 16))
    d.text((20, SIZE[1] - 46), f"DEMO: {pic.label}", fill=(250, 250, 250), font=font(24))
    d.text(
        (SIZE[0] - 20, SIZE[1] - 46),
        "photodesk, not a photograph",
        fill=(160, 160, 160),
        font=font(18),
        anchor="ra",
    )


def render(pic: Picture) -> Image.Image:
    """The picture's pixels: backdrop, scene, grain, then the caption bar on top."""
    image = gradient(SIZE, *BACKDROPS[pic.scene])
    SCENES[pic.scene](ImageDraw.Draw(image), pic.variant)
    image = ImageChops.add(image, grain(pic), scale=1.0, offset=-GRAIN // 2)
    caption_bar(ImageDraw.Draw(image), pic)
    return image


# ---------------------------------------------------------------------------------- metadata


def iim_text(dataset: str, value: str) -> str:
    """Cut a value at its IIM byte limit on a UTF-8 character boundary, as agency systems do."""
    limit = IIM_LIMITS[dataset]
    return value.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def write_exif(exif: exiv2.ExifData, pic: Picture) -> None:
    """The EXIF fields newsroom tools fall back on when IIM and XMP are absent."""
    values = {
        "Exif.Image.ImageDescription": pic.caption,
        "Exif.Image.Make": pic.make,
        "Exif.Image.Model": pic.model,
        "Exif.Image.Artist": pic.byline,
        "Exif.Image.Copyright": pic.copyright,
        "Exif.Photo.DateTimeOriginal": pic.time_original,
    }
    for key, value in values.items():
        if value:
            exif[key] = value


def write_iptc(iptc: exiv2.IptcData, pic: Picture) -> None:
    """IIM datasets in numerical order, declared UTF-8 by 1:90."""
    iptc["Iptc.Envelope.ModelVersion"] = 4
    iptc["Iptc.Envelope.CharacterSet"] = UTF8_ESCAPE
    iptc["Iptc.Application2.RecordVersion"] = 4
    for keyword in pic.keywords:
        value = exiv2.StringValue(iim_text("Keywords", keyword))
        iptc.add(exiv2.IptcKey("Iptc.Application2.Keywords"), value)
    datasets = (
        ("SpecialInstructions", pic.instructions),  # 2:40
        ("DateCreated", pic.date_created),  # 2:55
        ("Byline", pic.byline),  # 2:80
        ("City", pic.city),  # 2:90
        ("CountryName", pic.country),  # 2:101
        ("TransmissionReference", pic.job_id),  # 2:103
        ("Headline", pic.headline),  # 2:105
        ("Credit", pic.credit),  # 2:110
        ("Source", pic.source),  # 2:115
        ("Copyright", pic.copyright),  # 2:116
        ("Caption", pic.caption),  # 2:120
    )
    for dataset, value in datasets:
        if value:
            text = value if dataset == "DateCreated" else iim_text(dataset, value)
            iptc[f"Iptc.Application2.{dataset}"] = text


def xmp_array(kind: exiv2.TypeId, items: tuple[str, ...]) -> exiv2.XmpArrayValue:
    value = exiv2.XmpArrayValue(kind)
    for item in items:
        value.read(item)
    return value


def xmp_lang_alt(text: str) -> exiv2.LangAltValue:
    value = exiv2.LangAltValue()
    value.read(f'lang="x-default" {text}')
    return value


def write_xmp(xmp: exiv2.XmpData, pic: Picture) -> None:
    """The XMP copy: full-length values, which win over IIM when a reader reconciles them."""
    xmp["Xmp.dc.description"] = xmp_lang_alt(pic.caption)
    xmp["Xmp.dc.creator"] = xmp_array(exiv2.TypeId.xmpSeq, (pic.byline,))
    xmp["Xmp.dc.rights"] = xmp_lang_alt(pic.copyright)
    xmp["Xmp.dc.subject"] = xmp_array(exiv2.TypeId.xmpBag, pic.keywords)
    simple = {
        "Xmp.photoshop.Credit": pic.credit,
        "Xmp.photoshop.Source": pic.source,
        "Xmp.photoshop.Instructions": pic.instructions,
        "Xmp.photoshop.Headline": pic.headline,
        "Xmp.photoshop.DateCreated": pic.date_created,
        "Xmp.photoshop.City": pic.city,
        "Xmp.photoshop.Country": pic.country,
        "Xmp.photoshop.TransmissionReference": pic.job_id,
        "Xmp.Iptc4xmpCore.CountryCode": pic.country_code,
    }
    for key, value in simple.items():
        if value:
            xmp[key] = value


def embed(path: Path, pic: Picture) -> None:
    """Write all three blocks in place; exiv2 rewrites the segments, never the pixels."""
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    write_exif(image.exifData(), pic)
    write_iptc(image.iptcData(), pic)
    write_xmp(image.xmpData(), pic)
    image.writeMetadata()


def build(out: Path) -> list[Path]:
    """Render and tag every picture of the table into ``out``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for pic in PICTURES:
        path = out / pic.file
        render(pic).save(path, "JPEG", **JPEG_OPTIONS)
        embed(path, pic)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent / "pictures"
    parser.add_argument("--out", type=Path, default=default, help=f"folder (default {default})")
    args = parser.parse_args()
    for path in build(args.out):
        print(f"{path}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
