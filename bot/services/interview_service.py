"""`InterviewService`: the one object every channel talks to.

>>> service = InterviewService(kb, engine, database, standards_answerer=answer)
>>> service.create_assessment("Lisbon 2026", community="Lisbon", cycle="2026", facilitators=["ana"],
...                           stakeholders=["rui"])
>>> for reply in service.handle("Lisbon 2026", "rui", InterviewEvent(kind=EventKind.START), channel="terminal"):
...     print(reply.text)

`handle` is safe to call from several threads and processes at once: each step is decided while the
stakeholder's position is locked, the engine is called outside any transaction, and the suggestion is
stored only if the position did not move meanwhile. An event with an `event_id` already seen on the
same channel is dropped (returns no replies), so a channel may deliver retries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.errors import InvalidInputError
from bot.interview import replies
from bot.interview.decisions import Decision, SuggestRequest
from bot.interview.machine import decide
from bot.interview.messages import Horizon, InterviewEvent, Reply, ReplyKind, Role
from bot.interview.probing import EngineCall, engine_turn
from bot.interview.state import (
    InterviewState,
    card_is_current,
    confirm_step,
    probe_step,
)
from bot.interview.text import InputKind, parse_event
from bot.knowledge import KnowledgeBase
from bot.scoring.inputs import ScoringInput
from bot.services import assessments, facilitation
from bot.services.trail import TrailReader, prompt
from bot.storage import Database, interviews
from bot.storage.assessments import find_participant_id, get_assessment, get_participant
from bot.storage.queries import scoring_input_for
from bot.suggestion.models import SuggestionEngine

if TYPE_CHECKING:
    from bot.retrieval.standards import StandardsAnswer

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class InterviewService:
    def __init__(self, kb: KnowledgeBase, engine: SuggestionEngine, database: Database,
                 standards_answerer: Callable[[str], StandardsAnswer] | None = None, *, clock: Clock = utc_now,
                 max_probes: int = 3):
        self.kb = kb
        self.engine = engine
        self.database = database
        self.standards_answerer = standards_answerer
        self.clock = clock  # every stored time comes from here; tests pass a fixed clock
        self.max_probes = max_probes  # evidence probes per characteristic and horizon (MMSSC_MAX_PROBES)

    # -- the interview ---------------------------------------------------------------------------

    def handle(self, assessment: str, stakeholder: str, event: InterviewEvent, channel: str) -> list[Reply]:
        """Feed one event of a stakeholder's interview; get the replies to show, in order.

        `channel` names the channel kind ("terminal", "slack"); with `event.event_id` it identifies
        retries. Raises `NotFoundError` for an unknown assessment or stakeholder; bad input never raises,
        it gets an error reply and the interview carries on.
        """
        parsed = parse_event(event)
        decision: Decision | None = None
        answer_id: int | None = None
        with self.database.session() as session:
            participant_id, state = self._lock_stakeholder(session, assessment, stakeholder)
            trail = TrailReader(session, participant_id)
            event_row_id = interviews.record_event(session, participant_id, channel, event, self.clock())
            if event_row_id is None:
                return []  # a retried delivery of an event already handled
            if event.card is not None and not card_is_current(state, event.card):
                return [replies.stale_card_reply(event.card)]  # e.g. the second press of a double click
            if parsed.kind != InputKind.STANDARDS:
                decision = decide(self.kb, state, parsed, trail.facts(state))
                answer_id = self._record(trail, event_row_id, decision, stakeholder, channel)
                if decision.suggest is None:
                    return decision.replies + self._finish(trail, state, decision)
                # the answer is committed with a mark that its suggestion is on the way: if the engine
                # call is cut short (Ctrl-C, a crash), a resume offers a suggestion on it again
                answer_id = answer_id or decision.suggest.answer_id
                call = self._engine_call(trail, decision.suggest)
                state = interviews.save_position(session, participant_id, decision.state.model_copy(
                    update={"unsuggested_answer_id": answer_id}), self.clock())
        if decision is None:
            return self._standards(parsed.text, state)
        assert decision.suggest is not None and answer_id is not None
        return decision.replies + self._suggest(participant_id, state, decision.suggest, call, answer_id)

    def _record(self, trail: TrailReader, event_row_id: int, decision: Decision, stakeholder: str,
                channel: str) -> int | None:
        session, participant_id = trail.session, trail.participant_id
        answer_id = None
        if decision.answer is not None:
            answer_id = interviews.record_answer(
                session, participant_id=participant_id, event_row_id=event_row_id,
                characteristic=decision.answer.characteristic, horizon=decision.answer.horizon,
                kind=decision.answer.kind, text=decision.answer.text, channel=channel, now=self.clock(),
                probe=decision.answer.probe, probe_answer=decision.answer.probe_answer)
        if (confirmation := decision.confirmation) is not None:
            interviews.record_confirmation(
                session, participant_id=participant_id, characteristic=confirmation.characteristic,
                horizon=confirmation.horizon, level=confirmation.level, outcome=confirmation.outcome,
                suggestion_id=confirmation.suggestion_id, suggested_level=confirmation.suggested_level,
                reason=confirmation.reason, confirmed_by=stakeholder, channel=channel, now=self.clock())
            trail.recorded(confirmation)
        return answer_id

    def _finish(self, trail: TrailReader, before: InterviewState, decision: Decision) -> list[Reply]:
        state = decision.state
        if state != before:
            state = interviews.save_position(trail.session, trail.participant_id, state, self.clock())
        return prompt(self.kb, trail, state, self.max_probes) if decision.prompt else []

    def _engine_call(self, trail: TrailReader, request: SuggestRequest) -> EngineCall:
        """The context of an engine call from the trail: the probes so far, the person's answers to the other
        characteristics (so nothing said is asked again) and, for the two-year question, the level now."""
        level_now = trail.level(Horizon.NOW, request.characteristic) if request.horizon == Horizon.TWO_YEARS else None
        return EngineCall(
            horizon=request.horizon, exchanges=request.exchanges, level_now=level_now, may_probe=request.may_probe,
            earlier_answers=interviews.answers_to_other_characteristics(trail.session, trail.participant_id,
                                                                        request.characteristic, request.horizon))

    def _suggest(self, participant_id: int, before: InterviewState, request: SuggestRequest, call: EngineCall,
                 answer_id: int) -> list[Reply]:
        """Ask the engine outside any transaction, then store the suggestion if nobody moved meanwhile; ask its
        probe first when `engine_turn` says so (the suggestion is kept back as the best level so far)."""
        try:
            turn = engine_turn(self.engine, request.characteristic, request.engine_input, call, self.max_probes)
        except InvalidInputError as error:  # the engine refused the text: do not offer it again on resume
            with self.database.session() as session:
                state = interviews.lock_position(session, participant_id, self.clock())
                if state.version == before.version:
                    interviews.save_position(session, participant_id,
                                             state.model_copy(update={"unsuggested_answer_id": None}), self.clock())
            return [replies.error(f"Your answer is saved, but I could not suggest a level: {error}",
                                  request.characteristic)]
        try:
            with self.database.session() as session:
                # Stored only if the interview did not move meanwhile: `save_position` checks the version read
                # before the engine call, and a moved interview rolls the suggestion back.
                stored = interviews.record_pending_suggestion(
                    session, participant_id=participant_id, answer_id=answer_id, horizon=request.horizon,
                    input_text=request.engine_input, suggestion=turn.suggestion, now=self.clock(),
                    context=turn.context)
                step = probe_step(request.horizon) if turn.probe is not None else confirm_step(request.horizon)
                state = interviews.save_position(session, participant_id, before.at(request.characteristic, step,
                                                                                     stored.id), self.clock())
                trail = TrailReader(session, participant_id)
                trail.remember(stored)
                return prompt(self.kb, trail, state, self.max_probes)
        except interviews.StalePositionError:
            with self.database.session() as session:
                state = interviews.lock_position(session, participant_id, self.clock())
                note = replies.info("Your answer is saved, but this interview moved on in another window meanwhile.")
                return [note, *prompt(self.kb, TrailReader(session, participant_id), state, self.max_probes)]

    def _standards(self, question: str, state: InterviewState) -> list[Reply]:
        """Answer "which standard helps with X" and keep the place in the interview."""
        here = state.characteristic
        reminder = [replies.info(f"Back to {here} whenever you are ready.", here)] if here else []
        if not question:
            return [replies.error("Ask a question, for example: which standard helps with open data?", here)]
        if self.standards_answerer is None:
            return [replies.error("Questions about standards are not available here.", here), *reminder]
        try:
            answer = self.standards_answerer(question)
        except InvalidInputError as error:
            return [replies.error(str(error), here), *reminder]
        return [Reply(kind=ReplyKind.STANDARDS, text=answer.answer, characteristic=here, standards=answer.standards,
                      standards_kind=answer.kind, topics=answer.topics), *reminder]

    def _lock_stakeholder(self, session: Session, assessment: str, stakeholder: str) -> tuple[int, InterviewState]:
        """The stakeholder's participant id and their position, locked: one statement, unless the position is
        missing (then created) or the stakeholder is not found (`NotFoundError` naming what is missing)."""
        found = interviews.lock_stakeholder_position(session, assessment, stakeholder)
        if found is not None:
            return found
        participant_id = self._stakeholder_id(session, assessment, stakeholder)
        return participant_id, interviews.lock_position(session, participant_id, self.clock())

    @staticmethod
    def _stakeholder_id(session: Session, assessment: str, stakeholder: str) -> int:
        """One query; `NotFoundError` naming what is missing (the assessment, or the stakeholder in it)."""
        found = find_participant_id(session, assessment, stakeholder, Role.STAKEHOLDER)
        if found is not None:
            return found
        return get_participant(session, get_assessment(session, assessment), stakeholder, Role.STAKEHOLDER).id

    # -- assessments -----------------------------------------------------------------------------

    def create_assessment(
        self, name: str, *, community: str, cycle: str, facilitators: Iterable[str],
        stakeholders: Iterable[str] = (), created_by: str | None = None,
    ) -> assessments.AssessmentSummary:
        """A new assessment with at least one facilitator; `InvalidInputError` if the name is taken."""
        return assessments.create(self.database, self.kb, self.clock(), name=name, community=community,
                                  cycle=cycle, facilitators=facilitators, stakeholders=stakeholders,
                                  created_by=created_by)

    def add_people(self, assessment: str, names: Iterable[str], role: Role = Role.STAKEHOLDER) -> list[str]:
        """Add stakeholders (or facilitators); returns the names that were new."""
        return assessments.add_people(self.database, self.clock(), assessment, names, role)

    def ensure_interview(self, assessment: str, stakeholder: str) -> list[str]:
        """Create the assessment (its first person becomes facilitator) and the stakeholder when missing;
        returns a sentence per thing created. Used by `mmssc chat` so a fresh machine just works."""
        return assessments.ensure_interview(self.database, self.kb, self.clock(), assessment, stakeholder)

    def list_assessments(self) -> list[assessments.AssessmentSummary]:
        return assessments.list_all(self.database)

    def show_assessment(self, name: str) -> assessments.AssessmentDetail:
        """The assessment, its people and each stakeholder's progress (e.g. 12/31, per dimension)."""
        return assessments.show(self.database, self.kb, name)

    # -- facilitation and scoring ----------------------------------------------------------------

    def review(self, assessment: str) -> facilitation.ReviewReport:
        """Pending suggestions, latest confirmations, disagreements (spread >= 2) and consensus so far."""
        return facilitation.review(self.database, self.kb, assessment)

    def set_consensus(self, assessment: str, who: str, characteristic: str, level_now: int,
                      level_two_years: int | None, reason: str) -> None:
        """Record a consensus level; `PermissionDeniedError` unless `who` is a facilitator."""
        facilitation.set_consensus(self.database, self.kb, self.clock(), assessment, who, characteristic,
                                   level_now, level_two_years, reason)

    def scoring_input(self, assessment: str) -> ScoringInput:
        """The confirmed levels of the assessment, ready for `score_assessment`, on this knowledge version."""
        with self.database.reading() as session:
            return scoring_input_for(session, assessment, knowledge_version=self.kb.version)
