"""What each step of an interview costs the database: the statements of its transactions, pinned.

The Slack bot is bound by Python CPU, and every statement costs CPU; these numbers only go down. A step is
one `InterviewService.handle` call: its own transaction and, after an answer or a probe reply, the
transaction that stores the suggestion. BEGIN (SQLite's `BEGIN IMMEDIATE`) is not counted, so SQLite and
PostgreSQL give the same numbers. Every statement of a step is a Core statement built once (no ORM
compilation, object loading or flush).
"""

from __future__ import annotations

from sqlalchemy import delete

from bot.interview.messages import EventKind, InterviewEvent, ReplyKind, Role
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.tables import InterviewPositionRow
from tests.integration.interview.driver import Stakeholder, kinds
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine
from tests.support.statements import statements_run

ASSESSMENT = "Harbour 2026"
# (what ann types, what she is shown, the statements of the step)
STEPS = [
    ("start", [ReplyKind.INFO, ReplyKind.QUESTION], 5),
    ("We have a plan [P3] [L2]", [ReplyKind.PROBE], 9),  # an answer; the engine asks a probe
    ("yes", [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION], 9),  # the probe's reply; the suggestion
    ("yes", [ReplyKind.RECORDED, ReplyKind.QUESTION], 7),  # confirmed; the two-year question
    ("same", [ReplyKind.RECORDED, ReplyKind.QUESTION], 8),  # the two-year level; the next question
    ("A strategy [L4]", [ReplyKind.SUGGESTION], 9),
    ("4", [ReplyKind.RECORDED, ReplyKind.QUESTION], 7),
]



def test_a_suggestion_is_stored_with_the_position_in_two_statements(kb: KnowledgeBase, database: Database) -> None:
    """After the engine call: INSERT the suggestion, UPDATE the position if its version did not move (that is the
    check; no read under the lock first), and the card is shown from what was stored (not read back)."""
    service = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    with statements_run(database.engine) as run:
        assert kinds(ann.say("A strategy [L4]")) == [ReplyKind.SUGGESTION]
    last = [s.split()[0] + " " + s.split()[2 if s.startswith("INSERT") else 1] for s in run.statements
            if not s.startswith("BEGIN")][-2:]
    assert last == ["INSERT suggestions", "UPDATE interview_positions"]


def _counted(run_statements: list[str]) -> int:
    return sum(not statement.startswith("BEGIN") for statement in run_statements)


def test_the_statements_of_each_step_are_pinned(kb: KnowledgeBase, database: Database) -> None:
    service = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    seen = []
    for index, (text, shown, _) in enumerate(STEPS):
        event = InterviewEvent(kind=EventKind.START if text == "start" else EventKind.TEXT, text=text,
                               event_id=f"Ev{index}")  # as Slack delivers them: with an id, deduplicated
        with statements_run(database.engine) as run:
            replies = ann.send(event)
        assert kinds(replies) == shown, text
        assert (run.orm_statements, run.flushes) == (0, 0), text  # Core statements built once, no unit of work
        seen.append((text, _counted(run.statements)))
    assert seen == [(text, statements) for text, _, statements in STEPS]


def test_a_step_finds_the_stakeholder_and_locks_the_position_with_one_statement(kb: KnowledgeBase,
                                                                                database: Database) -> None:
    """The participant is not looked up on its own; a position missing (a database older than positions) is
    created, and someone who is not a stakeholder is told so, as before."""
    service = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    service.ensure_interview(ASSESSMENT, "ann")
    with database.session() as session:
        ann_id = get_participant(session, get_assessment(session, ASSESSMENT), "ann", Role.STAKEHOLDER).id
        session.execute(delete(InterviewPositionRow).where(InterviewPositionRow.participant_id == ann_id))
    ann = Stakeholder(service, ASSESSMENT, "ann")
    assert kinds(ann.start()) == [ReplyKind.INFO, ReplyKind.QUESTION]  # the position is created
    with statements_run(database.engine) as run:
        assert kinds(ann.say("We have a plan [L2]")) == [ReplyKind.SUGGESTION]
    reads = [s for s in run.statements if s.startswith("SELECT")]
    assert "FROM interview_positions JOIN participants" in reads[0] and "assessments.name" in reads[0]
    assert not any(s.startswith("SELECT participants.id") for s in run.statements)
