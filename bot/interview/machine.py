"""The interview as a state machine: `decide(...)` is pure: state, input and facts in, a `Decision` out.

Commands (start, resume, pause, edit, back...) are handled here; answers, confirmations and levels
in `answering`; replies to a probe and "suggest now" in `probe_replies`. It never touches storage,
the engine or a channel. The service records what the decision asks for (an answer, a confirmation),
calls the engine when it asks for a suggestion, and stores the new state.
"""

from __future__ import annotations

from bot.errors import UnknownIdError
from bot.interview import replies
from bot.interview.answering import level_now, level_two_years
from bot.interview.decisions import Decision, InterviewFacts, SuggestRequest
from bot.interview.messages import Reply, Step
from bot.interview.probe_replies import at_probe, suggest_now_elsewhere
from bot.interview.state import NOW_STEPS, PROBE_STEPS, InterviewState, interview_order, previous_characteristic
from bot.interview.text import InputKind, ParsedInput
from bot.interview.wording import shorten
from bot.knowledge import KnowledgeBase


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
    if state.step in PROBE_STEPS:
        return at_probe(kb, state, parsed, facts)
    if kind == InputKind.SUGGEST_NOW:
        return suggest_now_elsewhere(state)
    if state.step in NOW_STEPS:
        return level_now(kb, state, parsed, facts)
    return level_two_years(kb, state, parsed, facts)


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
        resumed = state  # `resume` right after a restart (nothing paused): the person wants to carry on
        note = replies.info("Welcome back — here is where you are." if start else "Carrying on where you left off.")
    unsuggested = facts.unsuggested
    if unsuggested is None or resumed.unsuggested_answer_id != unsuggested.id or resumed.characteristic is None:
        return Decision(state=resumed, replies=[note], prompt=True)
    # the last answer was stored but its suggestion was cut short: suggest on it now; nothing is recorded
    # as a level until the stakeholder confirms
    c = resumed.characteristic
    what = "reply" if unsuggested.probe_reply else "answer"
    saved = replies.info(f"Your last {what} to {c} was saved, but the suggestion was cut short: "
                         f"\u201c{shorten(unsuggested.text, 200)}\u201d. Here is a suggestion on it now; "
                         "nothing is recorded until you confirm.", c)
    return Decision(state=resumed, replies=[note, saved],
                    suggest=SuggestRequest(characteristic=c, horizon=resumed.horizon,
                                           engine_input=unsuggested.engine_input, answer_id=unsuggested.id,
                                           exchanges=unsuggested.exchanges, may_probe=unsuggested.may_probe))


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
    if parsed.kind == InputKind.PROBE_REPLY and state.step not in PROBE_STEPS:
        return replies.error("That button answers a question that is no longer open; please use the latest "
                             "message.", c)
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
