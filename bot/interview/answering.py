"""The interview machine's answer and level handling: an answer, a confirmation, a level, skip or don't know.

Pure like `machine.decide`, which hands these inputs here once commands (help, pause, edit, back...) are
dealt with: state, input and facts in, a `Decision` out.
"""

from __future__ import annotations

from bot.interview import replies
from bot.interview.decisions import (
    AnswerToRecord,
    ConfirmationToRecord,
    Decision,
    InterviewFacts,
    PendingSuggestion,
    SuggestRequest,
)
from bot.interview.messages import Horizon, Outcome, Step
from bot.interview.state import ANSWER_STEPS, InterviewState, interview_order, next_characteristic
from bot.interview.text import InputKind, ParsedInput
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import MAX_ANSWER_CHARS


def level_now(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput, facts: InterviewFacts) -> Decision:
    """An input on the level-now question (answer, confirmation, level with or without reason, skip)."""
    c = state.characteristic
    assert c is not None
    pending = facts.pending if state.step != Step.AWAIT_ANSWER_NOW else None
    suggested = pending.suggestion.level if pending else None
    kind = parsed.kind
    if kind == InputKind.ANSWER and state.step == Step.AWAIT_REASON:
        assert state.pending_level is not None
        kind, parsed = InputKind.LEVEL, ParsedInput(kind=InputKind.LEVEL, level=state.pending_level, text=parsed.text)
    if kind == InputKind.ANSWER:
        return _answer(state, c, Horizon.NOW, parsed.text, pending, facts)
    if kind == InputKind.CONFIRM:
        if state.step == Step.AWAIT_REASON:
            return _error(state, f"Please give a short reason for level {state.pending_level}, or type back.")
        if suggested is None:
            return _error(state, "There is no suggested level to confirm: answer the question, or type a level "
                                 "1-5 with a reason.")
        return _settle(kb, state, facts, Horizon.NOW, suggested, Outcome.CONFIRMED, pending)
    if kind == InputKind.LEVEL:
        assert parsed.level is not None
        if parsed.level == suggested:
            return _settle(kb, state, facts, Horizon.NOW, suggested, Outcome.CONFIRMED, pending, parsed.text)
        if not parsed.text:
            asking = state.model_copy(update={
                "step": Step.AWAIT_REASON, "pending_level": parsed.level,
                "reason_step": state.reason_step if state.step == Step.AWAIT_REASON else state.step})
            return Decision(state=asking, prompt=True)
        outcome = Outcome.OVERRIDDEN if suggested is not None else Outcome.CHOSEN
        return _settle(kb, state, facts, Horizon.NOW, parsed.level, outcome, pending, parsed.text)
    if kind == InputKind.SKIP and facts.level_now is not None:
        return _keep(kb, state, facts, Horizon.NOW, facts.level_now)
    if kind in (InputKind.DONT_KNOW, InputKind.SKIP):
        outcome = Outcome.DONT_KNOW if kind == InputKind.DONT_KNOW else Outcome.SKIPPED
        return _settle(kb, state, facts, Horizon.NOW, None, outcome, pending)
    return _error(state, "'same' answers the two-year question. Here, answer in your own words or type a level 1-5.")


def level_two_years(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput,
                    facts: InterviewFacts) -> Decision:
    """An input on the two-year question (answer, confirmation, level, same, skip)."""
    c = state.characteristic
    assert c is not None
    pending = facts.pending if state.step in (Step.AWAIT_CONFIRM_TWO_YEARS, Step.AWAIT_PROBE_TWO_YEARS) else None
    suggested = pending.suggestion.level if pending else None
    kind, level, reason = parsed.kind, parsed.level, parsed.text
    if kind == InputKind.ANSWER:
        return _answer(state, c, Horizon.TWO_YEARS, parsed.text, pending, facts)
    if kind == InputKind.SAME:
        if facts.level_now is None:
            return _error(state, "There is no level now to repeat; type a level 1-5.")
        kind, level, reason = InputKind.LEVEL, facts.level_now, "same as now"
    if kind == InputKind.CONFIRM:
        if suggested is None:
            return _error(state, "There is no suggested level to confirm: type a level 1-5, same, or describe "
                                 "the plans.")
        return _settle(kb, state, facts, Horizon.TWO_YEARS, suggested, Outcome.CONFIRMED, pending)
    if kind == InputKind.LEVEL:
        assert level is not None
        outcome = (Outcome.CONFIRMED if level == suggested
                   else Outcome.OVERRIDDEN if suggested is not None else Outcome.CHOSEN)
        return _settle(kb, state, facts, Horizon.TWO_YEARS, level, outcome, pending, reason)
    if kind == InputKind.SKIP and facts.level_two_years is not None:
        return _keep(kb, state, facts, Horizon.TWO_YEARS, facts.level_two_years)
    outcome = Outcome.DONT_KNOW if kind == InputKind.DONT_KNOW else Outcome.SKIPPED
    return _settle(kb, state, facts, Horizon.TWO_YEARS, None, outcome, pending)


