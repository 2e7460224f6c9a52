"""Team mode: revisions of every caption field, link proposals, and optimistic locking.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-13

``caption.version`` starts at 1 for the captions already on the desk (a server default, so the
column can be NOT NULL on a table that has rows); ``edited_by``/``edited_at`` stay empty until an
editor saves. Nothing that existed before is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("caption") as batch:
        batch.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
        batch.add_column(sa.Column("edited_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("caption_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("old", sa.String(), nullable=True),
        sa.Column("new", sa.String(), nullable=True),
        sa.Column("editor", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["caption_id"], ["caption.id"], name="fk_revision_caption_id", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_revision_caption_id", "revision", ["caption_id"])
    op.create_table(
        "linkproposal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("caption_id", sa.Integer(), nullable=False),
        sa.Column("picture_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["caption_id"], ["caption.id"], name="fk_linkproposal_caption_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["picture_id"], ["picture.id"], name="fk_linkproposal_picture_id", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("caption_id", "picture_id", name="uq_linkproposal_caption_picture"),
    )
    op.create_index("ix_linkproposal_caption_id", "linkproposal", ["caption_id"])
    op.create_index("ix_linkproposal_picture_id", "linkproposal", ["picture_id"])


def downgrade() -> None:
    op.drop_table("linkproposal")
    op.drop_table("revision")
    with op.batch_alter_table("caption") as batch:
        batch.drop_column("edited_at")
        batch.drop_column("edited_by")
        batch.drop_column("version")
