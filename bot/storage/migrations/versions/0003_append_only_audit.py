"""The audit trail is append-only by enforcement: events, answers, suggestions, confirmations and
consensus refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), whoever connects.

Triggers, not grants, so the rule holds on SQLite and for a database owner too. A later migration that
rebuilds one of these tables (SQLite's batch mode copies it to a new table) must create its triggers
again: `tests/integration/storage/test_append_only.py` checks every table at the newest revision.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

AUDIT_TABLES = ("events", "answers", "suggestions", "confirmations", "consensus")
POSTGRES_FUNCTION = "mmssc_refuse_audit_change"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE OR REPLACE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'restrict_violation';
            END $$
        """)
        for table in AUDIT_TABLES:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {POSTGRES_FUNCTION}()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION {POSTGRES_FUNCTION}()")
        return
    for table in AUDIT_TABLES:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} BEGIN "
                       f"SELECT RAISE(ABORT, '{table} is append-only: {action} is refused'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in AUDIT_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {POSTGRES_FUNCTION}()")
        return
    for table in AUDIT_TABLES:
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
