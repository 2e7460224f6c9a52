"""The generated linking desk written as real files: HTML articles and tagged JPEGs.

For the service tests: what the pure test checks on values must also hold after the articles are
read by the HTML reader, the pictures by the metadata reader, and both stored on a desk. Each
picture is a tiny JPEG (Pillow) whose XMP and IPTC-IIM carry the agency values (python-exiv2,
IIM as UTF-8 with 1:90 set); each article is an HTML page whose figures give the image reference
as ``src`` (a hashed CDN name where the generated caption has none: it says nothing either).
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import exiv2
from PIL import Image

from photodesk.core.linking import CaptionCandidate, PictureCandidate
from tests.linking_desk import LinkingDesk, generate


@dataclass(frozen=True)
class DeskFiles:
    """Where the desk was written, and the truth by (article path, position) → picture path."""

    articles: list[Path]
    pictures: Path
    truth: dict[tuple[str, int], str | None]


def write_desk(folder: Path, seed: int, captions: int) -> DeskFiles:
    desk = generate(seed, captions=captions)
    pictures = folder / "pictures"
    pictures.mkdir(parents=True)
    names = {}
    for picture in desk.pictures:
        names[picture.picture_id] = write_picture(pictures, picture)
    assert len(set(names.values())) == len(names), "file names must be unique"
    articles, truth = _write_articles(folder / "articles", desk, names)
    return DeskFiles(articles=articles, pictures=pictures, truth=truth)


def _write_articles(
    folder: Path, desk: LinkingDesk, names: dict[int, Path]
) -> tuple[list[Path], dict[tuple[str, int], str | None]]:
    folder.mkdir(parents=True)
    by_article: dict[int, list[CaptionCandidate]] = defaultdict(list)
    for caption in desk.captions:
        by_article[caption.article_id].append(caption)
    paths, truth = [], {}
    for article_id, captions in sorted(by_article.items()):
        path = folder / f"article-{article_id:05d}.html"
        path.write_text(article_html(article_id, captions), encoding="utf-8")
        paths.append(path)
        for position, caption in enumerate(captions, start=1):
            expected = desk.truth[caption.caption_id]
            truth[(str(path.resolve()), position)] = (
                str(names[expected].resolve()) if expected else None
            )
    return paths, truth


def article_html(article_id: int, captions: list[CaptionCandidate]) -> str:
    figures = []
    for n, caption in enumerate(captions):
        src = caption.image_ref or f"https://cdn.news.example/img/{article_id:08x}{n:08x}.jpg"
        credit = (
            f' <span class="credit">({html.escape(caption.credit.text)})</span>'
            if caption.credit
            else ""
        )
        figures.append(
            f'<figure><img src="{html.escape(src)}" alt="">'
            f"<figcaption>{html.escape(caption.text)}{credit}</figcaption></figure>"
        )
    body = "\n<p>The story goes on, as stories do, between the pictures.</p>\n".join(figures)
    return (
        f'<html><head><title>Story {article_id}</title><meta property="article:published_time" '
        f'content="{captions[0].date}"></head><body><article><h1>Story {article_id}</h1>\n'
        f"{body}\n</article></body></html>\n"
    )


def write_picture(folder: Path, picture: PictureCandidate) -> Path:
    path = folder / Path(picture.path).name
    Image.new("RGB", (32, 24), (picture.picture_id % 255, 90, 120)).save(path, "JPEG", quality=70)
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    _xmp(image.xmpData(), picture)
    _iim(image.iptcData(), picture)
    image.writeMetadata()
    return path


def _xmp(xmp: exiv2.XmpData, picture: PictureCandidate) -> None:
    description = exiv2.LangAltValue()
    description.read(f'lang="x-default" {picture.description}')
    xmp["Xmp.dc.description"] = description
    creators = exiv2.XmpArrayValue(exiv2.TypeId.xmpSeq)
    for creator in picture.creators:
        creators.read(creator)
    xmp["Xmp.dc.creator"] = creators
    keywords = exiv2.XmpArrayValue(exiv2.TypeId.xmpBag)
    for keyword in picture.keywords:
        keywords.read(keyword)
    xmp["Xmp.dc.subject"] = keywords
    for key, value in (
        ("Xmp.photoshop.Credit", picture.credit),
        ("Xmp.photoshop.Source", picture.source),
        ("Xmp.photoshop.Headline", picture.headline),
        ("Xmp.photoshop.DateCreated", picture.date_created),
        ("Xmp.photoshop.TransmissionReference", picture.job_id),
    ):
        if value:
            xmp[key] = value


def _iim(iptc: exiv2.IptcData, picture: PictureCandidate) -> None:
    iptc["Iptc.Envelope.CharacterSet"] = "\x1b%G"
    if picture.credit:
        iptc["Iptc.Application2.Credit"] = picture.credit
    if picture.job_id:
        iptc["Iptc.Application2.TransmissionReference"] = picture.job_id
