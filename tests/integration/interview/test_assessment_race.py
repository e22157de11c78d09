"""Eight stakeholders start `mmssc chat` on a new assessment name at the same moment: one process
creates it, the others join it. In threads on SQLite and PostgreSQL; as real processes on PostgreSQL
(SQLite's `BEGIN IMMEDIATE` already queues writers, which the thread test shows)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge import KnowledgeBase
from bot.services import assessments
from bot.storage import Database
from tests.integration.storage.backends import fresh_database, needs_postgres
from tests.support.environment import clean_environment
from tests.support.threads import run_together

pytestmark = pytest.mark.integration
NAME = "Race 2026"
RACERS = 8


def _summary(database: Database) -> tuple[int, list[str], list[str]]:
    found = assessments.list_all(database)
    return len(found), found[0].facilitators, found[0].stakeholders


def test_concurrent_first_interviews_create_one_assessment_and_all_join_it(kb: KnowledgeBase,
                                                                          database: Database) -> None:
    notes: dict[str, list[str]] = {}

    def join(who: str) -> None:
        notes[who] = assessments.ensure_interview(database, kb, datetime.now(UTC), NAME, who)

    errors = run_together(join, [(f"r{index}",) for index in range(RACERS)])
    assert errors == []
    count, facilitators, stakeholders = _summary(database)
    assert count == 1 and stakeholders == [f"r{index}" for index in range(RACERS)]
    creators = [who for who, said in notes.items() if any(note.startswith("Created") for note in said)]
    assert len(creators) == 1 and facilitators == creators


def test_the_same_person_joining_twice_at_once_is_added_once(kb: KnowledgeBase, database: Database) -> None:
    assessments.ensure_interview(database, kb, datetime.now(UTC), NAME, "fay")
    errors = run_together(lambda: assessments.ensure_interview(database, kb, datetime.now(UTC), NAME, "ann"),
                          [()] * 4)
    assert errors == [] and _summary(database)[2] == ["ann", "fay"]


@pytest.mark.postgres
@needs_postgres
def test_eight_chat_processes_started_at_once_on_postgresql(tmp_path: Path) -> None:
    with fresh_database("postgresql", tmp_path) as database:
        url = database.engine.url.render_as_string(hide_password=False)
        environment = clean_environment(MMSSC_DATA_DIR=str(tmp_path / "data"), MMSSC_DATABASE_URL=url)
        processes = [subprocess.Popen([sys.executable, "-m", "bot", "chat", "-a", NAME, "-s", f"r{index}"],
                                      stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      cwd=PROJECT_ROOT, env=environment, text=True) for index in range(RACERS)]
        outcomes = [(process.wait(timeout=600), *process.communicate()) for process in processes]
        assert [code for code, _, _ in outcomes] == [0] * RACERS, [err for _, _, err in outcomes]
        count, _, stakeholders = _summary(database)
    assert count == 1 and stakeholders == [f"r{index}" for index in range(RACERS)]
    assert sum("Created the assessment 'Race 2026'" in out for _, out, _ in outcomes) == 1


def test_creating_the_same_name_twice_at_once_refuses_one_clearly(kb: KnowledgeBase, database: Database) -> None:
    from bot.errors import InvalidInputError

    outcomes: list[str] = []

    def create(who: str) -> None:
        try:
            assessments.create(database, kb, datetime.now(UTC), name=NAME, community="Race", cycle="2026",
                               facilitators=[who])
            outcomes.append("created")
        except InvalidInputError as error:
            outcomes.append(str(error))

    assert run_together(create, [(f"f{index}",) for index in range(4)]) == []
    assert sorted(outcomes) == [f"An assessment named '{NAME}' already exists."] * 3 + ["created"]
