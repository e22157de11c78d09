"""The interview as a state machine: `decide(...)` is pure: state, input and facts in, a `Decision` out.

It never touches storage, the engine or a channel. The service records what the decision asks for
(an answer, a confirmation), calls the engine when it asks for a suggestion, and stores the new state.
"""

from __future__ import annotations

from bot.errors import UnknownIdError
from bot.interview import replies
from bot.interview.decisions import (
    AnswerToRecord,
    ConfirmationToRecord,
    Decision,
    InterviewFacts,
    PendingSuggestion,
    SuggestRequest,
)
from bot.interview.messages import Horizon, Outcome, Reply, Step
from bot.interview.state import (
    ANSWER_STEPS,
    NOW_STEPS,
    InterviewState,
    interview_order,
    next_characteristic,
    previous_characteristic,
)
from bot.interview.text import InputKind, ParsedInput
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import MAX_ANSWER_CHARS


def decide(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput, facts: InterviewFacts) -> Decision:
    """What one input does to an interview. Bad input gets an error reply and changes nothing."""
    kind = parsed.kind
    if state.step == Step.NOT_STARTED:
        return _start(kb, state, parsed)
    if kind == InputKind.HELP:
        return Decision(state=state, replies=[replies.help_reply()])
    if kind == InputKind.STATUS:
        return Decision(state=state, replies=[replies.status_reply(kb, state, facts.handled, facts.skipped)])
    if kind in (InputKind.START, InputKind.RESUME):
        return _resume(state, facts, start=kind == InputKind.START)
    if state.step == Step.PAUSED:
        return Decision(state=state, replies=[replies.info("The interview is paused; type resume to carry on.")])
    if kind == InputKind.PAUSE:
        paused = state.model_copy(update={"step": Step.PAUSED, "paused_step": state.step})
        return Decision(state=paused, replies=[replies.info(
            "Paused. Everything so far is saved; type resume (or start the chat again) to carry on.")])
    if kind == InputKind.EDIT:
        return _edit(kb, state, parsed.text)
    if error := _input_error(kb, parsed, state):
        return Decision(state=state, replies=[error])
    if state.step == Step.COMPLETE:
        if kind == InputKind.BACK:
            return Decision(state=state.at(interview_order(kb, state.start_dimension)[-1], Step.AWAIT_ANSWER_NOW),
                            prompt=True)
        return Decision(state=state, prompt=True)
    if kind == InputKind.BACK:
        return _back(kb, state)
    if state.step in NOW_STEPS:
        return _level_now(kb, state, parsed, facts)
    return _level_two_years(kb, state, parsed, facts)


def _start(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput) -> Decision:
    dimension = parsed.dimension if parsed.kind == InputKind.START else None
    if dimension:
        try:
            kb.dimension(dimension)
        except UnknownIdError as unknown:
            return Decision(state=state, replies=[replies.error(str(unknown))])
    order = interview_order(kb, dimension)
    started = state.model_copy(update={"start_dimension": dimension}).at(order[0], Step.AWAIT_ANSWER_NOW)
    welcome = replies.info(f"Welcome! We go through the {len(order)} characteristics of the maturity model one by "
                           "one: first the level now, then the level you expect in two years. Type help at any time.")
    return Decision(state=started, replies=[welcome], prompt=True)


def _resume(state: InterviewState, facts: InterviewFacts, *, start: bool) -> Decision:
    if state.step == Step.PAUSED:
        resumed = state.model_copy(update={"step": state.paused_step or Step.AWAIT_ANSWER_NOW, "paused_step": None})
        note = replies.info("Welcome back — carrying on where you left off.")
    else:
        resumed = state
        note = replies.info("Welcome back — here is where you are." if start else "The interview is not paused.")
    unsuggested = facts.unsuggested
    if unsuggested is None or resumed.unsuggested_answer_id != unsuggested.id or resumed.characteristic is None:
        return Decision(state=resumed, replies=[note], prompt=True)
    # the last answer was stored but its suggestion was cut short: suggest on it now; nothing is recorded
    # as a level until the stakeholder confirms
    c = resumed.characteristic
    saved = replies.info(f"Your last answer to {c} was saved, but the suggestion was cut short: "
                         f"\u201c{replies.shorten(unsuggested.text, 200)}\u201d. Here is a suggestion on it now; "
                         "nothing is recorded until you confirm.", c)
    return Decision(state=resumed, replies=[note, saved],
                    suggest=SuggestRequest(characteristic=c, horizon=resumed.horizon,
                                           engine_input=unsuggested.engine_input, answer_id=unsuggested.id))


