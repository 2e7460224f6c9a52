"""Generate the reading benchmark's corpus: realistic agency JPEGs with full EXIF, IIM and XMP.

What makes a reader slow or fast is the file's shape, not its picture: camera and web sizes
(1200x800 .. 6000x4000, 0.3-2.5 MB), an EXIF block with a 160 px thumbnail, an IIM block declared
UTF-8 with a long caption, and a 3-8 KB XMP packet, all with non-ASCII text. So ~50 base pictures
are drawn (smooth shapes plus film grain, tuned until the JPEG lands in the size range) and every
file is a copy of one with its own metadata, written by python-exiv2 as agencies' tools do. Every
file is distinct and valid. The corpus is cached (``~/.cache/photodesk-bench/agency-jpeg``) and
reused when a run finds enough files there.

    .venv/bin/python bench/corpus.py [--files N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import exiv2
from corpus_text import Story, story
from PIL import Image, ImageChops

VERSION = 1
DEFAULT_DIR = Path.home() / ".cache" / "photodesk-bench" / "agency-jpeg"
BASES = 50
MIN_BYTES, MAX_BYTES = 320_000, 2_400_000  # leaves room for the metadata within 0.3-2.5 MB
SIZES = (
    (6000, 4000), (5472, 3648), (5568, 3712), (4000, 2667), (3000, 2000),
    (2048, 1365), (1920, 1280), (1600, 1067), (1200, 800),
)  # fmt: skip


def ensure_corpus(folder: Path, files: int) -> list[Path]:
    """The corpus's files, generating them first unless ``folder`` already holds enough."""
    manifest = folder / "manifest.json"
    if manifest.is_file():
        known = json.loads(manifest.read_text(encoding="utf-8"))
        if known.get("version") == VERSION and len(known["files"]) >= files:
            return [folder / name for name in known["files"][:files]]
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    bases = load_bases(folder.parent / f"{folder.name}-bases")
    names = [write_copy(folder, index, bases[index % BASES]) for index in range(files)]
    manifest.write_text(json.dumps({"version": VERSION, "files": names}), encoding="utf-8")
    print(f"generated {files} files in {folder} in {time.perf_counter() - started:.0f} s")
    return [folder / name for name in names]


def load_bases(folder: Path) -> list[tuple[bytes, bytes]]:
    """The base pictures (JPEG, EXIF thumbnail), drawn on every core unless already cached."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(BASES) if not (folder / f"{i:02d}-thumb.jpg").is_file()]
    with ProcessPoolExecutor() as pool:
        for index, (picture, thumb) in zip(missing, pool.map(base_jpeg, missing), strict=True):
            (folder / f"{index:02d}.jpg").write_bytes(picture)
            (folder / f"{index:02d}-thumb.jpg").write_bytes(thumb)
    return [
        ((folder / f"{i:02d}.jpg").read_bytes(), (folder / f"{i:02d}-thumb.jpg").read_bytes())
        for i in range(BASES)
    ]


def base_jpeg(index: int) -> tuple[bytes, bytes]:
    """One base picture's JPEG bytes and its 160 px EXIF thumbnail, tuned into the size range."""
    rnd = random.Random(index)
    width, height = rnd.choice(SIZES)
    if rnd.random() < 0.25:
        width, height = height, width  # portrait frames
    picture = None
    grain, quality = 20.0, rnd.choice((80, 85, 90))
    for _ in range(8):
        picture = render(width, height, index, grain)
        data = encode(picture, quality)
        if len(data) > MAX_BYTES:
            grain, quality = (grain / 2, quality) if grain > 4 else (grain, quality - 8)
        elif len(data) < MIN_BYTES:
            grain, quality = (grain * 1.7, quality) if grain < 60 else (grain, min(95, quality + 4))
        else:
            break
    assert picture is not None
    thumb = picture.copy()
    thumb.thumbnail((160, 160))
    return data, encode(thumb, 80)


