"""Evidence probes in the interview: asked before a level, replies stored and read back, "suggest now",
levels typed instead, the commands, restarts and crashes — on SQLite and PostgreSQL.

The fake engine asks a probe for each "[P4]" mark of the answer, in order; a reply starting with "yes"
(or the Yes button) lifts its level to the probe's level.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.interview.messages import (
    CardPosition,
    EventKind,
    Horizon,
    InterviewEvent,
    Outcome,
    Reply,
    ReplyKind,
    Role,
    Step,
)
from bot.knowledge import KnowledgeBase
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.storage.assessments import get_assessment, get_participant
from bot.storage.interviews import latest_outcomes, lock_position
from bot.storage.tables import AnswerRow, ConfirmationRow, EventRow, SuggestionRow
from bot.suggestion.models import Probe, ProbeAnswer, Suggestion, SuggestionContext
from tests.integration.interview.driver import Stakeholder, kinds, last_question
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine, InterruptedEngine

ASSESSMENT = "Harbour 2026"


def _service(kb: KnowledgeBase, database: Database, engine: FakeEngine | None = None,
             max_probes: int = 3) -> InterviewService:
    service = InterviewService(kb, engine or FakeEngine(kb), database, clock=FixedClock(), max_probes=max_probes)
    service.ensure_interview(ASSESSMENT, "ann")
    return service


def _participant(service: InterviewService) -> int:
    with service.database.session() as session:
        return get_participant(session, get_assessment(session, ASSESSMENT), "ann", Role.STAKEHOLDER).id


def _position(service: InterviewService) -> tuple[Step, str | None]:
    with service.database.session() as session:
        state = lock_position(session, _participant(service), service.clock())
    return state.step, state.characteristic


def _engine(service: InterviewService) -> FakeEngine:
    assert isinstance(service.engine, FakeEngine)
    return service.engine


def test_a_probe_is_asked_before_any_level_and_yes_answers_it(kb: KnowledgeBase, database: Database) -> None:
    first = kb.characteristic_ids[0]
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    asked = ann.say("We have a strategy [L2] [P3] [P4]")
    assert kinds(asked) == [ReplyKind.PROBE]
    probe = asked[0].probe
    assert probe is not None and probe.level == 3 and asked[0].question == probe.question
    # the replies a channel offers as buttons ("not yet" is typed with its date)
    assert asked[0].probe_answers == [ProbeAnswer.YES, ProbeAnswer.PARTLY, ProbeAnswer.NO, ProbeAnswer.UNSURE]
    assert (asked[0].probe_number, asked[0].probe_limit, asked[0].position, asked[0].total) == (1, 3, 1, 31)
    assert probe.question in asked[0].text and asked[0].suggestion is None  # no level is shown with a probe
    assert _position(service) == (Step.AWAIT_PROBE_NOW, first)

    second = ann.say("yes, since 2021")  # answers the probe: nothing is confirmed
    assert kinds(second) == [ReplyKind.PROBE_DONE, ReplyKind.PROBE]
    assert second[0].text == "You answered: \u201cyes, since 2021\u201d" and second[0].probe == probe  # its card
    assert second[-1].probe is not None and second[-1].probe.level == 4 and second[-1].probe_number == 2
    shown = ann.say("no, not yet")
    assert kinds(shown) == [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION]
    assert shown[-1].suggestion is not None and shown[-1].suggestion.level == 3  # the yes to level 3 counted
    assert _position(service) == (Step.AWAIT_CONFIRM_NOW, first)

    contexts = _engine(service).contexts
    assert [len(c.exchanges) if c else None for c in contexts] == [0, 1, 2]
    last = contexts[-1]
    assert last is not None and [(e.probe.level, e.reply) for e in last.exchanges] == [
        (3, "yes, since 2021"), (4, "no, not yet")]
    assert {call[1] for call in _engine(service).calls} == {"We have a strategy [L2] [P3] [P4]"}

    assert kinds(ann.say("yes")) == [ReplyKind.RECORDED, ReplyKind.QUESTION]
    participant = _participant(service)
    with database.session() as session:
        assert latest_outcomes(session, participant, Horizon.NOW) == {first: (Outcome.CONFIRMED, 3)}
        replies = session.scalars(select(AnswerRow).where(AnswerRow.kind == "probe_reply")
                                  .order_by(AnswerRow.id)).all()
        suggestions = session.scalars(select(SuggestionRow).order_by(SuggestionRow.id)).all()
    # every reply is in the audit trail with the probe it answers
    assert [(r.text, Probe.model_validate_json(r.probe_json or "").level) for r in replies] == [
        ("yes, since 2021", 3), ("no, not yet", 4)]
    assert len(suggestions) == 3  # the best level so far is stored at every step, with its context
    stored = SuggestionContext.model_validate_json(suggestions[-1].context_json or "")
    assert [e.reply for e in stored.exchanges] == ["yes, since 2021", "no, not yet"]
    assert [json.loads(s.payload_json)["probe"] is not None for s in suggestions] == [True, True, False]


def test_no_more_than_max_probes_per_characteristic_and_horizon(kb: KnowledgeBase, database: Database) -> None:
    service = _service(kb, database, max_probes=2)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    assert kinds(ann.say("A plan [L2] [P3] [P4] [P5]")) == [ReplyKind.PROBE]
    assert kinds(ann.say("partly")) == [ReplyKind.PROBE_DONE, ReplyKind.PROBE]
    shown = ann.say("no")
    assert kinds(shown) == [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION]  # the engine would ask about level 5: used up
    assert shown[-1].suggestion is not None and shown[-1].suggestion.probe is not None
    more = ann.say("and we measure it [L4]")  # more detail on a level on show: a new suggestion, no probe
    assert kinds(more) == [ReplyKind.SUGGESTION]
    assert more[0].suggestion is not None and more[0].suggestion.level == 4


def test_max_probes_zero_suggests_at_once(kb: KnowledgeBase, database: Database) -> None:
    service = _service(kb, database, max_probes=0)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    assert kinds(ann.say("A plan [L2] [P3]")) == [ReplyKind.SUGGESTION]


def test_suggest_now_shows_the_best_level_so_far(kb: KnowledgeBase, database: Database) -> None:
    first = kb.characteristic_ids[0]
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("A plan [L2] [P3] [P4]")
    calls = len(_engine(service).calls)
    shown = ann.say("suggest now")
    assert kinds(shown) == [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION] and shown[-1].suggestion is not None
    assert shown[0].text == "You asked for a level now instead." and shown[0].probe_answer is None
    assert shown[-1].suggestion.level == 2 and len(_engine(service).calls) == calls  # no new engine call
    assert kinds(ann.say("suggest now")) == [ReplyKind.SUGGESTION]  # on show already: shown again
    assert [(p.suggested_level, p.settled) for p in service.review(ASSESSMENT).pending] == [(2, False)]
    assert kinds(ann.say("yes")) == [ReplyKind.RECORDED, ReplyKind.QUESTION]
    with database.session() as session:
        assert latest_outcomes(session, _participant(service), Horizon.NOW) == {first: (Outcome.CONFIRMED, 2)}
    assert ann.say("suggest now")[0].kind == ReplyKind.ERROR  # nothing answered yet on the two-year question


def test_a_level_typed_at_a_probe_overrides_the_best_so_far(kb: KnowledgeBase, database: Database) -> None:
    first = kb.characteristic_ids[0]
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("A plan [L2] [P3]")
    asking = ann.say("4")
    assert asking[0].kind == ReplyKind.INFO and "Why level 4" in asking[0].text
    back = ann.say("back")  # back to the probe, not the characteristic before
    assert kinds(back) == [ReplyKind.PROBE]
    ann.say("4")
    assert kinds(ann.say("we have a programme office")) == [ReplyKind.RECORDED, ReplyKind.QUESTION]
    with database.session() as session:
        row = session.scalars(select(ConfirmationRow)).one()
    assert (row.characteristic, row.level, row.outcome, row.suggested_level, row.reason) == (
        first, 4, Outcome.OVERRIDDEN.value, 2, "we have a programme office")


class DoubleClickingEngine(FakeEngine):
    """While the engine works on the first press of a probe button, the second press of the double click
    arrives (as it does when another process handles it): it is handled right then."""

    second: InterviewEvent | None = None
    second_replies: list[list[Reply]] = []
    service: InterviewService | None = None

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        if self.second is not None and self.service is not None:
            event, self.second = self.second, None
            self.second_replies.append(self.service.handle(ASSESSMENT, "ann", event, "slack"))
        return super().suggest(characteristic_id, answer, context)


def test_the_second_press_on_a_probe_card_while_the_first_is_read_changes_nothing(
        kb: KnowledgeBase, database: Database) -> None:
    engine = DoubleClickingEngine(kb)
    engine.second_replies = []
    service = _service(kb, database, engine)
    engine.service = service
    ann = Stakeholder(service, ASSESSMENT, "ann", channel="slack")
    ann.start()
    asked = ann.say("A plan [L2] [P3] [P4]")
    card = CardPosition(characteristic=asked[0].characteristic or "", horizon=Horizon.NOW,
                        suggestion_id=asked[0].suggestion_id, probe=True)
    engine.second = InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.YES, event_id="press-2",
                                   card=card)
    first = ann.send(InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.YES, event_id="press-1",
                                    card=card))
    assert kinds(first) == [ReplyKind.PROBE_DONE, ReplyKind.PROBE]  # not "moved on in another window"
    assert [kinds(replies) for replies in engine.second_replies] == [[ReplyKind.STALE]]
    with database.session() as session:
        stored = session.scalars(select(AnswerRow.probe_answer).where(AnswerRow.kind == "probe_reply")).all()
    assert stored == ["yes"]


def test_dont_know_and_buttons_at_a_probe_are_replies(kb: KnowledgeBase, database: Database) -> None:
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann", channel="slack")
    ann.start()
    ann.say("A plan [L2] [P3] [P4] [P5]")
    assert kinds(ann.say("not sure")) == [ReplyKind.PROBE_DONE, ReplyKind.PROBE]
    pressed = ann.send(InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.YES, event_id="press-1"))
    assert kinds(pressed) == [ReplyKind.PROBE_DONE, ReplyKind.PROBE]
    assert (pressed[0].text, pressed[0].probe_answer) == ("You answered: Yes", ProbeAnswer.YES)
    assert ann.send(InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.YES,
                                   event_id="press-1")) == []  # a retried press records nothing
    shown = ann.send(InterviewEvent(kind=EventKind.DONT_KNOW))
    assert kinds(shown) == [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION] and shown[-1].suggestion is not None
    assert shown[0].text == "You answered: Not sure"
    assert shown[-1].suggestion.level == 4  # the Yes button on the level-4 probe
    context = _engine(service).contexts[-1]
    assert context is not None
    assert [(e.probe.level, e.reply, e.answer) for e in context.exchanges] == [
        (3, "not sure", ProbeAnswer.UNSURE), (4, "", ProbeAnswer.YES), (5, "", ProbeAnswer.UNSURE)]
    with database.session() as session:
        events = session.scalars(select(EventRow).where(EventRow.kind == EventKind.PROBE_REPLY.value)).all()
        stored = session.scalars(select(AnswerRow.probe_answer).where(AnswerRow.kind == "probe_reply")
                                 .order_by(AnswerRow.id)).all()
    assert [e.probe_answer for e in events] == ["yes"]
    assert stored == ["unsure", "yes", "unsure"]
    # a probe button once the probe is gone: a clear error, nothing recorded
    late = ann.send(InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.NO))
    assert kinds(late) == [ReplyKind.ERROR]
    assert _position(service)[0] == Step.AWAIT_CONFIRM_NOW


def test_commands_keep_working_at_a_probe(kb: KnowledgeBase, database: Database) -> None:
    first, second = kb.characteristic_ids[:2]
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("A plan [L2] [P3]")
    assert kinds(ann.say("help")) == [ReplyKind.HELP] and "suggest now" in ann.say("help")[0].text
    assert kinds(ann.say("status")) == [ReplyKind.STATUS]
    assert kinds(ann.say("pause")) == [ReplyKind.INFO]
    assert kinds(ann.say("resume")) == [ReplyKind.INFO, ReplyKind.PROBE]
    assert kinds(ann.say("/suggestnow")) == [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION]
    ann.say("yes")  # level now 2 confirmed
    assert kinds(ann.say("We will adopt targets by 2027 [L3] [P4]")) == [ReplyKind.PROBE]
    assert _position(service) == (Step.AWAIT_PROBE_TWO_YEARS, first)
    editing = ann.say(f"edit {second}")
    assert last_question(editing) == (second, "now")
    assert kinds(ann.say("skip")) == [ReplyKind.RECORDED, ReplyKind.PROBE]  # back where the edit began
    assert _position(service) == (Step.AWAIT_PROBE_TWO_YEARS, first)
    assert kinds(ann.say("same")) == [ReplyKind.RECORDED, ReplyKind.QUESTION]  # a level: the level now
    with database.session() as session:
        later = latest_outcomes(session, _participant(service), Horizon.TWO_YEARS)
    assert later == {first: (Outcome.OVERRIDDEN, 2)}  # "same" (2) over the best so far (3)


def test_the_engine_gets_the_whole_context(kb: KnowledgeBase, database: Database) -> None:
    first, second = kb.characteristic_ids[:2]
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("Our vision is published [L3] [P4]")
    ann.say("yes, with targets")
    ann.say("yes")  # level now 4
    ann.say("By 2027 it will be reviewed yearly [L5]")
    two_years = _engine(service).contexts[-1]
    assert two_years is not None
    assert (two_years.horizon, two_years.level_now, two_years.exchanges) == (Horizon.TWO_YEARS, 4, [])
    assert two_years.earlier_answers == []  # other characteristics only; two-year answers of others only
    ann.say("yes")
    ann.say("The city has a digital office [L2]")
    now = _engine(service).contexts[-1]
    assert now is not None and (now.horizon, now.level_now) == (Horizon.NOW, None)
    # the person's own words only: a probe's question is ours, and would read as if they had said it
    assert now.earlier_answers == ["Our vision is published [L3] [P4]", "yes, with targets"]
    assert _engine(service).calls[-1][0] == second


def test_a_probe_survives_a_restart(kb: KnowledgeBase, database: Database) -> None:
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    asked = ann.say("A plan [L2] [P3] [P4]")
    ann.say("yes")
    restarted = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    again = Stakeholder(restarted, ASSESSMENT, "ann").start()
    assert kinds(again) == [ReplyKind.INFO, ReplyKind.PROBE]
    assert again[-1].probe is not None and again[-1].probe.level == 4 and again[-1].probe_number == 2
    assert asked[0].probe is not None and asked[0].probe.level == 3
    shown = Stakeholder(restarted, ASSESSMENT, "ann").say("no")
    assert kinds(shown) == [ReplyKind.PROBE_DONE, ReplyKind.SUGGESTION] and shown[-1].suggestion is not None
    context = _engine(restarted).contexts[-1]
    assert context is not None and [e.reply for e in context.exchanges] == ["yes", "no"]


@pytest.mark.parametrize("then", ["resume", "type on"])
def test_a_reply_cut_short_loses_nothing(kb: KnowledgeBase, tmp_path: Path, then: str) -> None:
    url = f"sqlite:///{tmp_path / 'cut.db'}"
    service = _service(kb, Database.from_url(url))
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("A plan [L2] [P3] [P4]")
    service.engine = InterruptedEngine(kb)
    with pytest.raises(KeyboardInterrupt):
        ann.say("yes, adopted in 2020")
    service.database.dispose()

    engine = FakeEngine(kb)
    restarted = InterviewService(kb, engine, Database.from_url(url), clock=FixedClock())
    ann = Stakeholder(restarted, ASSESSMENT, "ann")
    if then == "resume":
        resumed = ann.start()
        assert kinds(resumed) == [ReplyKind.INFO, ReplyKind.INFO, ReplyKind.PROBE]
        assert "reply" in resumed[1].text and "yes, adopted in 2020" in resumed[1].text
        assert resumed[-1].probe is not None and resumed[-1].probe.level == 4
        expected = [(3, "yes, adopted in 2020")]
    else:  # a second reply to the same probe, typed instead of resuming: read together with the first
        assert kinds(ann.say("and it is on the website")) == [ReplyKind.PROBE_DONE, ReplyKind.PROBE]
        expected = [(3, "yes, adopted in 2020\n\nand it is on the website")]
    context = engine.contexts[-1]
    assert context is not None and [(e.probe.level, e.reply) for e in context.exchanges] == expected
    assert engine.calls[-1][1] == "A plan [L2] [P3] [P4]"  # the reply goes with the probe, not into the answer
    assert kinds(ann.start()) == [ReplyKind.INFO, ReplyKind.PROBE]  # offered once, not again
    restarted.database.dispose()


def test_a_revisited_question_keeps_its_probes(kb: KnowledgeBase, database: Database) -> None:
    first = kb.characteristic_ids[0]
    service = _service(kb, database)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("A plan [L2] [P3]")
    ann.say("yes")
    ann.say("yes")  # level now 3 confirmed
    ann.say("same")
    ann.say(f"edit {first}")
    shown = ann.say("We also publish results")
    assert kinds(shown) == [ReplyKind.SUGGESTION]  # the level-3 probe was answered already: not asked again
    context = _engine(service).contexts[-1]
    assert context is not None and [e.reply for e in context.exchanges] == ["yes"]
    assert shown[0].suggestion is not None and shown[0].suggestion.level == 3


def test_the_eval_simulation_makes_the_interviews_engine_calls(kb: KnowledgeBase, database: Database) -> None:
    """A dialogue case played through the interview and through the eval's simulation: the same calls."""
    from bot.evaluation.cases import DialogueCase
    from bot.evaluation.dialogues import simulate_dialogue

    case = DialogueCase(id="d", characteristic=kb.characteristic_ids[0], opening="A plan [L2] [P3] [P5] [P4]",
                        replies={"3": "yes, since 2020", "5": "no", "4": "partly, in transport"}, expected_level=3)
    service = _service(kb, database, max_probes=2)
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    replies = ann.say(case.opening)
    while replies[-1].kind == ReplyKind.PROBE:
        probe = replies[-1].probe
        assert probe is not None
        replies = ann.say(case.replies[str(probe.level)])
    simulated = FakeEngine(kb)
    turns, probes = simulate_dialogue(simulated, case, max_probes=2)
    assert probes == [3, 5]
    assert _engine(service).calls == simulated.calls
    assert _engine(service).contexts == simulated.contexts
    assert replies[-1].suggestion is not None and replies[-1].suggestion.level == turns[-1].level == 3


def test_the_terminal_asks_a_probe_and_reads_the_typed_reply(kb: KnowledgeBase, sqlite_database: Database) -> None:
    import io

    from rich.console import Console

    from bot.adapters.terminal.chat import run_chat

    service = InterviewService(kb, FakeEngine(kb), sqlite_database, clock=FixedClock())
    console = Console(record=True, width=110, color_system=None)
    run_chat(service, ASSESSMENT, "ann", console=console,
             stdin=io.StringIO("A plan [L2] [P3]\nyes, with [bold]SDG[/bold] goals\nyes\n"))
    printed = console.export_text()
    question = f"Is level 3 of {kb.characteristic_ids[0]} in place?"
    assert question in printed and "question 1 of at most 3" in printed
    assert "> yes, with [bold]SDG[/bold] goals" in printed
    assert printed.index(question) < printed.index("Suggested level 3") < printed.index("Recorded for")
    with sqlite_database.session() as session:
        outcomes = latest_outcomes(session, _participant(service), Horizon.NOW)
    assert outcomes == {kb.characteristic_ids[0]: (Outcome.CONFIRMED, 3)}
