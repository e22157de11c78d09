"""Interview positions remember an answer whose suggestion was cut short (Ctrl-C, a crash, a restart).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("interview_positions", sa.Column("unsuggested_answer_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interview_positions") as batch:
        batch.drop_column("unsuggested_answer_id")
