"""What one event reads of a stakeholder's stored trail, each thing once, and the prompt it shows.

`InterviewService.handle` decides a step on facts from the trail (`TrailReader.facts`), records what the
decision asks for, then shows the prompt of the new state (`prompt`), which needs some of the same facts.
Both read through one `TrailReader` per transaction, and it keeps what it read: the latest outcome of
each characteristic per horizon (a confirmation recorded meanwhile is the latest: `recorded` puts it
in), a pending suggestion by id, an earlier answer by question. Before, every event read the trail
twice over (the Slack issue profiled it at about 60% of the bot's CPU); the answers are the same.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.interview import replies
from bot.interview.decisions import ConfirmationToRecord, InterviewFacts, PendingSuggestion, UnsuggestedAnswer
from bot.interview.messages import Horizon, Outcome, Reply, Step
from bot.interview.state import ANSWER_STEPS, PROBE_STEPS, TWO_YEAR_STEPS, InterviewState, interview_order
from bot.knowledge import KnowledgeBase
from bot.storage import interviews
from bot.suggestion.models import ProbeExchange

Outcomes = dict[str, tuple[Outcome, int | None]]
EarlierAnswer = tuple[str | None, list[ProbeExchange]]


class TrailReader:
    """One stakeholder's trail as read in one transaction (`session`)."""

    def __init__(self, session: Session, participant_id: int):
        self.session = session
        self.participant_id = participant_id
        self._outcomes: dict[Horizon, Outcomes] = {}
        self._pending: dict[int, PendingSuggestion] = {}
        self._earlier: dict[tuple[str, Horizon, int | None], EarlierAnswer] = {}

    def outcomes(self, horizon: Horizon) -> Outcomes:
        """Per characteristic, the latest recorded outcome and level of one horizon."""
        if horizon not in self._outcomes:
            self._outcomes[horizon] = interviews.latest_outcomes(self.session, self.participant_id, horizon)
        return self._outcomes[horizon]

    def level(self, horizon: Horizon, characteristic: str | None) -> int | None:
        """The level recorded for a characteristic and horizon (None: none, don't know or skipped)."""
        recorded = self.outcomes(horizon).get(characteristic or "")
        return recorded[1] if recorded else None

    def recorded(self, confirmation: ConfirmationToRecord) -> None:
        """A confirmation was just stored: it is now the characteristic's latest outcome."""
        if confirmation.horizon in self._outcomes:
            self._outcomes[confirmation.horizon][confirmation.characteristic] = (confirmation.outcome,
                                                                                 confirmation.level)

    def remember(self, pending: PendingSuggestion) -> None:
        """A suggestion was just stored (as `pending` reads it back): shown from here, not read again."""
        self._pending[pending.id] = pending

    def pending(self, suggestion_id: int) -> PendingSuggestion:
        if suggestion_id not in self._pending:
            self._pending[suggestion_id] = interviews.pending_suggestion(self.session, suggestion_id)
        return self._pending[suggestion_id]

    def earlier(self, state: InterviewState) -> EarlierAnswer:
        """At a question (an answer step), what the stakeholder answered to it before, as the engine last saw
        it, and the probes it had; (None, []) elsewhere or when nothing was suggested on yet."""
        if state.characteristic is None or state.step not in ANSWER_STEPS:
            return None, []
        key = (state.characteristic, state.horizon, state.unsuggested_answer_id)
        if key not in self._earlier:
            thread = interviews.earlier_answer(self.session, self.participant_id, *key[:2], before_answer=key[2])
            self._earlier[key] = thread if thread else (None, [])
        return self._earlier[key]

    def facts(self, state: InterviewState) -> InterviewFacts:
        """What `decide` needs to know of the trail at `state` (the level in two years only at a two-year step,
        the only place `decide` reads it)."""
        outcomes = self.outcomes(Horizon.NOW)
        pending = self.pending(state.pending_suggestion_id) if state.pending_suggestion_id is not None else None
        skipped = frozenset(c for c, (outcome, _) in outcomes.items() if outcome == Outcome.SKIPPED)
        earlier, earlier_exchanges = self.earlier(state)
        unsuggested = None
        if state.unsuggested_answer_id is not None:
            unsuggested = self._unsuggested(state.unsuggested_answer_id, pending, earlier, earlier_exchanges)
        return InterviewFacts(handled=frozenset(outcomes), skipped=skipped,
                              level_now=self.level(Horizon.NOW, state.characteristic),
                              level_two_years=self.level(Horizon.TWO_YEARS, state.characteristic)
                              if state.step in TWO_YEAR_STEPS else None, pending=pending,
                              unsuggested=unsuggested, earlier_answer=earlier, earlier_exchanges=earlier_exchanges)

    def _unsuggested(self, answer_id: int, pending: PendingSuggestion | None, earlier: str | None,
                     earlier_exchanges: list[ProbeExchange]) -> UnsuggestedAnswer:
        """An answer whose suggestion never arrived, with what the engine should be given for it: a reply to a
        probe goes with the probes so far; an answer is read after the earlier text of the same question."""
        text = interviews.answer_text(self.session, answer_id)
        reply = interviews.probe_reply_of(self.session, answer_id)
        if reply is not None and pending is not None:
            return UnsuggestedAnswer(id=answer_id, text=text, engine_input=pending.input_text,
                                     exchanges=[*pending.exchanges, reply], probe_reply=True)
        before = pending.input_text if pending is not None else earlier
        return UnsuggestedAnswer(id=answer_id, text=text, engine_input=f"{before}\n\n{text}" if before else text,
                                 exchanges=pending.exchanges if pending is not None else earlier_exchanges,
                                 may_probe=pending is None or pending.suggestion.level is None)


def prompt(kb: KnowledgeBase, trail: TrailReader, state: InterviewState, max_probes: int) -> list[Reply]:
    """What the stakeholder should see for the state they are in: the question, the suggestion... Reads of
    the trail only what this state shows."""
    c = state.characteristic
    if state.step == Step.COMPLETE:
        outcomes = trail.outcomes(Horizon.NOW)
        skipped = frozenset(done for done, (outcome, _) in outcomes.items() if outcome == Outcome.SKIPPED)
        return [replies.complete_reply(kb, frozenset(outcomes), skipped)]
    if state.step == Step.PAUSED:
        return [replies.info("The interview is paused; type resume to carry on.")]
    if c is None:
        return []
    order = interview_order(kb, state.start_dimension)
    position, total = order.index(c) + 1, len(order)
    if state.step == Step.AWAIT_ANSWER_NOW:
        return [replies.question_reply(kb, c, Horizon.NOW, position, total,
                                       recorded=trail.level(Horizon.NOW, c), earlier=trail.earlier(state)[0])]
    if state.step == Step.AWAIT_ANSWER_TWO_YEARS:
        return [replies.question_reply(kb, c, Horizon.TWO_YEARS, position, total, trail.level(Horizon.NOW, c),
                                       earlier=trail.earlier(state)[0])]
    if state.step == Step.AWAIT_REASON:
        level = state.pending_level or 1
        return [replies.info(f"Why level {level} ({kb.level_name(level)})? A short reason, please "
                             "(or back).", c)]
    assert state.pending_suggestion_id is not None
    pending = trail.pending(state.pending_suggestion_id)
    if state.step in PROBE_STEPS:
        shown = replies.probe_reply(kb, pending, state.horizon, position, total, max_probes)
    else:
        shown = replies.suggestion_reply(kb, pending.suggestion, state.horizon)
    return [shown.model_copy(update={"suggestion_id": pending.id})]
