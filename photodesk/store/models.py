"""The desk's tables: pictures (files), articles, captions (placements), revisions and drafts.

One module, because the schema is one thing: Alembic migrations are written against it and every
named query reads it. Rows are plain data; nothing here opens a file or knows about the UI.
JSON columns hold what the desk only ever reads whole (a picture's reconciled metadata, a parsed
credit), so that adding a metadata field never needs a migration.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


class Article(SQLModel, table=True):
    """An ingested article; ``content_sha256`` tells a changed article from the same one again."""

    id: int | None = Field(default=None, primary_key=True)
    source_path: str = Field(unique=True, index=True)
    format: str
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    content_sha256: str
    ingested_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class Picture(SQLModel, table=True):
    """A picture file as last scanned. A vanished file is kept and marked ``missing``."""

    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(unique=True, index=True)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    mtime_ns: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str | None = Field(default=None, index=True)
    image_sha256: str | None = None
    # sha256 of the file as photodesk last wrote it in place: that file's backup exists already,
    # anything else found there later (a re-delivery) needs one of its own.
    written_sha256: str | None = None
    format: str | None = None
    width: int | None = None
    height: int | None = None
    color_mode: str | None = None
    # Reconciled neutral fields (photodesk.core.metadata.FIELDS) → value (str or list of str).
    values: dict[str, Any] | None = _json()
    # Every block's reading: [{"block", "values", "charset", "warnings"}], for conflicts and audit.
    blocks: list[dict[str, Any]] | None = _json()
    # [{"field", "values": {block: value}}]
    conflicts: list[dict[str, Any]] | None = _json()
    charset: str | None = None
    warnings: list[str] | None = _json()
    error: str | None = None
    missing: bool = False
    scanned_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class Caption(SQLModel, table=True):
    """One placement of a picture in an article: the editable caption and credit.

    ``source_caption``/``source_credit`` keep what the article said at the last ingest, so that a
    re-ingested article can update what the desk has not touched and keep what an editor changed.
    ``version`` grows by one with every saved change (optimistic locking in team mode).
    """

    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    position: int
    caption: str
    credit: str | None = None
    parsed_credit: dict[str, Any] | None = _json()
    image_ref: str | None = None
    source_caption: str
    source_credit: str | None = None
    picture_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("picture.id", ondelete="SET NULL"), index=True),
    )
    link_score: float | None = None
    link_reason: str | None = None
    link_manual: bool = False
    status: str = "unchecked"
    # The check's findings as last computed: [{"code", "rule", "severity", "message", "fix"}].
    findings: list[dict[str, Any]] | None = _json()
    version: int = 1
    edited_by: str | None = None
    edited_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class Revision(SQLModel, table=True):
    """One change to one caption field: who, when, old, new. Nothing a desk does is lost."""

    id: int | None = Field(default=None, primary_key=True)
    caption_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("caption.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    field: str
    old: str | None = None
    new: str | None = None
    editor: str
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    reverts: int | None = None  # the revision this one undoes


class LinkProposal(SQLModel, table=True):
    """A candidate picture for a caption below the acceptance threshold, with its reasons."""

    __table_args__ = (UniqueConstraint("caption_id", "picture_id"),)

    id: int | None = Field(default=None, primary_key=True)
    caption_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("caption.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    picture_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("picture.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    score: float
    reasons: str


class Draft(SQLModel, table=True):
    """An editor's unsaved edit of one caption, kept so that it survives leaving the caption
    and closing the app. One per caption and editor; ``base_version`` is the caption's version
    the edit started from (a save passes it back, so a caption changed meanwhile conflicts)."""

    __table_args__ = (UniqueConstraint("caption_id", "editor"),)

    id: int | None = Field(default=None, primary_key=True)
    caption_id: int = Field(
        sa_column=Column(Integer, ForeignKey("caption.id", ondelete="CASCADE"), nullable=False)
    )
    editor: str
    caption: str
    credit: str | None = None
    base_version: int
    saved_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
