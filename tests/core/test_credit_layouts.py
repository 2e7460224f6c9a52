"""Credit layouts beyond the dev set, and the decoys that must never read as credits.

Each row: caption text, the credit as printed (None for no credit), creators, organizations,
agency, and the flags that are set (h=handout, p=pool, v=via).
"""

from __future__ import annotations

import pytest

from photodesk.core.captions import caption_from_text

CREDITED = [
    (
        "A man walks. (AP Photo/Evan Vucci, File)",
        "AP Photo/Evan Vucci, File",
        ["Evan Vucci"],
        [],
        "AP",
        "",
    ),
    (
        "Biden speaks. (AP Photo/Alex Brandon, Pool)",
        "AP Photo/Alex Brandon, Pool",
        ["Alex Brandon"],
        [],
        "AP",
        "p",
    ),
    (
        "Trump waves. REUTERS/Kevin Lamarque/File Photo",
        "REUTERS/Kevin Lamarque/File Photo",
        ["Kevin Lamarque"],
        [],
        "Reuters",
        "",
    ),
    (
        "A soldier. (Photo by SAUL LOEB/AFP via Getty Images)",
        "Photo by SAUL LOEB/AFP via Getty Images",
        ["SAUL LOEB"],
        ["AFP"],
        "Getty Images",
        "v",
    ),
    (
        "Putin speaks.\nCredit...Doug Mills/The New York Times",
        "Credit...Doug Mills/The New York Times",
        ["Doug Mills"],
        [],
        "The New York Times",
        "",
    ),
    (
        "Zelensky. UKRAINIAN PRESIDENTIAL PRESS SERVICE/HANDOUT VIA REUTERS",
        "UKRAINIAN PRESIDENTIAL PRESS SERVICE/HANDOUT VIA REUTERS",
        [],
        ["UKRAINIAN PRESIDENTIAL PRESS SERVICE"],
        "Reuters",
        "hv",
    ),
    ("Seoul. (Ahn Young-joon/AP)", "Ahn Young-joon/AP", ["Ahn Young-joon"], [], "AP", ""),
    (
        "Kim. (Photo by STR / KCNA VIA KNS / AFP)",
        "Photo by STR / KCNA VIA KNS / AFP",
        [],
        ["KCNA", "KNS"],
        "AFP",
        "v",
    ),
    (
        "Putin. (Photo by Gavriil GRIGOROV / POOL / AFP)",
        "Photo by Gavriil GRIGOROV / POOL / AFP",
        ["Gavriil GRIGOROV"],
        [],
        "AFP",
        "p",
    ),
    (
        "Tokyo. (The Yomiuri Shimbun via AP Images)",
        "The Yomiuri Shimbun via AP Images",
        [],
        ["The Yomiuri Shimbun"],
        "AP",
        "v",
    ),
    ("Kyiv. File photo: Reuters", "File photo: Reuters", [], [], "Reuters", ""),
    ("Berlin. Bild: Kay Nietfeld/dpa", "Bild: Kay Nietfeld/dpa", ["Kay Nietfeld"], [], "dpa", ""),
    ("Earth. Photo courtesy of NASA", "Photo courtesy of NASA", [], ["NASA"], None, ""),
    (
        "Biden in Warsaw.\nJONATHAN ERNST/REUTERS",
        "JONATHAN ERNST/REUTERS",
        ["JONATHAN ERNST"],
        [],
        "Reuters",
        "",
    ),
    (
        "Biden in Warsaw. [Jonathan Ernst/Reuters]",
        "Jonathan Ernst/Reuters",
        ["Jonathan Ernst"],
        [],
        "Reuters",
        "",
    ),
    (
        "Biden in Warsaw — Jonathan Ernst/Reuters",
        "Jonathan Ernst/Reuters",
        ["Jonathan Ernst"],
        [],
        "Reuters",
        "",
    ),
    (
        "Photo: Jonathan Ernst/Reuters\nBiden speaks in Warsaw.",
        "Photo: Jonathan Ernst/Reuters",
        ["Jonathan Ernst"],
        [],
        "Reuters",
        "",
    ),
    (
        "Smoke rises. (Satellite image ©2023 Maxar Technologies via AP)",
        "Satellite image ©2023 Maxar Technologies via AP",
        [],
        ["Maxar Technologies"],
        "AP",
        "v",
    ),
    ("Mr X, left. © AFP 2023", "© AFP 2023", [], [], "AFP", ""),
    (
        "Pope Francis waves. Vatican Media/Handout via REUTERS",
        "Vatican Media/Handout via REUTERS",
        [],
        ["Vatican Media"],
        "Reuters",
        "hv",
    ),
    (
        "Crowds gather. Russian Defence Ministry/Handout via REUTERS ATTENTION EDITORS - "
        "THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.",
        "Russian Defence Ministry/Handout via REUTERS",
        [],
        ["Russian Defence Ministry"],
        "Reuters",
        "hv",
    ),
    (
        "Kim waves. (Photo by Handout / Government of Primorsky region / AFP)",
        "Photo by Handout / Government of Primorsky region / AFP",
        [],
        ["Government of Primorsky region"],
        "AFP",
        "h",
    ),
]

