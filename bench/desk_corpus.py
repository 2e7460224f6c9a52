"""Generate the desk benchmark's files: tiny agency JPEGs and the articles that use them.

The desk benchmark measures the desk (walk, stat, queries, bulk writes, linking), not the reader
(bench/read.py does that), so the pictures are small (64x48, ~3 KB) yet real: a JPEG from Pillow
with EXIF, IPTC-IIM (declared UTF-8) and XMP blocks carrying the agency's caption, byline,
credit, source and date, as agency files do (the words: bench/desk_text.py). The blocks are
assembled here as bytes, which makes 10,000 files a matter of seconds. Articles (Markdown, ten
pictures each, from different events) carry the article's edit of each agency caption and point
at the picture by its file name or, in 40%, as CMS exports do, by an opaque CDN URL. Everything
is cached in ``~/.cache/photodesk-bench/desk`` and reused while the manifest matches.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from desk_text import Frame, frame
from PIL import Image, ImageDraw

VERSION = 7
DEFAULT_DIR = Path.home() / ".cache" / "photodesk-bench" / "desk"
PER_ARTICLE = 10


@dataclass(frozen=True)
class DeskFiles:
    """The generated desk: picture files, article files, and each article's pictures in order
    (the truth a linker is measured against)."""

    pictures: list[Path]
    articles: list[Path]
    truth: dict[Path, list[Path]]


def ensure_desk_files(folder: Path, pictures: int, captions: int) -> DeskFiles:
    """The pictures and articles of the benchmark desk, generated unless cached."""
    folder = folder.resolve()  # paths as the desk stores them
    manifest = folder / "manifest.json"
    wanted = {"version": VERSION, "pictures": pictures, "captions": captions}
    known = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    if {k: known.get(k) for k in wanted} != wanted:
        started = time.perf_counter()
        for old in ("pictures", "articles"):  # an older generation's files would be scanned too
            shutil.rmtree(folder / old, ignore_errors=True)
        bases = [base_jpeg(seed) for seed in range(16)]
        files = [write_picture(folder, i, bases[i % len(bases)]) for i in range(pictures)]
        known = {
            **wanted,
            "pictures_files": files,
            "truth": write_articles(folder, files, captions),
        }
        manifest.write_text(json.dumps(known), encoding="utf-8")
        print(f"generated {pictures} pictures and {len(known['truth'])} articles in "
              f"{time.perf_counter() - started:.1f} s ({folder})")  # fmt: skip
    truth = {folder / a: [folder / p for p in ps] for a, ps in known["truth"].items()}
    return DeskFiles([folder / p for p in known["pictures_files"]], list(truth), truth)


def base_jpeg(seed: int) -> bytes:
    """A 64x48 picture: a colour field with a few shapes, about 1 KB of JPEG."""
    rnd = random.Random(seed)
    picture = Image.new("RGB", (64, 48), tuple(rnd.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(picture)
    for _ in range(4):
        x, y = rnd.randrange(48), rnd.randrange(32)
        draw.ellipse((x, y, x + 16, y + 16), fill=tuple(rnd.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=75)
    return out.getvalue()


def write_picture(folder: Path, index: int, base: bytes) -> str:
    """Picture ``index`` under ``pictures/AGENCY/DAY/``; returns its path relative to folder."""
    item = frame(index)
    relative = f"pictures/{item.credit.replace(' ', '-')}/{item.date}/{item.filename}"
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    segments = exif_segment(item) + xmp_segment(item) + iim_segment(item)
    app0_end = 4 + int.from_bytes(base[4:6], "big")  # after SOI and the JFIF APP0
    path.write_bytes(base[:app0_end] + segments + base[app0_end:])
    return relative


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


def exif_segment(item: Frame) -> bytes:
    tags = Image.Exif()
    tags[0x010E], tags[0x013B], tags[0x8298] = item.caption, item.byline, f"(c) {item.source}"
    return _segment(0xE1, tags.tobytes())


def xmp_segment(item: Frame) -> bytes:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")

    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        f'photoshop:Credit="{esc(item.credit)}" photoshop:Source="{esc(item.source)}" '
        f'photoshop:City="{esc(item.city)}" photoshop:DateCreated="{item.date}">'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{esc(item.caption)}</rdf:li>'
        f"</rdf:Alt></dc:description><dc:creator><rdf:Seq><rdf:li>{esc(item.byline)}</rdf:li>"
        "</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet.encode())


def iim_segment(item: Frame) -> bytes:
    def record(number: int, dataset: int, value: bytes) -> bytes:
        return bytes((0x1C, number, dataset)) + len(value).to_bytes(2, "big") + value

    data = record(1, 90, b"\x1b%G") + b"".join(
        record(2, dataset, text.encode()[:limit])
        for dataset, text, limit in (
            (120, item.caption, 2000),
            (80, item.byline, 32),
            (110, item.credit, 32),
            (115, item.source, 32),
            (55, item.date.replace("-", ""), 8),
            (90, item.city, 32),
        )
    )
    resource = (
        b"8BIM\x04\x04\x00\x00" + len(data).to_bytes(4, "big") + data + b"\0" * (len(data) % 2)
    )
    return _segment(0xED, b"Photoshop 3.0\x00" + resource)


def write_articles(folder: Path, pictures: list[str], captions: int) -> dict[str, list[str]]:
    """Articles of ten captions each; every caption edits one picture's agency caption.

    Returns each article's pictures in caption order."""
    rnd = random.Random(42)
    chosen = rnd.sample(range(len(pictures)), min(captions, len(pictures)))
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    truth: dict[str, list[str]] = {}
    for number, group in enumerate(_groups(chosen)):
        blocks = [f"# Desk story {number}", "", "Body text of the story.", ""]
        for index in group:
            blocks += [_figure(index, pictures[index], rnd), "", "More body text.", ""]
        name = f"articles/story-{number:05d}.md"
        (folder / name).write_text("\n".join(blocks), encoding="utf-8")
        truth[name] = [pictures[index] for index in group]
    return truth


def _groups(chosen: list[int]) -> list[list[int]]:
    """Ten pictures an article, never two whose captions begin with the same words: the article
    readers take captions that begin alike for one picture's alt text and figcaption."""
    text = {index: frame(index).article_caption.split(",")[0] for index in chosen}
    groups: list[list[int]] = []
    waiting = list(chosen)
    while waiting:
        group: list[int] = []
        later: list[int] = []
        for position, index in enumerate(waiting):
            if len(group) == PER_ARTICLE:
                later += waiting[position:]
                break
            if text[index] in {text[i] for i in group}:
                later.append(index)
            else:
                group.append(index)
        groups.append(group)
        waiting = later
    return groups


def _figure(index: int, picture: str, rnd: random.Random) -> str:
    """The article's image: by file name, or (as CMS exports do) by an opaque CDN URL."""
    if rnd.random() < 0.6:
        ref = f"../{picture}"
    else:
        ref = f"https://cdn.example.net/{hashlib.sha1(picture.encode()).hexdigest()[:16]}.jpg"
    item = frame(index)
    return f'![{item.headline}]({ref} "{item.article_caption}")'
