"""A restart at any moment resumes exactly; two channels writing at once stay consistent."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.interview.messages import Horizon, Outcome, ReplyKind, Role, Step
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import latest_outcomes, lock_position, raw_texts_of
from tests.integration.interview.driver import Stakeholder, kinds, last_question
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine
from tests.support.threads import run_together

ASSESSMENT = "Harbour 2026"


def _service(kb: KnowledgeBase, database: Database) -> InterviewService:
    return InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())


@pytest.mark.parametrize("moment", ["question", "suggestion", "reason", "two_years", "paused", "editing"])
def test_a_restart_resumes_exactly_where_the_interview_was(kb: KnowledgeBase, tmp_path: Path, moment: str) -> None:
    url = f"sqlite:///{tmp_path / 'restart.db'}"
    database = Database.from_url(url)
    service = _service(kb, database)
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("3 because x")
    ann.say("4")  # now at the second characteristic
    second = kb.characteristic_ids[1]
    shown = {
        "question": lambda: ann.say("status"),
        "suggestion": lambda: ann.say("Words [L2]"),
        "reason": lambda: (ann.say("Words [L2]"), ann.say("5"))[-1],
        "two_years": lambda: ann.say("2 because y"),
        "paused": lambda: (ann.say("Words [L2]"), ann.say("pause"))[-1],
        "editing": lambda: (ann.say("Words [L2]"), ann.say(f"edit {kb.characteristic_ids[0]}"))[-1],
    }[moment]()
    assert shown
    database.dispose()

    restarted = _service(kb, Database.from_url(url))  # a new process, as far as the code can tell
    ann = Stakeholder(restarted, ASSESSMENT, "ann", channel="slack")
    resumed = ann.start()
    if moment == "question":
        assert last_question(resumed) == (second, "now")
    elif moment == "suggestion":
        assert resumed[-1].kind == ReplyKind.SUGGESTION and resumed[-1].suggestion.level == 2  # type: ignore[union-attr]
        assert kinds(ann.say("yes")) == [ReplyKind.RECORDED, ReplyKind.QUESTION]
    elif moment == "reason":
        assert "Why level 5" in resumed[-1].text
        assert "overridden" not in ann.say("we measure everything")[0].text
    elif moment == "two_years":
        assert last_question(resumed) == (second, "two_years")
    elif moment == "paused":
        assert resumed[-1].kind == ReplyKind.SUGGESTION  # START resumes a paused interview
    else:
        assert last_question(resumed) == (kb.characteristic_ids[0], "now")
        ann.say("1 because z")
        assert ann.say("1")[-1].kind == ReplyKind.SUGGESTION  # back at the second's pending suggestion


def test_two_channels_writing_one_interview_at_once_stay_consistent(kb: KnowledgeBase, database: Database) -> None:
    """Two threads skip 10 characteristics each in the same interview: exactly 20 are skipped, no step lost."""
    service = _service(kb, database)
    service.ensure_interview(ASSESSMENT, "ann")
    Stakeholder(service, ASSESSMENT, "ann").start()

    def skip_ten(channel: str) -> None:
        person = Stakeholder(service, ASSESSMENT, "ann", channel=channel)
        for index in range(10):
            person.say("skip", event_id=f"{channel}-{index}")
            person.say("status")

    errors = run_together(skip_ten, [("slack",), ("terminal",)])
    assert errors == []
    with database.session() as session:
        participant = get_participant(session, get_assessment(session, ASSESSMENT), "ann", Role.STAKEHOLDER).id
        outcomes = latest_outcomes(session, participant, Horizon.NOW)
        position = lock_position(session, participant, service.clock())
        assert len(raw_texts_of(session, participant)) == 41
    assert set(outcomes) == set(kb.characteristic_ids[:20])
    assert all(outcome == Outcome.SKIPPED for outcome, _ in outcomes.values())
    assert (position.step, position.characteristic, position.version) == (Step.AWAIT_ANSWER_NOW,
                                                                          kb.characteristic_ids[20], 21)


def test_two_stakeholders_interviewed_at_the_same_time(kb: KnowledgeBase, database: Database) -> None:
    service = _service(kb, database)
    service.create_assessment(ASSESSMENT, community="Harbour", cycle="2026", facilitators=["fay"],
                              stakeholders=["ann", "bob"])
    errors: list[BaseException] = []

    def interview(name: str, level: int) -> None:
        person = Stakeholder(service, ASSESSMENT, name, channel=name)
        try:
            person.start()
            for _ in kb.characteristic_ids:
                person.say(f"Our answer [L{level}]")
                person.say("yes")
                person.say("same")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=interview, args=args) for args in (("ann", 2), ("bob", 4))]
    for thread in threads:
        thread.start()
    service.set_consensus(ASSESSMENT, "fay", "1.1.1", 3, 3, "agreed in the workshop")
    for thread in threads:
        thread.join()
    assert errors == []
    scoring = service.scoring_input(ASSESSMENT)
    assert len(scoring.confirmed) == 2 * len(kb.characteristic_ids)
    levels = {(c.stakeholder, c.level_now, c.level_two_years) for c in scoring.confirmed}
    assert levels == {("ann", 2, 2), ("bob", 4, 4)}
    assert [c.characteristic for c in scoring.consensus] == ["1.1.1"]
    detail = service.show_assessment(ASSESSMENT)
    assert [(p.stakeholder, p.step, p.progress.done) for p in detail.progress] == [
        ("ann", Step.COMPLETE, 31), ("bob", Step.COMPLETE, 31)]