# Outlets and languages beyond the dev set.
CREDITED += [
    ("Kyiv.\nImage source, Getty Images", "Image source, Getty Images", [], [], "Getty Images", ""),
    ("Kyiv. [File: Jane Doe/Reuters]", "File: Jane Doe/Reuters", ["Jane Doe"], [], "Reuters", ""),
    (
        "Kyiv. PHOTO: JANE DOE/AGENCE FRANCE-PRESSE/GETTY IMAGES",
        "PHOTO: JANE DOE/AGENCE FRANCE-PRESSE/GETTY IMAGES",
        ["JANE DOE"],
        ["AGENCE FRANCE-PRESSE"],
        "Getty Images",
        "",
    ),
    ("Kyiv. Фото: ТАСС", "Фото: ТАСС", [], [], "ТАСС", ""),
    ("Kyiv. Foto di Jane Doe", "Foto di Jane Doe", ["Jane Doe"], [], None, ""),
    ("Kyiv. Jane Doe for NPR", "Jane Doe for NPR", ["Jane Doe"], [], "NPR", ""),
    ("Kyiv. (AP file photo)", "AP file photo", [], [], "AP", ""),
    ("Kyiv. © AFP - Jane Doe", "© AFP - Jane Doe", ["Jane Doe"], [], "AFP", ""),
    ("Netanyahu speaks. Haim Zach/GPO", "Haim Zach/GPO", ["Haim Zach"], ["GPO"], None, ""),
    (
        "Kyiv. Photo by Jane Doe/SOPA Images/LightRocket via Getty Images",
        "Photo by Jane Doe/SOPA Images/LightRocket via Getty Images",
        ["Jane Doe"],
        ["SOPA Images", "LightRocket"],
        "Getty Images",
        "v",
    ),
    ("Kyiv. (KCNA/via REUTERS)", "KCNA/via REUTERS", [], ["KCNA"], "Reuters", "v"),
    ("Kyiv. Copyright Jane Doe/AP", "Copyright Jane Doe/AP", ["Jane Doe"], [], "AP", ""),
]

# Found by review: unknown outlets, one-name photographers, pool bodies, clients, markers.
CREDITED += [
    (
        "Ukrainian soldiers fire near Bakhmut. (AP Photo/Libkos)",
        "AP Photo/Libkos",
        ["Libkos"],
        [],
        "AP",
        "",
    ),
    ("Des soldats près de Bakhmout. LIBKOS / AP", "LIBKOS / AP", ["LIBKOS"], [], "AP", ""),
    ("Vista de la Gran Vía de Madrid. EFE/Mariscal", "EFE/Mariscal", ["Mariscal"], [], "EFE", ""),
    (
        "Taylor Swift performs. (Photo by Kevin Mazur/Getty Images for TAS Rights Management)",
        "Photo by Kevin Mazur/Getty Images for TAS Rights Management",
        ["Kevin Mazur"],
        ["TAS Rights Management"],
        "Getty Images",
        "",
    ),
    ("Yoon speaks at a Cabinet meeting. (Pool photo) (Yonhap)", "Yonhap", [], [], "Yonhap", "p"),
    (
        "Displaced Palestinians in Deir el-Balah [Abdelhakim Abu Riash/Al Jazeera]",
        "Abdelhakim Abu Riash/Al Jazeera",
        ["Abdelhakim Abu Riash"],
        [],
        "Al Jazeera",
        "",
    ),
    (
        "Pedro Sánchez en Bruselas.\nOLIVIER HOSLET (EFE)",
        "OLIVIER HOSLET (EFE)",
        ["OLIVIER HOSLET"],
        [],
        "EFE",
        "",
    ),
    (
        "IDF troops in the Gaza Strip. (Israel Defense Forces)",
        "Israel Defense Forces",
        [],
        ["Israel Defense Forces"],
        None,
        "",
    ),
    (
        "A launch. (Photo by Handout / South Korean Defence Ministry / AFP) / RESTRICTED TO "
        'EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / South Korean Defence Ministry" - '
        "NO MARKETING",
        "Photo by Handout / South Korean Defence Ministry / AFP",
        [],
        ["South Korean Defence Ministry"],
        "AFP",
        "h",
    ),
    (
        "Meloni in Rome. (foto ANSA/ANGELO CARCONI)",
        "foto ANSA/ANGELO CARCONI",
        ["ANGELO CARCONI"],
        [],
        "ANSA",
        "",
    ),
    (
        "Flood waters in Valencia.\nPhotographs by Lynsey Addario and Tyler Hicks for The New York "
        "Times",
        "Photographs by Lynsey Addario and Tyler Hicks for The New York Times",
        ["Lynsey Addario", "Tyler Hicks"],
        [],
        "The New York Times",
        "",
    ),
    (
        "Prince William in Cardiff. Photograph: WPA Pool/Getty Images",
        "Photograph: WPA Pool/Getty Images",
        [],
        ["WPA Pool"],
        "Getty Images",
        "p",
    ),
    (
        "Commuters in Mumbai. (HT Photo/Satish Bate)",
        "HT Photo/Satish Bate",
        ["Satish Bate"],
        [],
        "HT",
        "",
    ),
    ("The aftermath of the strike in Beirut. (BBC)", "BBC", [], [], "BBC", ""),
    (
        "Firefighters at the scene. (Courtesy: Delhi Fire Service)",
        "Courtesy: Delhi Fire Service",
        [],
        ["Delhi Fire Service"],
        None,
        "",
    ),
    (
        "AP Photo/Evan Vucci\nPresident Joe Biden speaks in the Rose Garden.",
        "AP Photo/Evan Vucci",
        ["Evan Vucci"],
        [],
        "AP",
        "",
    ),
    (
        "Photo: Kremlin Pool Photo via AP.Kim Jong Un at the cosmodrome",
        "Photo: Kremlin Pool Photo via AP",
        [],
        ["Kremlin Pool"],
        "AP",
        "pv",
    ),
    (
        "Fans cheer. Photo: St. Louis Post-Dispatch",
        "Photo: St. Louis Post-Dispatch",
        [],
        [],
        "St. Louis Post-Dispatch",
        "",
    ),
]

