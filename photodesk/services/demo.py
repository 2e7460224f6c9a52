"""Finding and reading the demo desk that ships in the source checkout's ``media/`` folder.

The demo desk is data beside the package, not inside it (a wheel does not install it), so it is
looked up relative to the checkout and its absence is an ordinary, reportable condition rather
than a crash. ``load_demo_desk`` reads the articles' captions through the same extraction service
as ``photodesk extract``; ``build_demo_desk`` loads them and the pictures into a desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import photodesk
from photodesk.core.types import ArticleDraft
from photodesk.services.desk import Desk
from photodesk.services.extracting import ArticleError, extract_article
from photodesk.services.importing import ingest_articles
from photodesk.services.ingest_report import IngestReport
from photodesk.services.linking import link_desk
from photodesk.services.linking_views import LinkReport
from photodesk.services.scan_report import ScanReport
from photodesk.services.scanning import scan_folders

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md", ".markdown", ".json"})
PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".tif", ".tiff", ".png", ".webp"})


class DemoDeskMissingError(LookupError):
    """There is no demo desk at the expected place (e.g. photodesk was installed from a wheel)."""

    def __init__(self, root: Path) -> None:
        super().__init__(f"no demo desk at {root}")
        self.root = root


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One article file of the desk: its captions, or why it could not be read."""

    path: Path
    draft: ArticleDraft | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class DemoDesk:
    """The demo desk's files, sorted by name so that every listing is the same."""

    root: Path
    articles: tuple[DemoArticle, ...]
    pictures: tuple[Path, ...]


def default_media_root() -> Path:
    """``media/`` beside the ``photodesk`` package, i.e. at the top of the source checkout."""
    return Path(photodesk.__file__).resolve().parent.parent / "media"


def load_demo_desk(root: Path | None = None) -> DemoDesk:
    """The demo desk under ``root`` (default: the checkout's ``media/``), articles read.

    Raises DemoDeskMissingError when ``articles/`` or ``pictures/`` is not there. An article that
    cannot be read is reported in its DemoArticle, so one bad file does not hide the others.
    """
    root = default_media_root() if root is None else root
    articles_dir, pictures_dir = root / "articles", root / "pictures"
    if not (articles_dir.is_dir() and pictures_dir.is_dir()):
        raise DemoDeskMissingError(root)
    return DemoDesk(
        root=root,
        articles=tuple(_read(path) for path in _files(articles_dir, ARTICLE_SUFFIXES)),
        pictures=_files(pictures_dir, PICTURE_SUFFIXES),
    )


def _read(path: Path) -> DemoArticle:
    try:
        return DemoArticle(path, extract_article(path))
    except ArticleError as error:
        return DemoArticle(path, None, error.reason)


def _files(folder: Path, suffixes: frozenset[str]) -> tuple[Path, ...]:
    """Regular files whose suffix, in any case (agencies ship ``.JPG``), is one of ``suffixes``."""
    found = (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
    return tuple(sorted(found, key=lambda p: p.name))


@dataclass(frozen=True, slots=True)
class BuiltDemo:
    """What building the demo desk did: the three reports, for the desk report and the tests."""

    ingest: IngestReport
    scan: ScanReport
    link: LinkReport


def build_demo_desk(desk: Desk, root: Path | None = None) -> BuiltDemo:
    """Ingest the demo articles, scan the demo pictures and link them, on ``desk``.

    The same services a photo editor's commands use (``ingest``, ``scan``, ``link``), so the demo
    shows the real pipeline, and every caption is checked on the way.
    """
    demo = load_demo_desk(root)
    ingest = ingest_articles(desk, [article.path for article in demo.articles])
    scan = scan_folders(desk, [demo.root / "pictures"], workers=1)
    return BuiltDemo(ingest, scan, link_desk(desk))