def render(width: int, height: int, seed: int, grain: float) -> Image.Image:
    """Smooth colour fields (a tiny random image blown up), mid-scale blotches and fine grain."""
    rnd = random.Random(seed)
    colours = bytes(rnd.randrange(256) for _ in range(12 * 8 * 3))
    fields = Image.frombytes("RGB", (12, 8), colours)
    fields = fields.resize((width, height), Image.Resampling.BICUBIC)
    blotches = Image.effect_noise((max(1, width // 8), max(1, height // 8)), 60)
    blotches = blotches.resize((width, height), Image.Resampling.BICUBIC)
    fine = Image.effect_noise((width, height), grain)
    texture = Image.merge("RGB", (blotches, fine, ImageChops.add(blotches, fine, 2.0, -64)))
    return Image.blend(fields, texture, 0.35)


def encode(picture: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality)
    return out.getvalue()


def write_copy(folder: Path, index: int, base: tuple[bytes, bytes]) -> str:
    """Write copy ``index`` of a base picture with its own story in EXIF, IIM and XMP."""
    item = story(index)
    path = folder / item.filename
    path.write_bytes(base[0])
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    write_exif(image.exifData(), item, base[1])
    write_iim(image.iptcData(), item)
    write_xmp(image.xmpData(), item)
    image.writeMetadata()
    return item.filename


def write_exif(exif: exiv2.ExifData, item: Story, thumbnail: bytes) -> None:
    exif["Exif.Image.Make"] = item.make
    exif["Exif.Image.Model"] = item.model
    exif["Exif.Image.ImageDescription"] = item.caption
    exif["Exif.Image.Artist"] = item.byline
    exif["Exif.Image.Copyright"] = item.copyright
    exif["Exif.Photo.DateTimeOriginal"] = item.taken
    exiv2.ExifThumb(exif).setJpegThumbnail(thumbnail)


IIM_LIMITS = {"Byline": 32, "Credit": 32, "Source": 32, "City": 32, "CountryName": 64,
              "Copyright": 128, "Headline": 256, "SpecialInstructions": 256, "Caption": 2000,
              "Keywords": 64, "ProvinceState": 32, "Writer": 32}  # fmt: skip


def cut(dataset: str, text: str) -> str:
    """Cut at the IIM byte limit on a character boundary, as agency systems do."""
    limit = IIM_LIMITS.get(dataset)
    return text if limit is None else text.encode()[:limit].decode(errors="ignore")


def write_iim(iptc: exiv2.IptcData, item: Story) -> None:
    iptc["Iptc.Envelope.CharacterSet"] = "\x1b%G"  # 1:90, UTF-8
    iptc["Iptc.Application2.RecordVersion"] = 4
    for keyword in item.keywords:
        value = exiv2.StringValue(cut("Keywords", keyword))
        iptc.add(exiv2.IptcKey("Iptc.Application2.Keywords"), value)
    for dataset, value in item.iim_fields():
        iptc[f"Iptc.Application2.{dataset}"] = cut(dataset, value)


def xmp_list(kind: exiv2.TypeId, items: tuple[str, ...]) -> exiv2.XmpArrayValue:
    value = exiv2.XmpArrayValue(kind)
    for entry in items:
        value.read(entry)
    return value


def lang_alt(text: str) -> exiv2.LangAltValue:
    value = exiv2.LangAltValue()
    value.read(f'lang="x-default" {text}')
    return value


def write_xmp(xmp: exiv2.XmpData, item: Story) -> None:
    xmp["Xmp.dc.description"] = lang_alt(item.caption)
    xmp["Xmp.dc.title"] = lang_alt(item.title)
    xmp["Xmp.dc.rights"] = lang_alt(item.copyright)
    xmp["Xmp.xmpRights.UsageTerms"] = lang_alt(item.usage_terms)
    xmp["Xmp.dc.creator"] = xmp_list(exiv2.TypeId.xmpSeq, (item.byline,))
    xmp["Xmp.dc.subject"] = xmp_list(exiv2.TypeId.xmpBag, item.keywords)
    for key, value in item.xmp_fields():
        xmp[key] = value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    paths = ensure_corpus(args.dir, args.files)
    sizes = [path.stat().st_size for path in paths]
    print(f"{len(paths)} files, {min(sizes) / 1e6:.2f}-{max(sizes) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
