"""The file as photodesk last wrote it in place, so that a re-delivery is never taken for it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

``picture.written_sha256`` is the sha256 of the file an in-place ``write`` left at the picture's
path. The next in-place write lets the existing ``.NAME.orig`` stand for the file only when the
file is still that one; an agency re-delivery under the same name (same image, corrected
metadata) has another hash and gets a backup of its own. Existing rows get NULL: their files
are treated as not photodesk's, which costs at most one backup too many, never a lost file.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("picture") as batch:
        batch.add_column(sa.Column("written_sha256", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("picture") as batch:
        batch.drop_column("written_sha256")
