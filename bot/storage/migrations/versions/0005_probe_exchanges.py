"""Evidence probes in the audit trail: the probe a reply answers, a probe button's reading, and the context
(horizon, probes with their replies, other answers) each suggestion was made with.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("probe_answer", sa.String(length=40), nullable=True))
    op.add_column("answers", sa.Column("probe_json", sa.Text(), nullable=True))
    op.add_column("answers", sa.Column("probe_answer", sa.String(length=40), nullable=True))
    op.add_column("suggestions", sa.Column("context_json", sa.Text(), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch rebuild would drop and recreate
    # the audit tables, losing the append-only triggers of 0003 and tripping their foreign keys.
    for table, column in (("suggestions", "context_json"), ("answers", "probe_answer"), ("answers", "probe_json"),
                          ("events", "probe_answer")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
