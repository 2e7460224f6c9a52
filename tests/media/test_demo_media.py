"""The demo desk in media/: pictures reproducible, metadata really embedded, problems planted.

The metadata is read back with readers that share no code with the writer (python-exiv2):
Pillow for XMP and IPTC-IIM, exifread for EXIF, so a bug in how the script writes a block cannot
hide behind the same bug in how it is read.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import exifread
import pytest
from PIL import Image, ImageChops, IptcImagePlugin

from photodesk.core.captions import caption_from_text
from photodesk.core.credit_parse import parse_credit

MEDIA = Path(__file__).resolve().parents[2] / "media"
PICTURES_DIR = MEDIA / "pictures"
ARTICLES_DIR = MEDIA / "articles"
TXT = ARTICLES_DIR / "2024-10-10_afp_amur-forum-ends.txt"
HTML = ARTICLES_DIR / "2024-10-10_ap_shipyard-visit.html"
MD = ARTICLES_DIR / "2024-10-11_amur-ledger_cargo-terminal.md"

CONTRADICTING = "AFP_36HJ7ZM.jpg"
DECOY = "AFP_36HK2QX.jpg"
HANDOUT = "AFP_36HK2QW.jpg"
UNCREDITED = "2024-10-10T004938Z_1_LYNXMPEK9A0D1_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG"
GETTY = "GettyImages-2176543210.jpg"
# The seed story's pictures (../shared/seeds/000_7100e35f6f55d0cb.txt), with what the seed's
# credit line says of each: (credit as the seed prints it, embedded credit, source, by-line, day).
SEED_PICTURES = {
    "AFP_33VY7UN.jpg": (
        "Photo by Handout / Government of Primorsky region / AFP",
        "AFP", "Government of Primorsky region", "HANDOUT", "2023-09-17",
    ),
    "AFP_33VU6HT.jpg": (
        "Russian Defence Ministry / AFP",
        "AFP", "Russian Defence Ministry", "HANDOUT", "2023-09-16",
    ),
    "AP23256418226947.jpg": (
        "Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP",
        "AP", "Sputnik", "Mikhail Metzel", "2023-09-13",
    ),
    "AP23261037481592.jpg": (
        "Korean Central News Agency/Korea News Service via AP",
        "AP", "KCNA via KNS", "Uncredited", "2023-09-17",
    ),
}  # fmt: skip


def _load_make_demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo", MEDIA / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


make_demo = _load_make_demo()
PICTURES = {pic.file: pic for pic in make_demo.PICTURES}


# ---------------------------------------------------------------------------- independent readers


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def read_xmp(path: Path) -> dict[str, Any]:
    """XMP properties by local name, arrays as lists and x-default text as plain strings."""
    with Image.open(path) as image:
        description = image.getxmp()["xmpmeta"]["RDF"]["Description"]
    fields: dict[str, Any] = {}
    for name, value in description.items():
        if isinstance(value, dict) and "Alt" in value:
            items = _as_list(value["Alt"]["li"])
            fields[name] = next(i["text"] for i in items if i["lang"] == "x-default")
        elif isinstance(value, dict):
            (array,) = value.values()
            fields[name] = _as_list(array["li"])
        else:
            fields[name] = value
    return fields


def read_iim(path: Path) -> dict[tuple[int, int], Any]:
    with Image.open(path) as image:
        info = IptcImagePlugin.getiptcinfo(image)
    assert info is not None, f"{path.name}: no IPTC-IIM block"
    return dict(info)


def iim_text(iim: dict[tuple[int, int], Any], dataset: tuple[int, int]) -> str:
    raw = iim[dataset]
    assert isinstance(raw, bytes), f"{dataset} repeated"
    return raw.decode("utf-8")


def read_exif(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        tags = exifread.process_file(handle, details=False)
    return {name: str(tag.values) for name, tag in tags.items()}


def pixels_close(a: Path, b: Path) -> bool:
    """Same drawing, allowing for a different JPEG encoder or font rasteriser."""
    with Image.open(a) as first, Image.open(b) as second:
        if first.size != second.size:
            return False
        difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    mean = sum(difference.convert("L").getdata()) / (first.size[0] * first.size[1])
    return mean < 2.0


# ---------------------------------------------------------------------------- (a) reproducible


def test_committed_pictures_are_exactly_the_table() -> None:
    assert sorted(p.name for p in PICTURES_DIR.iterdir()) == sorted(PICTURES)


def test_regenerating_gives_the_committed_pictures(tmp_path: Path) -> None:
    written = make_demo.build(tmp_path)
    assert [p.name for p in written] == [pic.file for pic in make_demo.PICTURES]
    for fresh in written:
        committed = PICTURES_DIR / fresh.name
        if fresh.read_bytes() == committed.read_bytes():
            continue
        # Another Pillow/libjpeg may encode differently; the content must still be the same.
        assert read_xmp(fresh) == read_xmp(committed), fresh.name
        assert read_iim(fresh) == read_iim(committed), fresh.name
        assert read_exif(fresh) == read_exif(committed), fresh.name
        assert pixels_close(fresh, committed), fresh.name


def test_pictures_are_realistic_web_jpegs() -> None:
    total = 0
    for name in PICTURES:
        path = PICTURES_DIR / name
        with Image.open(path) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 800))
        total += path.stat().st_size
    assert total < 2 * 1024 * 1024


# ---------------------------------------------------------------------------- (b) embedded metadata


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_xmp_holds_the_table_values(name: str) -> None:
    pic, xmp = PICTURES[name], read_xmp(PICTURES_DIR / name)
    assert xmp["description"] == pic.caption
    assert xmp["creator"] == [pic.byline]
    assert xmp["rights"] == pic.copyright
    assert xmp["subject"] == list(pic.keywords)
    assert xmp["Credit"] == pic.credit
    assert xmp["Source"] == pic.source
    assert xmp["Headline"] == pic.headline
    assert xmp["DateCreated"] == pic.date_created
    assert (xmp["City"], xmp["Country"], xmp["CountryCode"]) == (pic.city, "Russia", "RU")
    assert xmp["TransmissionReference"] == pic.job_id
    assert xmp.get("Instructions", "") == pic.instructions


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_iim_holds_the_table_values_as_declared_utf8(name: str) -> None:
    pic, iim = PICTURES[name], read_iim(PICTURES_DIR / name)
    assert iim[(1, 90)] == b"\x1b%G"
    assert iim_text(iim, (2, 120)) == pic.caption
    assert iim_text(iim, (2, 80)) == pic.byline
    assert iim_text(iim, (2, 110)) == pic.credit
    assert pic.source.startswith(iim_text(iim, (2, 115)))
    assert len(iim[(2, 115)]) <= 32
    assert iim_text(iim, (2, 116)) == pic.copyright
    assert iim_text(iim, (2, 105)) == pic.headline
    assert iim_text(iim, (2, 55)) == pic.date_created.replace("-", "")
    assert iim_text(iim, (2, 90)) == pic.city
    assert iim_text(iim, (2, 101)) == pic.country
    assert iim_text(iim, (2, 103)) == pic.job_id
    assert [k.decode("utf-8") for k in _as_list(iim[(2, 25)])] == list(pic.keywords)
    assert (iim[(2, 40)].decode("utf-8") if (2, 40) in iim else "") == pic.instructions


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_exif_holds_the_table_values(name: str) -> None:
    pic, exif = PICTURES[name], read_exif(PICTURES_DIR / name)
    assert exif["Image ImageDescription"] == pic.caption
    assert exif["Image Artist"] == pic.byline
    assert exif["Image Copyright"] == pic.copyright
    assert exif["EXIF DateTimeOriginal"] == pic.time_original
    assert exif.get("Image Make", "") == pic.make
    assert exif.get("Image Model", "") == pic.model


def test_non_ascii_survives_in_every_block() -> None:
    station = "Хабаровск-1"
    handout = PICTURES_DIR / HANDOUT
    assert station in read_xmp(handout)["description"]
    assert station in iim_text(read_iim(handout), (2, 120))
    assert station in read_exif(handout)["Image ImageDescription"]
    getty = PICTURES_DIR / GETTY
    assert read_xmp(getty)["creator"] == ["Léa Fournier"]
    assert iim_text(read_iim(getty), (2, 80)) == "Léa Fournier"
    assert read_exif(getty)["Image Artist"] == "Léa Fournier"


def test_handout_source_is_truncated_in_iim_only() -> None:
    path = PICTURES_DIR / HANDOUT
    whole = read_xmp(path)["Source"]
    cut = iim_text(read_iim(path), (2, 115))
    assert whole == "Government of Khabarovsk Territory"
    assert cut == "Government of Khabarovsk Territo"


# ---------------------------------------------------------------------------- (c) planted problems


def _figure_credit(html: str, src: str) -> str:
    """The credit span of the <figure> whose image is ``src`` (plain string search)."""
    for figure in html.split("<figure>")[1:]:
        if f'src="../pictures/{src}"' in figure:
            match = re.search(r'<span class="credit">(.*?)</span>', figure)
            assert match, f"{src}: figure without a credit span"
            return match.group(1)
    raise AssertionError(f"{src}: no figure")


def _markdown_title(markdown: str, src: str) -> str:
    match = re.search(rf'\(\.\./pictures/{re.escape(src)} "(.*?)"\)', markdown)
    assert match, f"{src}: no image"
    return match.group(1)


def test_article_credit_contradicts_embedded_credit() -> None:
    printed = _figure_credit(HTML.read_text(encoding="utf-8"), CONTRADICTING)
    path = PICTURES_DIR / CONTRADICTING
    xmp, iim = read_xmp(path), read_iim(path)
    assert printed == "(AP Photo/Nikolai Kravets)"
    assert xmp["Credit"] == iim_text(iim, (2, 110)) == "AFP"
    assert "AFP" not in printed
    assert xmp["creator"] == ["YULIA ZORINA"]
    assert "zorina" not in printed.casefold()
    assert "Kravets" not in xmp["description"]


def test_one_caption_prints_no_credit_though_the_file_has_one() -> None:
    title = _markdown_title(MD.read_text(encoding="utf-8"), UNCREDITED)
    assert not re.search(r"REUTERS|Surikov|\(|/", title)
    assert read_xmp(PICTURES_DIR / UNCREDITED)["Credit"] == "REUTERS"


def test_decoy_is_printed_by_no_article() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES_DIR.iterdir())]
    assert PICTURES[DECOY].article is None
    assert not any(DECOY in text for text in texts)
    assert all(pic.article for name, pic in PICTURES.items() if name != DECOY)


@pytest.mark.parametrize("name", sorted(SEED_PICTURES))
def test_seed_pictures_agree_with_the_seed_credits(name: str) -> None:
    """The agency original: its own wording and trailer, but the seed's agency, source, day."""
    printed, credit, source, byline, day = SEED_PICTURES[name]
    pic, xmp = PICTURES[name], read_xmp(PICTURES_DIR / name)
    assert pic.article == "../shared/seeds/000_7100e35f6f55d0cb.txt"
    assert (xmp["Credit"], xmp["Source"], xmp["creator"], xmp["DateCreated"]) == (
        credit, source, [byline], day,
    )  # fmt: skip
    embedded = caption_from_text(xmp["description"]).credit
    seed = parse_credit(printed)
    assert embedded is not None
    assert (embedded.agency, embedded.organizations, embedded.creators) == (
        seed.agency, seed.organizations, seed.creators,
    )  # fmt: skip
    assert "Kim Jong Un" in xmp["description"]
    assert day[:7] == "2023-09"


