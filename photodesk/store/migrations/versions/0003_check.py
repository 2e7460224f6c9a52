"""The publishing gate: each caption's findings, and each picture's colour mode.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

``caption.findings`` holds the check's findings for the caption as last computed (a JSON list of
``{"code", "rule", "severity", "message", "fix"}``), next to the ``status`` it already had, so
that the UI and exports show them without re-running the rules. ``picture.color_mode`` is what
the file's header declares (``rgb``/``cmyk``/``gray``); pictures scanned before this revision
get it at their next changed scan. Nothing that existed before is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("caption") as batch:
        batch.add_column(sa.Column("findings", sa.JSON(), nullable=True))
    with op.batch_alter_table("picture") as batch:
        batch.add_column(sa.Column("color_mode", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("picture") as batch:
        batch.drop_column("color_mode")
    with op.batch_alter_table("caption") as batch:
        batch.drop_column("findings")
