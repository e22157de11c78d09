"""The audit trail refuses UPDATE and DELETE on SQLite and PostgreSQL alike: a trigger on each table,
so no connection (a script, a tired operator) can rewrite what people answered and confirmed."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.interview.messages import EventKind, Horizon, InterviewEvent, Outcome, Role
from bot.storage import Database
from bot.storage.assessments import add_participant, create_assessment
from bot.storage.interviews import record_answer, record_confirmation, record_event, record_suggestion
from bot.storage.review import record_consensus
from bot.suggestion.models import Suggestion

NOW = datetime(2026, 3, 2, 9, 0, 0)
AUDIT_TABLES = ("events", "answers", "suggestions", "confirmations", "consensus")
# A column each table has, set to a text value by the UPDATE attempts.
TEXT_COLUMN = {"events": "raw_text_json", "answers": "text", "suggestions": "rationale", "confirmations": "reason",
               "consensus": "reason"}


def _one_of_each(database: Database) -> None:
    suggestion = Suggestion(characteristic="1.1.1", level=3, confidence=0.8, rationale="why", engine="fake",
                            knowledge_version="k", fallback_reason="llm error: key sk-live-0123456789abcdefgh")
    with database.session() as session:
        assessment = create_assessment(session, name="Audit 2026", community="Audit", cycle="2026",
                                       knowledge_version="k", created_by="fay", now=NOW)
        add_participant(session, assessment.id, "fay", Role.FACILITATOR, NOW)
        ann = add_participant(session, assessment.id, "ann", Role.STAKEHOLDER, NOW).id
        event = record_event(session, ann, "terminal", InterviewEvent(kind=EventKind.TEXT, text="We plan."), NOW)
        assert event is not None
        answer = record_answer(session, participant_id=ann, event_row_id=event, characteristic="1.1.1",
                               horizon=Horizon.NOW, kind="answer", text="We plan.", channel="terminal", now=NOW)
        suggested = record_suggestion(session, participant_id=ann, answer_id=answer, horizon=Horizon.NOW,
                                      input_text="We plan.", suggestion=suggestion, now=NOW)
        record_confirmation(session, participant_id=ann, characteristic="1.1.1", horizon=Horizon.NOW, level=3,
                            outcome=Outcome.CONFIRMED, suggestion_id=suggested, suggested_level=3, reason="",
                            confirmed_by="ann", channel="terminal", now=NOW)
        record_consensus(session, assessment_id=assessment.id, characteristic="1.1.1", level_now=3,
                         level_two_years=None, set_by="fay", reason="agreed", now=NOW)


def _rows(database: Database, table: str) -> list[tuple[object, ...]]:
    with database.session() as session:
        return [tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))]  # noqa: S608


@pytest.mark.parametrize("table", AUDIT_TABLES)
def test_audit_rows_cannot_be_updated_or_deleted(database: Database, table: str) -> None:
    _one_of_each(database)
    before = _rows(database, table)
    assert len(before) == 1
    attempts = [f"UPDATE {table} SET {TEXT_COLUMN[table]} = 'rewritten'",  # noqa: S608
                f"UPDATE {table} SET created_at = created_at", f"DELETE FROM {table}"]  # noqa: S608
    if database.dialect == "postgresql":
        attempts.append(f"TRUNCATE {table} CASCADE")
    for statement in attempts:
        with pytest.raises(DBAPIError, match="append-only"), database.session() as session:
            session.execute(text(statement))
    assert _rows(database, table) == before
    with database.session() as session:  # appending still works
        session.execute(text(f"INSERT INTO {table} SELECT * FROM {table} WHERE 1 = 0"))  # noqa: S608


def test_the_interview_position_is_the_one_table_that_is_updated(database: Database) -> None:
    _one_of_each(database)
    with database.session() as session:
        changed = session.execute(text("UPDATE interview_positions SET version = version + 1"))
        assert changed.rowcount == 1  # type: ignore[attr-defined]


def test_a_key_in_an_engine_fallback_reason_is_never_stored(database: Database) -> None:
    _one_of_each(database)
    with database.session() as session:
        payload = json.loads(session.execute(text("SELECT payload_json FROM suggestions")).scalar_one())
    assert payload["fallback_reason"] == "llm error: key [redacted]"


def test_the_migration_applies_to_a_database_with_records_and_can_be_undone(database: Database) -> None:
    from alembic import command
    from alembic.config import Config

    from bot.storage.database import MIGRATIONS_DIR

    _one_of_each(database)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    with database.session() as session:  # before 0003 nothing enforced it
        session.execute(text("UPDATE consensus SET reason = 'rewritten'"))
    database.migrate()
    assert [row[6] for row in _rows(database, "consensus")] == ["rewritten"]  # kept as it was
    with pytest.raises(DBAPIError, match="append-only"), database.session() as session:
        session.execute(text("DELETE FROM consensus"))
