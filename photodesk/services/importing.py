"""``ingest``: put articles' captions on the desk, again and again, without losing an edit.

An article is known by its resolved path, so ingesting it twice (a cron job, a nervous editor)
changes nothing, and ``Article.content_sha256`` skips an unchanged file without touching its rows.
A changed article is merged caption by caption (``caption_merge``): what the desk never touched
follows the article, what an editor changed stays and is reported as a kept desk edit, and the
article's new wording goes to ``source_caption``/``source_credit`` either way. Every change made
on the article's behalf is a Revision by the editor ``ingest`` so that ``history`` can show it
and an editor can revert it. Articles are read outside any transaction and written in batches,
one write unit each; an unreadable file never reaches the desk, and when another process got in
the way (the same new article ingested at the same moment, an editor saving a caption in team
mode) the batch is redone article by article, each merged into what the other writer committed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from photodesk.core.rules import HouseStyle
from photodesk.core.types import ArticleDraft, CaptionDraft
from photodesk.services.caption_merge import Stored, match_drafts
from photodesk.services.desk import Desk
from photodesk.services.editing import Clock, EditConflict, utc_now
from photodesk.services.extracting import ArticleError, extract_article
from photodesk.services.findings import desk_verdicts, save_verdicts
from photodesk.services.ingest_merge import apply_draft, new_caption, place
from photodesk.services.ingest_report import (
    ArticleResult,
    CaptionChange,
    IngestFailure,
    IngestReport,
)
from photodesk.services.progress import SILENT, Progress
from photodesk.store import queries_ingest
from photodesk.store.models import Article, Caption
from photodesk.store.session import IntegrityError, Session

BATCH = 25  # articles per write unit: one commit (an fsync) each, not one per article


@dataclass(frozen=True, slots=True)
class _Read:
    key: str
    draft: ArticleDraft
    digest: str


def ingest_articles(
    desk: Desk,
    paths: Iterable[str | Path],
    progress: Progress = SILENT,
    clock: Clock = utc_now,
) -> IngestReport:
    """Ingest every article in ``paths``; unreadable ones are listed in ``report.failures``."""
    todo = [Path(path) for path in paths]
    report = IngestReport()
    progress.begin("ingesting articles", len(todo))
    try:
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            read = [item for item in (_read(path, report) for path in batch) if item is not None]
            report.articles.extend(_store_batch(desk, read, clock))
            progress.advance(len(batch))
    finally:
        progress.end()
    return report


def _read(path: Path, report: IngestReport) -> _Read | None:
    """The article's captions and content hash, read before any transaction begins."""
    try:
        draft = extract_article(path)
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except ArticleError as error:
        report.failures.append(IngestFailure(error.path, error.reason))
        return None
    except OSError as error:  # vanished or locked between reading and hashing
        report.failures.append(IngestFailure(str(path), error.strerror or str(error)))
        return None
    return _Read(str(path.resolve()), draft, digest)


def _store_batch(desk: Desk, batch: list[_Read], clock: Clock) -> list[ArticleResult]:
    """A batch in one write unit; if another writer got in the way, each article on its own."""
    try:
        house = desk.house
        with desk.write() as session:
            results = [
                _store(session, item.key, item.draft, item.digest, clock()) for item in batch
            ]
            _recheck(session, house, clock(), results)
            return results
    except (IntegrityError, EditConflict):
        return [_store_alone(desk, item, clock) for item in batch]


def _store_alone(desk: Desk, item: _Read, clock: Clock) -> ArticleResult:
    """One article in its own write unit; a second lost race is a real error."""
    house = desk.house
    try:
        with desk.write() as session:
            result = _store(session, item.key, item.draft, item.digest, clock())
            _recheck(session, house, clock(), [result])
            return result
    except (IntegrityError, EditConflict):  # another writer came first: merge into theirs
        with desk.write() as session:
            result = _store(session, item.key, item.draft, item.digest, clock())
            _recheck(session, house, clock(), [result])
            return result


def _recheck(
    session: Session, house: HouseStyle, now: datetime, results: list[ArticleResult]
) -> None:
    """New and updated articles get their captions checked in the same write unit."""
    paths = [result.path for result in results if result.outcome != "unchanged"]
    if paths:
        save_verdicts(session, desk_verdicts(session, house, now, article_paths=paths))


def _store(
    session: Session, key: str, draft: ArticleDraft, digest: str, now: datetime
) -> ArticleResult:
    article = queries_ingest.article_by_source(session, key)
    count = len(draft.captions)
    if article is not None and article.content_sha256 == digest:
        return ArticleResult(key, "unchanged", count)
    outcome = "new" if article is None else "updated"
    if article is None:
        article = Article(
            source_path=key, format=draft.format, content_sha256=digest, ingested_at=now
        )
    article.format, article.title, article.date = draft.format, draft.title, draft.date
    article.byline, article.content_sha256, article.ingested_at = draft.byline, digest, now
    queries_ingest.save_article(session, article)
    assert article.id is not None
    if outcome == "new":
        captions = (new_caption(article.id, i + 1, d) for i, d in enumerate(draft.captions))
        queries_ingest.add_captions(session, captions)
        return ArticleResult(key, "new", count)
    changes = _merge(session, article.id, draft.captions, now)
    return ArticleResult(key, "updated", count, changes)


def _merge(
    session: Session, article_id: int, drafts: tuple[CaptionDraft, ...], now: datetime
) -> tuple[CaptionChange, ...]:
    """Match the new drafts to the stored captions, update, add, remove, and re-place them."""
    stored = queries_ingest.captions_of_article(session, article_id)
    by_id = {caption.id: caption for caption in stored}
    matches = match_drafts([_stored(c) for c in stored], drafts)
    changes: list[CaptionChange] = []
    kept: list[tuple[Caption, int]] = []
    added: list[Caption] = []
    for index, draft in enumerate(drafts):
        if index in matches:
            caption = by_id[matches[index]]
            changes += apply_draft(session, caption, draft, index + 1, now)
            kept.append((caption, index + 1))
        else:
            added.append(new_caption(article_id, index + 1, draft))
    gone = [caption for caption in stored if caption.id not in set(matches.values())]
    changes += place(session, kept, added, gone, len(drafts))
    return tuple(sorted(changes, key=lambda change: change.position))


def _stored(caption: Caption) -> Stored:
    assert caption.id is not None
    return Stored(caption.id, caption.position, caption.source_caption, caption.image_ref)
