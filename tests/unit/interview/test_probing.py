"""`engine_turn`: the one decision "ask a probe or show the suggestion", and the context it builds;
and the machine's decisions while a probe is asked."""

from __future__ import annotations

from bot.interview.decisions import InterviewFacts, PendingSuggestion
from bot.interview.machine import decide
from bot.interview.messages import EventKind, Horizon, InterviewEvent, ReplyKind, Step
from bot.interview.probing import EngineCall, engine_turn, probe_to_ask, suggestion_context
from bot.interview.state import InterviewState
from bot.interview.text import InputKind, parse_event, parse_text
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import ProbeAnswer, ProbeExchange
from tests.support.fakes import FakeEngine, fake_probe


def test_the_probe_is_asked_while_unsettled_and_under_the_limit(kb: KnowledgeBase) -> None:
    engine = FakeEngine(kb)
    turn = engine_turn(engine, "1.1.1", "A plan [L2] [P3]", EngineCall(), max_probes=3)
    assert turn.probe is not None and turn.probe.level == 3 and turn.suggestion.level == 2
    asked = [ProbeExchange(probe=turn.probe, reply="yes")]
    settled = engine_turn(engine, "1.1.1", "A plan [L2] [P3]", EngineCall(exchanges=asked), max_probes=3)
    assert settled.probe is None and settled.suggestion.level == 3
    assert engine.contexts[-1] == settled.context and settled.context.exchanges == asked


def test_no_probe_past_the_limit_when_not_allowed_or_repeated(kb: KnowledgeBase) -> None:
    engine = FakeEngine(kb)
    first = engine_turn(engine, "1.1.1", "A plan [L2] [P3] [P4]", EngineCall(), max_probes=3).suggestion
    assert probe_to_ask(first, EngineCall(), max_probes=0) is None
    assert probe_to_ask(first, EngineCall(may_probe=False), max_probes=3) is None
    same_question = ProbeExchange(probe=fake_probe(kb, "1.1.1", 3).model_copy(update={"level": 2}), reply="no")
    assert probe_to_ask(first, EngineCall(exchanges=[same_question]), max_probes=3) is None  # asked already
    other = ProbeExchange(probe=fake_probe(kb, "1.1.1", 5), reply="no")
    assert probe_to_ask(first, EngineCall(exchanges=[other]), max_probes=2) == first.probe
    assert probe_to_ask(first, EngineCall(exchanges=[other, other]), max_probes=2) is None


def test_the_context_carries_the_level_now_only_for_two_years() -> None:
    now = suggestion_context(EngineCall(horizon=Horizon.NOW, level_now=3, earlier_answers=["a"]))
    later = suggestion_context(EngineCall(horizon=Horizon.TWO_YEARS, level_now=3))
    assert (now.level_now, now.earlier_answers, later.level_now, later.horizon) == (None, ["a"], 3, Horizon.TWO_YEARS)


def _probing(kb: KnowledgeBase, step: Step = Step.AWAIT_PROBE_NOW) -> tuple[InterviewState, InterviewFacts]:
    engine = FakeEngine(kb)
    suggestion = engine.suggest("1.1.1", "A plan [L2] [P3]")
    asked = ProbeExchange(probe=fake_probe(kb, "1.1.1", 5), reply="no")
    pending = PendingSuggestion(id=7, suggestion=suggestion, input_text="A plan [L2] [P3]", exchanges=[asked])
    return (InterviewState(step=step, characteristic="1.1.1", pending_suggestion_id=7, version=2),
            InterviewFacts(pending=pending))


def test_yes_at_a_probe_is_a_reply_not_a_confirmation(kb: KnowledgeBase) -> None:
    state, facts = _probing(kb)
    decision = decide(kb, state, parse_event(InterviewEvent(kind=EventKind.TEXT, text="Yes.")), facts)
    assert decision.confirmation is None and decision.state == state
    assert decision.answer is not None and (decision.answer.kind, decision.answer.text) == ("probe_reply", "Yes.")
    assert decision.answer.probe is not None and decision.answer.probe.level == 3
    assert decision.suggest is not None and decision.suggest.engine_input == "A plan [L2] [P3]"
    assert [(e.probe.level, e.reply) for e in decision.suggest.exchanges] == [(5, "no"), (3, "Yes.")]


def test_a_stale_confirm_button_at_a_probe_confirms_nothing(kb: KnowledgeBase) -> None:
    state, facts = _probing(kb)
    decision = decide(kb, state, parse_event(InterviewEvent(kind=EventKind.CONFIRM)), facts)
    assert decision.confirmation is None and decision.answer is None
    assert decision.replies[0].kind == ReplyKind.ERROR


def test_a_probe_button_carries_its_reading(kb: KnowledgeBase) -> None:
    state, facts = _probing(kb, Step.AWAIT_PROBE_TWO_YEARS)
    event = InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.NOT_YET, text="planned for 2027")
    decision = decide(kb, state, parse_event(event), facts)
    assert decision.answer is not None and decision.answer.probe_answer == ProbeAnswer.NOT_YET
    assert decision.suggest is not None and decision.suggest.horizon == Horizon.TWO_YEARS
    assert decision.suggest.exchanges[-1].answer == ProbeAnswer.NOT_YET
    assert decision.suggest.exchanges[-1].reply == "planned for 2027"


def test_suggest_now_shows_the_pending_suggestion(kb: KnowledgeBase) -> None:
    state, facts = _probing(kb)
    decision = decide(kb, state, parse_text("suggest now"), facts)
    assert decision.state.step == Step.AWAIT_CONFIRM_NOW and decision.state.pending_suggestion_id == 7
    assert decision.prompt and decision.suggest is None
    assert parse_text("/suggestnow").kind == parse_text("Suggest now.").kind == InputKind.SUGGEST_NOW


def test_an_empty_probe_button_is_an_error(kb: KnowledgeBase) -> None:
    assert parse_event(InterviewEvent(kind=EventKind.PROBE_REPLY)).kind == InputKind.EMPTY
