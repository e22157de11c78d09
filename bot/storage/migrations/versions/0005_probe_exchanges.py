"""Evidence probes in the audit trail: the probe a reply answers, a probe button's reading, and the context
(horizon, probes with their replies, other answers) each suggestion was made with.

Revision ID: 0005
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("probe_answer", sa.String(length=40), nullable=True))
    op.add_column("answers", sa.Column("probe_json", sa.Text(), nullable=True))
    op.add_column("answers", sa.Column("probe_answer", sa.String(length=40), nullable=True))
    op.add_column("suggestions", sa.Column("context_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("suggestions") as batch:
        batch.drop_column("context_json")
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("probe_answer")
        batch.drop_column("probe_json")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("probe_answer")