NOT_CREDITED = [
    "Smoke rises over Gaza City",
    "Fans at the Olympic Stadium in Berlin",
    "Biden at the National Prayer Breakfast",
    "Lionel Messi lifts the World Cup trophy",
    "Supporters gather outside the White House",
    "Kim Jong Un",
    "A rally in Delhi (Representational Image)",
    "Parents for the Climate protest in Tel Aviv.",
    "KYIV, Ukraine (AP) — Russia launched drones overnight.",
    "Leaders pose. (2nd L)",
    "Leaders pose in Paris (L-R)",
    "Leaders pose. (Photo illustration)",
    "He said so. —AFP",
    "He said so. -- Reuters",
    "(Reporting by Polina Devitt; Editing by Christian Lowe)",
    "Russian President Vladimir Putin (left) and Turkish President Erdogan (file photo)",
    "Ted Cruz (R-Tex.) and Mike Enzi (R-Wyo.) on Capitol Hill.",
    "The road is 8,000 kilometers (5,000 miles) long.",
    "TOKYO, September 18. /TASS/. Kim thanked Putin for hospitality.",
    "Video of the incident was shot by an AP colleague. (Jan. 7)",
    "Protesters marched (RUSSIA OUT)",
    "Biden in Warsaw.",
    "",
]


@pytest.mark.parametrize(
    ("text", "printed", "creators", "organizations", "agency", "flags"), CREDITED
)
def test_credit_found_and_understood(
    text: str,
    printed: str,
    creators: list[str],
    organizations: list[str],
    agency: str | None,
    flags: str,
) -> None:
    credit = caption_from_text(text).credit
    assert credit is not None, text
    assert credit.text == printed
    assert list(credit.creators) == creators
    assert list(credit.organizations) == organizations
    assert credit.agency == agency
    assert (credit.handout, credit.pool, credit.via) == ("h" in flags, "p" in flags, "v" in flags)


@pytest.mark.parametrize("text", NOT_CREDITED)
def test_decoys_are_not_credits(text: str) -> None:
    draft = caption_from_text(text)
    assert draft.credit is None
    assert draft.caption == text.strip()


def test_caption_keeps_restrictions_that_follow_the_credit() -> None:
    draft = caption_from_text("A tank. REUTERS/Stringer NO RESALES. NO ARCHIVES.")
    assert draft.credit is not None and draft.credit.text == "REUTERS/Stringer"
    assert draft.caption == "A tank. NO RESALES. NO ARCHIVES."


def test_cms_byline_glued_after_the_credit_is_dropped() -> None:
    draft = caption_from_text("Netanyahu speaks. (Jim Hollander/Pool via AP) Jim Hollander AP")
    assert draft.credit is not None and draft.credit.text == "Jim Hollander/Pool via AP"
    assert draft.caption == "Netanyahu speaks."


def test_credit_before_caption_on_its_own_line() -> None:
    draft = caption_from_text("Matthias Balk, dpa via AP\nThe wreckage of a bus on the A9.")
    assert draft.credit is not None and draft.credit.agency == "AP"
    assert draft.caption == "The wreckage of a bus on the A9."
