"""The append-only audit trail: events (deduplicated), answers, suggestions, confirmations, results."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from bot.errors import InvalidInputError, NotFoundError
from bot.interview.messages import EventKind, Horizon, InterviewEvent, Outcome, Role, Step
from bot.storage import Database
from bot.storage.assessments import add_participant, create_assessment, get_assessment, participants
from bot.storage.interviews import (
    answers_of,
    latest_outcomes,
    lock_position,
    pending_suggestion,
    raw_texts_of,
    record_answer,
    record_confirmation,
    record_event,
    record_pending_suggestion,
    record_suggestion,
)
from bot.storage.results import store_result, stored_results
from bot.storage.tables import SuggestionRow
from bot.suggestion.models import (
    Citation,
    CitationKind,
    Probe,
    ProbeAnswer,
    ProbeExchange,
    Suggestion,
    SuggestionContext,
)
from tests.support.statements import statements_run
from tests.support.threads import run_together

NOW = datetime(2026, 3, 2, 9, 0, 0)


@pytest.fixture
def participant(database: Database) -> int:
    with database.session() as session:
        record = create_assessment(session, name="Town 2026", community="Town", cycle="2026", knowledge_version="k",
                                   created_by="fac", now=NOW)
        add_participant(session, record.id, "fac", Role.FACILITATOR, NOW)
        return add_participant(session, record.id, "ann", Role.STAKEHOLDER, NOW).id


def _event(text: str = "x", event_id: str | None = None) -> InterviewEvent:
    return InterviewEvent(kind=EventKind.TEXT, text=text, event_id=event_id)


def test_assessment_names_are_unique_and_lookups_name_the_closest(database: Database, participant: int) -> None:
    with pytest.raises(InvalidInputError, match="already exists"), database.session() as session:
        create_assessment(session, name="Town 2026", community="T", cycle="2026", knowledge_version="k",
                          created_by="x", now=NOW)
    with pytest.raises(NotFoundError, match="Did you mean: Town 2026"), database.session() as session:
        get_assessment(session, "Town 2025")


def test_adding_a_person_twice_is_harmless_and_a_stakeholder_gets_a_position(database: Database,
                                                                          participant: int) -> None:
    with database.session() as session:
        town = get_assessment(session, "Town 2026")
        assert add_participant(session, town.id, "ann", Role.STAKEHOLDER, NOW).id == participant
        assert [(p.name, p.role) for p in participants(session, town.id)] == [
            ("ann", Role.STAKEHOLDER), ("fac", Role.FACILITATOR)]
        assert lock_position(session, participant, NOW).step == Step.NOT_STARTED


def test_the_same_event_id_is_recorded_once_per_channel(database: Database, participant: int) -> None:
    with database.session() as session:
        assert record_event(session, participant, "slack", _event(event_id="Ev1"), NOW) is not None
    with database.session() as session:
        assert record_event(session, participant, "slack", _event(event_id="Ev1"), NOW) is None
        assert record_event(session, participant, "other", _event(event_id="Ev1"), NOW) is not None
        assert record_event(session, participant, "slack", _event(), NOW) is not None
        assert record_event(session, participant, "slack", _event(), NOW) is not None  # no id: never deduplicated
    with database.session() as session:
        assert len(raw_texts_of(session, participant)) == 4


def test_an_event_is_recorded_or_found_a_retry_with_one_statement(database: Database, participant: int) -> None:
    """`INSERT ... ON CONFLICT DO NOTHING RETURNING id`: no read first, no savepoint, no ORM flush."""
    with database.session() as session:
        session.connection()  # BEGIN
        with statements_run(database.engine) as run:
            first = record_event(session, participant, "slack", _event(event_id="EvOne"), NOW)
            again = record_event(session, participant, "slack", _event(event_id="EvOne"), NOW)
    assert first is not None and again is None
    assert run.verbs() == ["INSERT INTO events"] * 2 and run.flushes == 0 and run.orm_statements == 0


def test_racing_deliveries_of_one_event_record_it_once_and_each_transaction_carries_on(database: Database,
                                                                                       participant: int) -> None:
    """Six transactions record the same event at the same moment (no savepoint: an ordinary INSERT's error would
    end a PostgreSQL transaction): one gets its row, the others None, and every one goes on writing."""
    got: list[int | None] = []

    def deliver(index: int) -> None:
        with database.session() as session:
            got.append(record_event(session, participant, "slack", _event(event_id="EvRace"), NOW))
            assert record_event(session, participant, "slack", _event(f"after {index}"), NOW) is not None

    assert run_together(deliver, [(index,) for index in range(6)]) == []
    assert sum(row is not None for row in got) == 1
    with database.reading() as session:
        texts = raw_texts_of(session, participant)
    assert texts.count("x") == 1 and sorted(t for t in texts if t != "x") == [f"after {i}" for i in range(6)]


def test_raw_text_is_kept_exactly_even_nul_bytes_and_escape_sequences(database: Database, participant: int) -> None:
    raw = "a\x00b\x1b[31mred\x07 " + "é" * 50_000
    with database.session() as session:
        record_event(session, participant, "terminal", _event(raw), NOW)
    with database.session() as session:
        assert raw_texts_of(session, participant) == [raw]


def test_answers_suggestions_and_confirmations_are_kept_whole(database: Database, participant: int) -> None:
    answer = "We publish a strategy. " * 3_000  # 69,000 characters
    suggestion = Suggestion(
        characteristic="1.1.1", level=3, confidence=0.8, rationale="why",
        citations=[Citation(kind=CitationKind.CRITERION, id="1.1.1/L3", characteristic="1.1.1", level=3, text="c")],
        engine="fake", knowledge_version="k" * 64)
    with database.session() as session:
        event_row = record_event(session, participant, "terminal", _event(answer), NOW)
        assert event_row is not None
        answer_id = record_answer(session, participant_id=participant, event_row_id=event_row, characteristic="1.1.1",
                                  horizon=Horizon.NOW, kind="answer", text=answer, channel="terminal", now=NOW)
        suggestion_id = record_suggestion(session, participant_id=participant, answer_id=answer_id,
                                          horizon=Horizon.NOW, input_text=answer, suggestion=suggestion, now=NOW)
        for level, outcome in ((3, Outcome.CONFIRMED), (4, Outcome.OVERRIDDEN)):
            record_confirmation(session, participant_id=participant, characteristic="1.1.1", horizon=Horizon.NOW,
                                level=level, outcome=outcome, suggestion_id=suggestion_id, suggested_level=3,
                                reason="r", confirmed_by="ann", channel="terminal", now=NOW)
    with database.session() as session:
        assert [a.text for a in answers_of(session, participant)] == [answer]
        pending = pending_suggestion(session, suggestion_id)
        assert pending.suggestion == suggestion and pending.input_text == answer
        row = session.scalars(select(SuggestionRow)).one()
        assert (row.engine, row.knowledge_version, len(row.input_sha256)) == ("fake", "k" * 64, 64)
        assert json.loads(row.citations_json)[0]["id"] == "1.1.1/L3"
        assert latest_outcomes(session, participant, Horizon.NOW) == {"1.1.1": (Outcome.OVERRIDDEN, 4)}


def test_a_suggestion_recorded_is_returned_as_it_reads_back(database: Database, participant: int) -> None:
    """`record_pending_suggestion` hands back what `pending_suggestion` would read (the card after an answer is
    shown from it): the engine's error text redacted, the probes and replies of its context."""
    probe = Probe(level=4, conditions=["1.1.1/L4/c1"], question="Do you review it yearly?")
    context = SuggestionContext(exchanges=[ProbeExchange(probe=probe, reply="yes, with the board",
                                                         answer=ProbeAnswer.YES)], earlier_answers=["other"])
    suggestion = Suggestion(characteristic="1.1.1", level=None, confidence=0.1, rationale="why", engine="fake",
                            knowledge_version="k", fallback_reason="llm error: key sk-live-0123456789abcdefgh",
                            follow_up="Tell me more?")
    with database.session() as session:
        event_row = record_event(session, participant, "terminal", _event("We plan."), NOW)
        assert event_row is not None
        answer_id = record_answer(session, participant_id=participant, event_row_id=event_row, characteristic="1.1.1",
                                  horizon=Horizon.NOW, kind="answer", text="We plan.", channel="terminal", now=NOW)
        recorded = [record_pending_suggestion(session, participant_id=participant, answer_id=answer_id,
                                              horizon=Horizon.NOW, input_text="We plan.\n\nMore. ",
                                              suggestion=suggestion, now=NOW, context=given)
                    for given in (context, None)]
    with database.reading() as session:
        assert [pending_suggestion(session, pending.id) for pending in recorded] == recorded
    assert "sk-live" not in (recorded[0].suggestion.fallback_reason or "")
    assert recorded[0].exchanges == context.exchanges and recorded[1].exchanges == []


def test_a_result_is_stored_once_per_hash(database: Database, participant: int) -> None:
    with database.session() as session:
        first = store_result(session, assessment_name="Town 2026", sha256="a" * 64, knowledge_version="k",
                             result_json="{}", now=NOW)
        again = store_result(session, assessment_name="Town 2026", sha256="a" * 64, knowledge_version="k",
                             result_json="{}", now=datetime(2027, 1, 1))
        store_result(session, assessment_name="Town 2026", sha256="b" * 64, knowledge_version="k",
                     result_json="{}", now=NOW)
    assert again.created_at == first.created_at
    with database.session() as session:
        assert [r.sha256 for r in stored_results(session, "Town 2026")] == ["a" * 64, "b" * 64]
