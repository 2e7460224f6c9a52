"""Drafts: an editor's unsaved edit of a caption, kept in the desk so that it is never lost.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

``draft`` holds at most one draft per caption and editor (the terminal UI saves it as the editor
types and leaves a caption, and reads it back when the app starts again); ``base_version`` is
the caption's version the edit started from. A draft goes with its caption (ON DELETE CASCADE).
Nothing that existed before is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("caption_id", sa.Integer(), nullable=False),
        sa.Column("editor", sa.String(), nullable=False),
        sa.Column("caption", sa.String(), nullable=False),
        sa.Column("credit", sa.String(), nullable=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["caption_id"], ["caption.id"], name="fk_draft_caption_id", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("caption_id", "editor", name="uq_draft_caption_id_editor"),
    )


def downgrade() -> None:
    op.drop_table("draft")
