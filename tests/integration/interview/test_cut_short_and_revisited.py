"""An answer whose suggestion was cut short (Ctrl-C, a crash) is not lost; a revisited question shows
what was answered before, and the new answer builds on it. The audit trail stays append-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.interview.messages import Horizon, Outcome, ReplyKind, Role, Step
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import answers_of, latest_outcomes, lock_position
from bot.storage.tables import ConfirmationRow
from tests.integration.interview.driver import Stakeholder, kinds, last_question
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine, InterruptedEngine

ASSESSMENT = "Harbour 2026"


def _participant(service: InterviewService, who: str = "ann") -> int:
    with service.database.session() as session:
        return get_participant(session, get_assessment(session, ASSESSMENT), who, Role.STAKEHOLDER).id


def _restart(kb: KnowledgeBase, url: str, engine: FakeEngine | None = None) -> tuple[InterviewService, FakeEngine]:
    engine = engine or FakeEngine(kb)
    return InterviewService(kb, engine, Database.from_url(url), clock=FixedClock()), engine


@pytest.mark.parametrize("moment", ["first answer", "follow-up"])
def test_an_answer_cut_short_is_suggested_on_after_a_restart(kb: KnowledgeBase, tmp_path: Path, moment: str) -> None:
    url = f"sqlite:///{tmp_path / 'cut.db'}"
    first = kb.characteristic_ids[0]
    service, _ = _restart(kb, url)
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    if moment == "follow-up":
        assert ann.say("We publish a plan [L2]")[-1].kind == ReplyKind.SUGGESTION
    service.engine = InterruptedEngine(kb)
    with pytest.raises(KeyboardInterrupt):
        ann.say("Sensors report live [L4]")
    service.database.dispose()

    restarted, engine = _restart(kb, url)
    ann = Stakeholder(restarted, ASSESSMENT, "ann", channel="slack")
    resumed = ann.start()
    assert kinds(resumed) == [ReplyKind.INFO, ReplyKind.INFO, ReplyKind.SUGGESTION]
    assert "was saved" in resumed[1].text and "Sensors report live [L4]" in resumed[1].text
    expected = "We publish a plan [L2]\n\nSensors report live [L4]" if moment == "follow-up" \
        else "Sensors report live [L4]"
    assert engine.calls == [(first, expected)]
    assert resumed[-1].suggestion is not None and resumed[-1].suggestion.level == 4
    participant = _participant(restarted)
    with restarted.database.session() as session:
        assert latest_outcomes(session, participant, Horizon.NOW) == {}  # nothing recorded without a confirmation
        assert [a.text for a in answers_of(session, participant)][-1] == "Sensors report live [L4]"
        position = lock_position(session, participant, restarted.clock())
    assert (position.step, position.unsuggested_answer_id) == (Step.AWAIT_CONFIRM_NOW, None)
    assert kinds(ann.say("yes")) == [ReplyKind.RECORDED, ReplyKind.QUESTION]
    assert kinds(ann.start()) == [ReplyKind.INFO, ReplyKind.QUESTION]  # offered once, not again
    with restarted.database.session() as session:
        assert latest_outcomes(session, participant, Horizon.NOW) == {first: (Outcome.CONFIRMED, 4)}


def test_typing_on_after_a_cut_short_answer_keeps_both(kb: KnowledgeBase, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cut.db'}"
    service, _ = _restart(kb, url, InterruptedEngine(kb))
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    with pytest.raises(KeyboardInterrupt):
        ann.say("A strategy exists [L2]")
    restarted, engine = _restart(kb, url)
    Stakeholder(restarted, ASSESSMENT, "ann").say("and it has targets [L3]")  # no restart message read
    assert engine.calls == [(kb.characteristic_ids[0], "A strategy exists [L2]\n\nand it has targets [L3]")]


def test_an_edit_shows_the_earlier_answer_and_the_new_one_builds_on_it(kb: KnowledgeBase,
                                                                        database: Database) -> None:
    first = kb.characteristic_ids[0]
    engine = FakeEngine(kb)
    service = InterviewService(kb, engine, database, clock=FixedClock())
    service.ensure_interview(ASSESSMENT, "ann")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("We publish a plan [L2]")
    ann.say("yes")
    ann.say("same")
    editing = ann.say(f"edit {first}")
    assert last_question(editing) == (first, "now")
    question = editing[-1]
    assert question.earlier_answer == "We publish a plan [L2]" and question.recorded_level == 2
    assert "Your earlier answer: \u201cWe publish a plan [L2]\u201d" in question.text
    assert f"level 2 ({kb.level_name(2)})" in question.text
    suggested = ann.say("Since May the data is also live [L3]")
    assert suggested[-1].kind == ReplyKind.SUGGESTION
    assert engine.calls[-1] == (first, "We publish a plan [L2]\n\nSince May the data is also live [L3]")
    ann.say("yes")
    participant = _participant(service)
    with database.session() as session:
        texts = [a.text for a in answers_of(session, participant)]
        confirmations = session.scalar(select(func.count()).select_from(ConfirmationRow)
                                       .where(ConfirmationRow.participant_id == participant,
                                              ConfirmationRow.horizon == Horizon.NOW.value))
        assert latest_outcomes(session, participant, Horizon.NOW)[first] == (Outcome.CONFIRMED, 3)
    assert texts == ["We publish a plan [L2]", "Since May the data is also live [L3]"]  # both kept, unchanged
    assert confirmations == 2  # the earlier level stays in the trail; the latest wins
