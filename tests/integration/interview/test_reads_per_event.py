"""An event reads each part of the stakeholder's trail once: deciding the step and showing the next
prompt share what they read (bot/services/trail.py), with the same replies as before."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from bot.interview.messages import ReplyKind
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from tests.integration.interview.driver import Stakeholder, kinds
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine

ASSESSMENT = "Harbour 2026"


def test_no_transaction_of_an_event_reads_the_same_thing_twice(kb: KnowledgeBase, tmp_path: Path) -> None:
    database = Database.from_url(f"sqlite:///{tmp_path / 'reads.db'}")
    service = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    transactions: list[list[tuple[str, str]]] = []

    def executed(_conn: object, _cursor: object, statement: str, parameters: object, *_: object) -> None:
        if statement.startswith("BEGIN") or not transactions:
            transactions.append([])
        if statement.lstrip().upper().startswith("SELECT"):
            transactions[-1].append((statement, repr(parameters)))

    event.listen(database.engine, "before_cursor_execute", executed)
    steps = [("A plan [L3]", [ReplyKind.SUGGESTION]), ("yes", [ReplyKind.RECORDED, ReplyKind.QUESTION]),
             ("4", [ReplyKind.RECORDED, ReplyKind.QUESTION]), ("back", [ReplyKind.QUESTION]),
             ("skip", [ReplyKind.INFO, ReplyKind.QUESTION]), ("status", [ReplyKind.STATUS])]
    for text, shown in steps:
        transactions.clear()
        assert kinds(ann.say(text)) == shown, text
        for reads in transactions:
            assert len(reads) == len(set(reads)), (text, [s for s, _ in reads])
        outcome_reads = [s for reads in transactions for s, _ in reads if "FROM confirmations" in s]
        assert len(outcome_reads) <= 1 or text in ("4", "skip"), text  # two-year steps also read that horizon
    database.dispose()
