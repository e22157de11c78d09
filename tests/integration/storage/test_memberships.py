"""A person's memberships, read in one statement: every typed Slack message asks which interview it is for."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.interview.messages import Role, Step
from bot.storage import Database
from bot.storage.assessments import add_participant, create_assessment
from bot.storage.interviews import lock_position, save_position
from bot.storage.memberships import memberships_of
from tests.support.statements import statements_run

NOW = datetime(2026, 3, 2, 9, 0, 0)


def test_memberships_are_read_with_one_core_statement_roles_merged_newest_first(database: Database) -> None:
    with database.session() as session:
        older = create_assessment(session, name="Town 2025", community="Town", cycle="2025", knowledge_version="k",
                                  created_by="ana", now=NOW)
        newer = create_assessment(session, name="Town 2026", community="Town", cycle="2026", knowledge_version="k",
                                  created_by="bob", now=NOW + timedelta(days=1))
        add_participant(session, older.id, "ana", Role.FACILITATOR, NOW)
        ana = add_participant(session, newer.id, "ana", Role.STAKEHOLDER, NOW).id
        add_participant(session, newer.id, "ana", Role.FACILITATOR, NOW)
        add_participant(session, newer.id, "bob", Role.STAKEHOLDER, NOW)
        state = lock_position(session, ana, NOW)
        save_position(session, ana, state.at("1.1.2", Step.AWAIT_ANSWER_NOW), NOW + timedelta(hours=1))
    with database.reading() as session:
        session.connection()  # BEGIN
        with statements_run(database.engine) as run:
            mine = memberships_of(session, "ana")
    assert len(run.statements) == 1 and run.orm_statements == 0 and run.flushes == 0
    assert [(m.assessment, m.roles) for m in mine] == [("Town 2026", (Role.FACILITATOR, Role.STAKEHOLDER)),
                                                      ("Town 2025", (Role.FACILITATOR,))]
    position = mine[0].position
    assert position is not None and mine[1].position is None
    assert (position.stakeholder, position.step, position.characteristic, position.updated_at) == (
        "ana", Step.AWAIT_ANSWER_NOW, "1.1.2", NOW + timedelta(hours=1))
    with database.reading() as session:
        assert memberships_of(session, "nobody") == []