def _input_error(kb: KnowledgeBase, parsed: ParsedInput, state: InterviewState) -> Reply | None:
    c = state.characteristic
    if parsed.kind == InputKind.EMPTY:
        return replies.error("Please type an answer, or help to see what you can type.", c)
    if parsed.kind == InputKind.UNKNOWN_COMMAND:
        return replies.error(f"Unknown command '{parsed.text}'. Type help to see the commands.", c)
    if parsed.kind == InputKind.INVALID_LEVEL:
        return replies.error(f"'{parsed.text}' is not a level: levels go from 1 ({kb.level_name(1)}) to "
                             f"5 ({kb.level_name(5)}).", c)
    if parsed.kind == InputKind.STANDARDS:
        return replies.error("Standards questions are not available here.", c)
    return None


def _edit(kb: KnowledgeBase, state: InterviewState, target: str) -> Decision:
    if not target:
        return Decision(state=state, replies=[replies.error("Which characteristic? For example: edit 1.2.1")])
    try:
        characteristic = kb.characteristic(target)
    except UnknownIdError as unknown:
        return Decision(state=state, replies=[replies.error(str(unknown), state.characteristic)])
    update: dict[str, object] = {}
    if state.return_step is None and (state.step == Step.COMPLETE or characteristic.id != state.characteristic):
        update = {"return_characteristic": state.characteristic if state.step != Step.COMPLETE else None,
                  "return_step": state.reason_step if state.step == Step.AWAIT_REASON else state.step,
                  "return_suggestion_id": state.pending_suggestion_id}
    editing = state.model_copy(update=update).at(characteristic.id, Step.AWAIT_ANSWER_NOW)
    back_to = ("the end" if editing.return_step == Step.COMPLETE
               else editing.return_characteristic or characteristic.id)
    note = f"Editing {characteristic.id} {characteristic.name}. Afterwards we go back to {back_to}."
    return Decision(state=editing, replies=[replies.info(note, characteristic.id)], prompt=True)


def _back(kb: KnowledgeBase, state: InterviewState) -> Decision:
    assert state.characteristic is not None
    if state.step == Step.AWAIT_REASON:
        back = state.model_copy(update={"step": state.reason_step, "pending_level": None, "reason_step": None})
        return Decision(state=back, prompt=True)
    if state.step not in NOW_STEPS:
        return Decision(state=state.at(state.characteristic, Step.AWAIT_ANSWER_NOW), prompt=True)
    previous = previous_characteristic(interview_order(kb, state.start_dimension), state.characteristic)
    if previous is None:
        return Decision(state=state, replies=[replies.error("This is the first question; there is nothing before it.",
                                                            state.characteristic)])
    return Decision(state=state.at(previous, Step.AWAIT_ANSWER_NOW), prompt=True)


def _level_now(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput, facts: InterviewFacts) -> Decision:
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


def _level_two_years(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput,
                     facts: InterviewFacts) -> Decision:
    c = state.characteristic
    assert c is not None
    pending = facts.pending if state.step == Step.AWAIT_CONFIRM_TWO_YEARS else None
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
    engine_input = f"{before}\n\n{text}" if before else text
    if before and not pending and len(engine_input) > MAX_ANSWER_CHARS >= len(text):
        engine_input = text  # an earlier answer too long to repeat: the new one alone
    answer = AnswerToRecord(characteristic=characteristic, horizon=horizon, text=text,
                            kind="follow_up" if pending or unsuggested else "answer")
    if len(engine_input) > MAX_ANSWER_CHARS:
        return Decision(state=state, answer=answer, replies=[replies.too_long_error(len(engine_input), characteristic)])
    return Decision(state=state, answer=answer,
                    suggest=SuggestRequest(characteristic=characteristic, horizon=horizon, engine_input=engine_input))


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