def test_seed_pictures_have_agency_style_names_and_ids() -> None:
    for name in SEED_PICTURES:
        pic = PICTURES[name]
        if name.startswith("AFP_"):
            assert name == f"AFP_{pic.job_id}.jpg"
            assert "RESTRICTED TO EDITORIAL USE" in pic.caption
        else:
            assert re.fullmatch(r"AP23\d{3}\d{9}\.jpg", name)
            assert pic.caption.endswith("via AP)")


@pytest.mark.parametrize(
    "name", sorted(n for n, p in PICTURES.items() if p.article and not p.article.endswith(".txt"))
)
def test_html_and_markdown_name_their_files(name: str) -> None:
    """The scraped text keeps no file references (a real scrape does not); the others do."""
    text = (ARTICLES_DIR / PICTURES[name].article).read_text(encoding="utf-8")
    assert f"../pictures/{name}" in text


def test_scraped_text_names_no_files() -> None:
    assert "../pictures/" not in TXT.read_text(encoding="utf-8")


def test_scraped_text_has_the_seed_shape() -> None:
    lines = TXT.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(" date 2024-10-10 ")
    assert re.fullmatch(r"By AFP \d+ October 2024, .*", lines[5])
    assert lines[6] == lines[7]
    assert lines[6].endswith("(Photo by Handout / Government of Khabarovsk Territory / AFP)")


def test_articles_cover_the_credit_styles() -> None:
    everything = "\n".join(p.read_text(encoding="utf-8") for p in ARTICLES_DIR.iterdir())
    for credit in (
        "(Photo by Handout / Government of Khabarovsk Territory / AFP)",
        "(Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP)",
        "(Korean Central News Agency/Korea News Service via AP)",
        "(AP Photo/Nikolai Kravets)",
        "Léa Fournier/Getty Images",
        "REUTERS/Pavel Surikov",
    ):
        assert credit in everything
