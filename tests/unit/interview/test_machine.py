"""The state machine, decision by decision: pure, no storage, no engine."""

from __future__ import annotations

import pytest

from bot.interview.decisions import InterviewFacts, PendingSuggestion
from bot.interview.machine import decide
from bot.interview.messages import Horizon, Outcome, ReplyKind, Step
from bot.interview.state import InterviewState
from bot.interview.text import parse_text
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import Suggestion


def _pending(kb: KnowledgeBase, level: int | None, characteristic: str = "1.1.1") -> PendingSuggestion:
    suggestion = Suggestion(characteristic=characteristic, level=level, confidence=0.7, rationale="r",
                            engine="fake", knowledge_version=kb.version,
                            follow_up=None if level else "Who owns it?")
    return PendingSuggestion(id=7, suggestion=suggestion, input_text="first answer")


def _at(step: Step, characteristic: str = "1.1.1", **more: object) -> InterviewState:
    return InterviewState(step=step, characteristic=characteristic, version=3, **more)


def test_anything_starts_a_new_interview_at_the_first_characteristic(kb: KnowledgeBase) -> None:
    decision = decide(kb, InterviewState(), parse_text("hello"), InterviewFacts())
    assert (decision.state.step, decision.state.characteristic, decision.prompt) == (
        Step.AWAIT_ANSWER_NOW, kb.characteristic_ids[0], True)


def test_an_answer_is_recorded_and_sent_to_the_engine(kb: KnowledgeBase) -> None:
    decision = decide(kb, _at(Step.AWAIT_ANSWER_NOW), parse_text("We publish a strategy."), InterviewFacts())
    assert decision.answer is not None and decision.answer.kind == "answer"
    assert decision.suggest is not None and decision.suggest.engine_input == "We publish a strategy."
    assert decision.state == _at(Step.AWAIT_ANSWER_NOW)


def test_a_follow_up_answer_is_added_to_what_the_engine_saw(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_CONFIRM_NOW, pending_suggestion_id=7)
    decision = decide(kb, state, parse_text("The mayor owns it."), InterviewFacts(pending=_pending(kb, None)))
    assert decision.answer is not None and decision.answer.kind == "follow_up"
    assert decision.suggest is not None and decision.suggest.engine_input == "first answer\n\nThe mayor owns it."


def test_too_long_for_the_engine_is_still_recorded_whole(kb: KnowledgeBase) -> None:
    decision = decide(kb, _at(Step.AWAIT_ANSWER_NOW), parse_text("x" * 50_000), InterviewFacts())
    assert decision.answer is not None and len(decision.answer.text) == 50_000
    assert decision.suggest is None
    assert decision.replies[0].kind == ReplyKind.ERROR and "50,000" in decision.replies[0].text


def test_confirming_a_suggestion_records_it_and_asks_about_two_years(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_CONFIRM_NOW, pending_suggestion_id=7)
    decision = decide(kb, state, parse_text("yes"), InterviewFacts(pending=_pending(kb, 3)))
    assert decision.confirmation is not None
    assert (decision.confirmation.level, decision.confirmation.outcome, decision.confirmation.suggestion_id) == (
        3, Outcome.CONFIRMED, 7)
    assert (decision.state.step, decision.state.pending_suggestion_id) == (Step.AWAIT_ANSWER_TWO_YEARS, None)


def test_nothing_to_confirm_is_an_error_that_changes_nothing(kb: KnowledgeBase) -> None:
    abstained = InterviewFacts(pending=_pending(kb, None))
    for state, facts in ((_at(Step.AWAIT_ANSWER_NOW), InterviewFacts()),
                         (_at(Step.AWAIT_CONFIRM_NOW, pending_suggestion_id=7), abstained)):
        decision = decide(kb, state, parse_text("yes"), facts)
        assert decision.state == state and decision.confirmation is None
        assert decision.replies[0].kind == ReplyKind.ERROR


