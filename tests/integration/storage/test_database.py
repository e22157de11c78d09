"""The database itself: migrations on connect, SQLite settings, transactions, concurrency."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.interview.messages import Role, Step
from bot.storage import Database
from bot.storage.assessments import add_participant, create_assessment, list_assessments
from bot.storage.database import MIGRATIONS_DIR
from bot.storage.interviews import StalePositionError, lock_position, save_position
from bot.storage.tables import AssessmentRow, Base
from tests.support.threads import held_in_another_thread, run_together

NOW = datetime(2026, 3, 2, 9, 0, 0)
TABLES = {"assessments", "participants", "events", "answers", "suggestions", "confirmations", "consensus",
          "results", "interview_positions", "display_names", "deliveries", "posted_cards", "alembic_version"}


def _assessment(database: Database, name: str = "Town 2026") -> int:
    with database.session() as session:
        record = create_assessment(session, name=name, community="Town", cycle="2026", knowledge_version="k",
                                   created_by="fac", now=NOW)
        return add_participant(session, record.id, "ann", Role.STAKEHOLDER, NOW).id


def test_connect_creates_every_table_at_the_newest_migration(database: Database) -> None:
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    with database.session() as session:
        stored = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    # the one head of the migrations (several heads, left by revisions added in parallel, raise here)
    assert stored == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == "0006"


def test_migrations_match_the_table_models(database: Database) -> None:
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrating_twice_changes_nothing(database: Database) -> None:
    _assessment(database)
    database.migrate()
    with database.session() as session:
        assert [a.name for a in list_assessments(session)] == ["Town 2026"]


def test_connect_uses_sqlite_under_the_data_directory_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = Database.connect(Settings(data_dir=tmp_path / "data"))
    try:
        assert (tmp_path / "data" / "mmssc.db").exists()
        with database.session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        database.dispose()


def test_foreign_keys_are_enforced(database: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    from bot.storage.tables import ParticipantRow

    with pytest.raises(IntegrityError), database.session() as session:
        session.add(ParticipantRow(assessment_id=999, name="x", role="stakeholder", created_at=NOW))
        session.flush()


def test_a_failure_mid_transaction_leaves_nothing_behind(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        create_assessment(session, name="Half 2026", community="Half", cycle="2026", knowledge_version="k",
                          created_by="fac", now=NOW)
        raise RuntimeError("crash between two writes")
    with database.session() as session:
        assert session.scalars(select(AssessmentRow)).all() == []


def test_a_stale_position_is_refused(database: Database) -> None:
    participant = _assessment(database)
    with database.session() as session:
        first = lock_position(session, participant, NOW)
    with database.session() as session:
        save_position(session, participant, first.model_copy(update={"step": Step.PAUSED}), NOW)
    with pytest.raises(StalePositionError), database.session() as session:
        save_position(session, participant, first.model_copy(update={"step": Step.COMPLETE}), NOW)
    with database.session() as session:
        assert lock_position(session, participant, NOW).step == Step.PAUSED


def test_two_writers_never_lose_an_update(database: Database) -> None:
    """Two threads read-modify-write the same position 25 times each, under the row lock."""
    participant = _assessment(database)

    def bump() -> None:
        for _ in range(25):
            with database.session() as session:
                state = lock_position(session, participant, NOW)
                save_position(session, participant, state, NOW)

    errors = run_together(bump, [(), ()])
    assert errors == []
    with database.session() as session:
        assert lock_position(session, participant, NOW).version == 50


def test_a_reading_transaction_does_not_wait_for_a_writer_and_sees_committed_rows(database: Database) -> None:
    import time

    _assessment(database)

    def later(session: Session) -> None:
        create_assessment(session, name="Later 2026", community="Later", cycle="2026", knowledge_version="k",
                          created_by="fac", now=NOW)

    with held_in_another_thread(database.session, later):
        started = time.monotonic()
        with database.reading() as session:
            names = [a.name for a in list_assessments(session)]
        assert time.monotonic() - started < 2  # a reader queued behind the writer would wait for the block's end
        assert names == ["Town 2026"]  # the writer's row is not committed yet
    with database.reading() as session:
        assert sorted(a.name for a in list_assessments(session)) == ["Later 2026", "Town 2026"]


def test_what_a_reading_transaction_changes_is_not_kept(database: Database) -> None:
    with database.reading() as session:
        create_assessment(session, name="Scratch 2026", community="Scratch", cycle="2026", knowledge_version="k",
                          created_by="fac", now=NOW)
    with database.reading() as session:
        assert list_assessments(session) == []


def test_writers_of_one_process_queue_on_one_lock_per_sqlite_file(tmp_path: Path) -> None:
    """SQLite's busy handler sleeps up to 100 ms between polls; the threads of a process wait on a lock of
    their own instead and take the write lock the moment it is free."""
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    first, second = Database.from_url(url), Database.from_url(url, migrate=False)
    assert first._writers is second._writers  # two handles on one file share the queue
    blocked = []
    with held_in_another_thread(first.session):
        blocked.append(not second._writers.acquire(blocking=False))  # type: ignore[union-attr]
        with first.reading() as session:  # readers never queue
            list_assessments(session)
    assert blocked == [True]
    with second.session() as session:  # free again, and a nested read inside a write does not deadlock
        with first.reading() as reading:
            list_assessments(reading)
        create_assessment(session, name="Queued 2026", community="Q", cycle="2026", knowledge_version="k",
                          created_by="fac", now=NOW)