def _keep(kb: KnowledgeBase, state: InterviewState, facts: InterviewFacts, horizon: Horizon, level: int) -> Decision:
    """`skip` on a characteristic revisited with back or edit: keep what was recorded, record nothing, move on."""
    c = state.characteristic
    assert c is not None
    when = "now" if horizon == Horizon.NOW else "in two years"
    kept = replies.info(f"Kept level {level} ({kb.level_name(level)}) for {c} {when}, as recorded before.", c)
    return Decision(state=_after(kb, state, facts.handled | {c}), replies=[kept], prompt=True)


def _answer(state: InterviewState, characteristic: str, horizon: Horizon, text: str,
            pending: PendingSuggestion | None, facts: InterviewFacts) -> Decision:
    """Record the answer whole; ask for a suggestion unless the text is too long for the engine.

    The engine sees the answer after what came before it on the same question: the suggestion on show,
    an answer whose suggestion was cut short, or (on a question revisited with edit or back) the earlier
    answer, so a stakeholder can build on what they said. Stored answers are never changed.
    """
    unsuggested = facts.unsuggested if facts.unsuggested and facts.unsuggested.id == state.unsuggested_answer_id \
        else None
    before = (pending.input_text if pending else unsuggested.engine_input if unsuggested
              else facts.earlier_answer if state.step in ANSWER_STEPS else None)
    # the probes asked on this question so far go with the text they were asked about
    exchanges = (pending.exchanges if pending else unsuggested.exchanges if unsuggested
                 else facts.earlier_exchanges if state.step in ANSWER_STEPS and before else [])
    engine_input = f"{before}\n\n{text}" if before else text
    if before and not pending and len(engine_input) > MAX_ANSWER_CHARS >= len(text):
        engine_input = text  # an earlier answer too long to repeat: the new one alone
    answer = AnswerToRecord(characteristic=characteristic, horizon=horizon, text=text,
                            kind="follow_up" if pending or unsuggested else "answer")
    if len(engine_input) > MAX_ANSWER_CHARS:
        return Decision(state=state, answer=answer, replies=[replies.too_long_error(len(engine_input), characteristic)])
    # more detail on a level on show gets a new suggestion, never a probe: that level is what "yes" confirms
    may_probe = pending is None or pending.suggestion.level is None
    return Decision(state=state, answer=answer,
                    suggest=SuggestRequest(characteristic=characteristic, horizon=horizon, engine_input=engine_input,
                                           exchanges=exchanges, may_probe=may_probe))


def _settle(kb: KnowledgeBase, state: InterviewState, facts: InterviewFacts, horizon: Horizon, level: int | None,
            outcome: Outcome, pending: PendingSuggestion | None, reason: str = "") -> Decision:
    """Record a level for one horizon, then move on: the two-year question, or the next characteristic."""
    c = state.characteristic
    assert c is not None
    confirmation = ConfirmationToRecord(
        characteristic=c, horizon=horizon, level=level, outcome=outcome, reason=reason,
        suggestion_id=pending.id if pending else None,
        suggested_level=pending.suggestion.level if pending else None)
    recorded = replies.recorded_reply(kb, c, horizon, level, outcome)
    if horizon == Horizon.NOW and level is not None:
        return Decision(state=state.at(c, Step.AWAIT_ANSWER_TWO_YEARS), confirmation=confirmation,
                        replies=[recorded], prompt=True)
    return Decision(state=_after(kb, state, facts.handled | {c}), confirmation=confirmation,
                    replies=[recorded], prompt=True)


def _after(kb: KnowledgeBase, state: InterviewState, handled: frozenset[str]) -> InterviewState:
    """Where to go once a characteristic is done: back to where an edit began, or the next open one."""
    if state.return_step is not None:
        cleared = state.model_copy(update={"return_characteristic": None, "return_step": None,
                                           "return_suggestion_id": None})
        if state.return_step == Step.COMPLETE or state.return_characteristic is None:
            return cleared.model_copy(update={"step": Step.COMPLETE, "characteristic": None,
                                              "pending_suggestion_id": None, "pending_level": None,
                                              "reason_step": None})
        return cleared.at(state.return_characteristic, state.return_step, state.return_suggestion_id)
    following = next_characteristic(interview_order(kb, state.start_dimension), state.characteristic, handled)
    if following is None:
        return state.model_copy(update={"step": Step.COMPLETE, "characteristic": None, "pending_suggestion_id": None,
                                        "pending_level": None, "reason_step": None})
    return state.at(following, Step.AWAIT_ANSWER_NOW)


def _error(state: InterviewState, text: str) -> Decision:
    return Decision(state=state, replies=[replies.error(text, state.characteristic)])