def test_another_level_needs_a_reason(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_CONFIRM_NOW, pending_suggestion_id=7)
    facts = InterviewFacts(pending=_pending(kb, 3))
    asking = decide(kb, state, parse_text("4"), facts)
    assert (asking.state.step, asking.state.pending_level, asking.state.reason_step) == (
        Step.AWAIT_REASON, 4, Step.AWAIT_CONFIRM_NOW)
    assert asking.confirmation is None
    recorded = decide(kb, asking.state, parse_text("we track it monthly"), facts)
    assert recorded.confirmation is not None
    assert (recorded.confirmation.level, recorded.confirmation.outcome, recorded.confirmation.reason,
            recorded.confirmation.suggested_level) == (4, Outcome.OVERRIDDEN, "we track it monthly", 3)
    back = decide(kb, asking.state, parse_text("back"), facts)
    assert (back.state.step, back.state.pending_level, back.state.pending_suggestion_id) == (
        Step.AWAIT_CONFIRM_NOW, None, 7)


def test_the_suggested_level_typed_is_a_confirmation(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_CONFIRM_NOW, pending_suggestion_id=7)
    decision = decide(kb, state, parse_text("3"), InterviewFacts(pending=_pending(kb, 3)))
    assert decision.confirmation is not None and decision.confirmation.outcome == Outcome.CONFIRMED


def test_a_level_typed_before_any_suggestion_is_chosen(kb: KnowledgeBase) -> None:
    decision = decide(kb, _at(Step.AWAIT_ANSWER_NOW), parse_text("2 because no budget"), InterviewFacts())
    assert decision.confirmation is not None
    assert (decision.confirmation.outcome, decision.confirmation.suggestion_id) == (Outcome.CHOSEN, None)


@pytest.mark.parametrize(("text", "outcome"), [("don't know", Outcome.DONT_KNOW), ("skip", Outcome.SKIPPED)])
def test_dont_know_and_skip_move_to_the_next_characteristic(kb: KnowledgeBase, text: str, outcome: Outcome) -> None:
    decision = decide(kb, _at(Step.AWAIT_ANSWER_NOW), parse_text(text), InterviewFacts())
    assert decision.confirmation is not None
    assert (decision.confirmation.level, decision.confirmation.outcome) == (None, outcome)
    assert (decision.state.step, decision.state.characteristic) == (Step.AWAIT_ANSWER_NOW, kb.characteristic_ids[1])


def test_two_years_accepts_a_number_same_dont_know_and_skip(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_ANSWER_TWO_YEARS)
    facts = InterviewFacts(handled=frozenset({"1.1.1"}), level_now=3)
    for text, level, outcome in (("4", 4, Outcome.CHOSEN), ("same", 3, Outcome.CHOSEN),
                                 ("don't know", None, Outcome.DONT_KNOW), ("skip", None, Outcome.SKIPPED)):
        decision = decide(kb, state, parse_text(text), facts)
        assert decision.confirmation is not None
        assert (decision.confirmation.horizon, decision.confirmation.level, decision.confirmation.outcome) == (
            Horizon.TWO_YEARS, level, outcome)
        assert decision.state.characteristic == kb.characteristic_ids[1]
    free = decide(kb, state, parse_text("We will open the data portal next year."), facts)
    assert free.suggest is not None and free.suggest.horizon == Horizon.TWO_YEARS


def test_same_without_a_level_now_is_an_error(kb: KnowledgeBase) -> None:
    decision = decide(kb, _at(Step.AWAIT_ANSWER_TWO_YEARS), parse_text("same"), InterviewFacts())
    assert decision.replies[0].kind == ReplyKind.ERROR and decision.confirmation is None


def test_the_last_characteristic_completes_the_interview(kb: KnowledgeBase) -> None:
    last = kb.characteristic_ids[-1]
    handled = frozenset(kb.characteristic_ids[:-1])
    decision = decide(kb, _at(Step.AWAIT_ANSWER_NOW, last), parse_text("skip"), InterviewFacts(handled=handled))
    assert decision.state.step == Step.COMPLETE and decision.state.characteristic is None


def test_edit_remembers_the_place_and_returns_after_the_edited_one(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_CONFIRM_NOW, "1.2.1", pending_suggestion_id=7)
    editing = decide(kb, state, parse_text("edit 1.1.1"), InterviewFacts()).state
    assert (editing.characteristic, editing.step, editing.return_characteristic, editing.return_step,
            editing.return_suggestion_id) == ("1.1.1", Step.AWAIT_ANSWER_NOW, "1.2.1", Step.AWAIT_CONFIRM_NOW, 7)
    done = decide(kb, editing.model_copy(update={"step": Step.AWAIT_ANSWER_TWO_YEARS}), parse_text("4"),
                  InterviewFacts(level_now=3)).state
    assert (done.characteristic, done.step, done.pending_suggestion_id, done.return_step) == (
        "1.2.1", Step.AWAIT_CONFIRM_NOW, 7, None)


