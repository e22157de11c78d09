"""The interview machine while a probe is asked (AWAIT_PROBE_*): the reply, "suggest now", or a level.

Pure like `machine.decide`, which hands these inputs here once commands (help, pause, edit, back...) are
dealt with. A probe is pending, not a suggestion, so "yes" here answers the question; the best level so far
is kept back (the pending suggestion) until the probes are done, or the person asks for it.
"""

from __future__ import annotations

from bot.interview import replies
from bot.interview.answering import level_now, level_two_years
from bot.interview.decisions import AnswerToRecord, Decision, InterviewFacts, PendingSuggestion, SuggestRequest
from bot.interview.messages import Horizon, Step
from bot.interview.state import CONFIRM_STEPS, PROBE_STEPS, InterviewState, confirm_step
from bot.interview.text import InputKind, ParsedInput
from bot.knowledge import KnowledgeBase
from bot.suggestion.models import MAX_ANSWER_CHARS, ProbeAnswer, ProbeExchange

LEVEL_KINDS = frozenset({InputKind.LEVEL, InputKind.SKIP, InputKind.SAME})


def at_probe(kb: KnowledgeBase, state: InterviewState, parsed: ParsedInput, facts: InterviewFacts) -> Decision:
    """An input while a probe waits for its reply."""
    assert state.step in PROBE_STEPS and state.characteristic is not None
    pending = facts.pending
    assert pending is not None and pending.suggestion.probe is not None
    kind = parsed.kind
    if kind == InputKind.SUGGEST_NOW:
        showing = state.model_copy(update={"step": confirm_step(state.horizon)})
        return Decision(state=showing, replies=[replies.probe_done_reply(pending, state.horizon, None, None)],
                        prompt=True)
    if kind in LEVEL_KINDS:
        # a level typed instead of a reply overrides the best level so far (a reason is asked as on a card)
        return level_now(kb, state, parsed, facts) if state.horizon == Horizon.NOW \
            else level_two_years(kb, state, parsed, facts)
    if kind == InputKind.CONFIRM and not parsed.typed:  # an earlier card's Confirm button: nothing to confirm
        return Decision(state=state, replies=[replies.error(
            "That button is for an earlier card. Please answer the question in your own words (yes, partly, no, "
            "not yet...), or type suggest now, a level 1-5, don't know or skip.", state.characteristic)])
    return _reply(state, pending, parsed, facts)  # an answer, yes-words, don't know, or a probe button


def suggest_now_elsewhere(state: InterviewState) -> Decision:
    """"suggest now" when no probe is asked: the suggestion on show is shown again, or it is explained."""
    if state.step in CONFIRM_STEPS:
        return Decision(state=state, prompt=True)
    if state.step == Step.AWAIT_REASON:
        return Decision(state=state, replies=[replies.error(
            f"Please give a short reason for level {state.pending_level}, or type back.", state.characteristic)])
    return Decision(state=state, replies=[replies.error(
        "Answer the question first in your own words; I suggest a level from it (sometimes after a short "
        "question), or type a level 1-5 yourself.", state.characteristic)])


def _reply(state: InterviewState, pending: PendingSuggestion, parsed: ParsedInput, facts: InterviewFacts) -> Decision:
    """Record the reply with the probe it answers, then ask the engine again with every exchange so far."""
    c = state.characteristic
    assert c is not None and pending.suggestion.probe is not None
    probe = pending.suggestion.probe
    said = parsed.text if parsed.kind in (InputKind.ANSWER, InputKind.PROBE_REPLY) else parsed.typed
    answer = ProbeAnswer.UNSURE if parsed.kind == InputKind.DONT_KNOW else parsed.probe_answer
    record = AnswerToRecord(characteristic=c, horizon=state.horizon, kind="probe_reply", text=said, probe=probe,
                            probe_answer=answer)
    text = said
    exchanges = list(pending.exchanges)
    unsuggested = facts.unsuggested
    if unsuggested is not None and unsuggested.id == state.unsuggested_answer_id and unsuggested.probe_reply:
        # an earlier reply to this probe whose suggestion was cut short: read together with this one
        earlier = unsuggested.exchanges[-1]
        exchanges = list(unsuggested.exchanges[:-1])
        text = f"{earlier.reply}\n\n{text}" if earlier.reply and text else earlier.reply or text
        answer = answer or earlier.answer
    if len(text) > MAX_ANSWER_CHARS:
        return Decision(state=state, answer=record, replies=[replies.too_long_error(len(text), c)])
    exchanges.append(ProbeExchange(probe=probe, reply=text, answer=answer))
    done = replies.probe_done_reply(pending, state.horizon, record.probe_answer, said)
    return Decision(state=state, answer=record, replies=[done], suggest=SuggestRequest(
        characteristic=c, horizon=state.horizon, engine_input=pending.input_text, exchanges=exchanges))
