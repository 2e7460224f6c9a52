"""The first desk: articles, pictures and their captions (placements with the linked picture).

Revision ID: 0001
Revises:
Create Date: 2025-01-06

Written against the models as they were then and frozen here: a migration never imports the
models, so that later model changes cannot rewrite history. Constraints are named so that later
migrations (SQLite batch mode included) can find them on every backend.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_path", sa.String(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("byline", sa.String(), nullable=True),
        sa.Column("content_sha256", sa.String(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_source_path", "article", ["source_path"], unique=True)
    op.create_table(
        "picture",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=True),
        sa.Column("image_sha256", sa.String(), nullable=True),
        sa.Column("format", sa.String(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("values", sa.JSON(), nullable=True),
        sa.Column("blocks", sa.JSON(), nullable=True),
        sa.Column("conflicts", sa.JSON(), nullable=True),
        sa.Column("charset", sa.String(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=True),
        sa.Column("error", sa.String(), nullable=True),
        sa.Column("missing", sa.Boolean(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_picture_path", "picture", ["path"], unique=True)
    op.create_index("ix_picture_sha256", "picture", ["sha256"])
    op.create_table(
        "caption",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(), nullable=False),
        sa.Column("credit", sa.String(), nullable=True),
        sa.Column("parsed_credit", sa.JSON(), nullable=True),
        sa.Column("image_ref", sa.String(), nullable=True),
        sa.Column("source_caption", sa.String(), nullable=False),
        sa.Column("source_credit", sa.String(), nullable=True),
        sa.Column("picture_id", sa.Integer(), nullable=True),
        sa.Column("link_score", sa.Float(), nullable=True),
        sa.Column("link_reason", sa.String(), nullable=True),
        sa.Column("link_manual", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name="fk_caption_article_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["picture_id"], ["picture.id"], name="fk_caption_picture_id", ondelete="SET NULL"
        ),
        sa.UniqueConstraint("article_id", "position", name="uq_caption_article_id_position"),
    )
    op.create_index("ix_caption_article_id", "caption", ["article_id"])
    op.create_index("ix_caption_picture_id", "caption", ["picture_id"])


def downgrade() -> None:
    op.drop_table("caption")
    op.drop_table("picture")
    op.drop_table("article")