def test_edit_of_an_unknown_id_names_the_closest(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_ANSWER_NOW)
    decision = decide(kb, state, parse_text("edit 1.1.9"), InterviewFacts())
    assert decision.state == state
    assert decision.replies[0].kind == ReplyKind.ERROR and "Did you mean" in decision.replies[0].text


def test_back_goes_to_the_previous_question(kb: KnowledgeBase) -> None:
    second = kb.characteristic_ids[1]
    assert decide(kb, _at(Step.AWAIT_ANSWER_NOW, second), parse_text("back"), InterviewFacts()).state.characteristic \
        == kb.characteristic_ids[0]
    two_years = decide(kb, _at(Step.AWAIT_ANSWER_TWO_YEARS, second), parse_text("back"), InterviewFacts()).state
    assert (two_years.characteristic, two_years.step) == (second, Step.AWAIT_ANSWER_NOW)
    first = decide(kb, _at(Step.AWAIT_ANSWER_NOW), parse_text("back"), InterviewFacts())
    assert first.replies[0].kind == ReplyKind.ERROR


def test_pause_keeps_the_step_and_resume_restores_it(kb: KnowledgeBase) -> None:
    state = _at(Step.AWAIT_REASON, pending_level=4, reason_step=Step.AWAIT_ANSWER_NOW)
    paused = decide(kb, state, parse_text("pause"), InterviewFacts()).state
    assert (paused.step, paused.paused_step) == (Step.PAUSED, Step.AWAIT_REASON)
    ignored = decide(kb, paused, parse_text("3 because"), InterviewFacts())
    assert ignored.state == paused and ignored.confirmation is None
    resumed = decide(kb, paused, parse_text("resume"), InterviewFacts()).state
    assert resumed == state


def test_resume_when_nothing_is_paused_carries_on_with_the_current_question(kb: KnowledgeBase) -> None:
    """After a restart the chat is already at its question; `resume` then means "carry on", not an error."""
    state = _at(Step.AWAIT_ANSWER_NOW, "1.2.1")
    decision = decide(kb, state, parse_text("resume"), InterviewFacts())
    assert decision.state == state and decision.prompt
    assert [(r.kind, r.text) for r in decision.replies] == [(ReplyKind.INFO, "Carrying on where you left off.")]


@pytest.mark.parametrize("text", ["", "/frobnicate", "7"])
def test_bad_input_changes_nothing(kb: KnowledgeBase, text: str) -> None:
    state = _at(Step.AWAIT_CONFIRM_NOW, pending_suggestion_id=7)
    decision = decide(kb, state, parse_text(text), InterviewFacts(pending=_pending(kb, 3)))
    assert decision.state == state and decision.answer is None and decision.confirmation is None
    assert [r.kind for r in decision.replies] == [ReplyKind.ERROR]


def test_status_counts_per_dimension(kb: KnowledgeBase) -> None:
    handled = frozenset(kb.characteristic_ids[:12])
    reply = decide(kb, _at(Step.AWAIT_ANSWER_NOW, kb.characteristic_ids[12]), parse_text("status"),
                   InterviewFacts(handled=handled)).replies[0]
    assert reply.progress is not None and (reply.progress.done, reply.progress.total) == (12, 31)
    assert sum(done for done, _ in reply.progress.per_dimension.values()) == 12
    assert "12/31" in reply.text


def test_skip_with_a_level_on_record_keeps_it_and_records_nothing(kb: KnowledgeBase) -> None:
    first, second = kb.characteristic_ids[:2]
    facts = InterviewFacts(handled=frozenset({first}), level_now=3)
    decision = decide(kb, _at(Step.AWAIT_ANSWER_NOW, first), parse_text("skip"), facts)
    assert decision.confirmation is None
    assert decision.replies[0].kind == ReplyKind.INFO and "Kept level 3 (Fulfilled)" in decision.replies[0].text
    assert (decision.state.characteristic, decision.state.step) == (second, Step.AWAIT_ANSWER_NOW)
    # "don't know" is a statement, not a way to move on: it is still recorded
    dont_know = decide(kb, _at(Step.AWAIT_ANSWER_NOW, first), parse_text("don't know"), facts)
    assert dont_know.confirmation is not None and dont_know.confirmation.outcome == Outcome.DONT_KNOW
