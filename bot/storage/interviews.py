"""One stakeholder's interview: its position (locked while a step is decided) and the audit trail.

Every function takes the session, so the caller decides what shares one transaction. The statements a
step runs are built once, against the tables (SQLAlchemy Core): each then costs a compiled-cache lookup
instead of an ORM statement's compilation, load and flush (the Slack bot is bound by Python CPU).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, Row, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.errors import MMSSCError
from bot.interview.decisions import PendingSuggestion
from bot.interview.messages import Horizon, InterviewEvent, Outcome, Role
from bot.interview.state import InterviewState
from bot.redaction import redact
from bot.storage.records import AnswerRecord
from bot.storage.tables import (
    AnswerRow,
    AssessmentRow,
    Base,
    ConfirmationRow,
    EventRow,
    InterviewPositionRow,
    ParticipantRow,
    SuggestionRow,
)
from bot.suggestion.models import Probe, ProbeAnswer, ProbeExchange, Suggestion, SuggestionContext

POSITION_FIELDS = ("step", "characteristic", "start_dimension", "pending_suggestion_id", "pending_level",
                   "reason_step", "paused_step", "return_characteristic", "return_step", "return_suggestion_id",
                   "unsuggested_answer_id")


class StalePositionError(MMSSCError):
    """The interview moved on (another channel wrote it) since this step was decided."""


def lock_position(session: Session, participant_id: int, now: datetime) -> InterviewState:
    """The stored position, locked until the transaction ends (row lock on PostgreSQL; SQLite's
    `BEGIN IMMEDIATE` already holds the write lock). Created at the start when missing."""
    row = session.execute(_LOCK_POSITION, {"participant_id": participant_id}).first()
    if row is None:
        session.execute(insert(_POSITIONS), {"participant_id": participant_id, "step": "not_started", "version": 0,
                                             "updated_at": now})
        return InterviewState()
    return _state(row)


def lock_stakeholder_position(session: Session, assessment: str, stakeholder: str) -> tuple[int, InterviewState] | None:
    """The participant id of `stakeholder` in the assessment named `assessment` and their position, locked as by
    `lock_position`, in one statement; None when the assessment, the stakeholder or the position is missing
    (then `lock_position`, after looking the stakeholder up, says which or creates the position)."""
    row = session.execute(_LOCK_STAKEHOLDER_POSITION, {"assessment": assessment, "stakeholder": stakeholder}).first()
    return (row.participant_id, _state(row)) if row is not None else None


def save_position(session: Session, participant_id: int, state: InterviewState, now: datetime) -> InterviewState:
    """Store `state` if nobody wrote since it was read (`state.version`); return it with the new version."""
    values: dict[str, Any] = {name: _plain(getattr(state, name)) for name in POSITION_FIELDS}
    result = session.execute(_SAVE_POSITION, {**{f"b_{name}": value for name, value in values.items()},
                                              "b_participant_id": participant_id, "b_read_version": state.version,
                                              "b_version": state.version + 1, "b_updated_at": now})
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StalePositionError(f"interview position of participant {participant_id} changed meanwhile")
    return state.model_copy(update={"version": state.version + 1})


def record_event(session: Session, participant_id: int, channel: str, event: InterviewEvent,
                 now: datetime) -> int | None:
    """Log an incoming event, raw text JSON-encoded (lossless); None if its `event_id` was seen before on
    `channel`, also when the same event is delivered twice at the same moment: one
    `INSERT ... ON CONFLICT (channel, event_id) DO NOTHING RETURNING id` (on PostgreSQL a second insert of
    the same id waits for the first transaction, then inserts nothing). Events without an id never conflict."""
    statement = _RECORD_EVENT[session.get_bind().dialect.name]
    return session.execute(statement, {
        "participant_id": participant_id, "channel": channel, "event_id": event.event_id, "kind": event.kind.value,
        "raw_text_json": json.dumps(event.text), "level": event.level, "reason_json": json.dumps(event.reason),
        "probe_answer": _plain(event.probe_answer), "created_at": now}).scalar_one_or_none()


def record_answer(session: Session, *, participant_id: int, event_row_id: int, characteristic: str,
                  horizon: Horizon, kind: str, text: str, channel: str, now: datetime, probe: Probe | None = None,
                  probe_answer: ProbeAnswer | None = None) -> int:
    """Store an answer; a reply to a probe ("probe_reply") keeps the probe it answers and a button's reading."""
    return session.execute(_INSERT_ANSWER, {
        "participant_id": participant_id, "event_row_id": event_row_id, "characteristic": characteristic,
        "horizon": horizon.value, "kind": kind, "text": text, "channel": channel, "created_at": now,
        "probe_json": probe.model_dump_json() if probe is not None else None,
        "probe_answer": _plain(probe_answer)}).scalar_one()


def record_suggestion(session: Session, *, participant_id: int, answer_id: int, horizon: Horizon,
                      input_text: str, suggestion: Suggestion, now: datetime,
                      context: SuggestionContext | None = None) -> int:
    """Store a suggestion with what the engine saw: `input_text` and the `context` it was given."""
    return record_pending_suggestion(session, participant_id=participant_id, answer_id=answer_id, horizon=horizon,
                                     input_text=input_text, suggestion=suggestion, now=now, context=context).id


def record_pending_suggestion(session: Session, *, participant_id: int, answer_id: int, horizon: Horizon,
                              input_text: str, suggestion: Suggestion, now: datetime,
                              context: SuggestionContext | None = None) -> PendingSuggestion:
    """`record_suggestion`, returning the suggestion as `pending_suggestion` reads it back (from the same stored
    JSON), so showing it needs no read."""
    if suggestion.fallback_reason:  # an engine's error text may echo a key; suggestions are never rewritten
        suggestion = suggestion.model_copy(update={"fallback_reason": redact(suggestion.fallback_reason)})
    payload_json = suggestion.model_dump_json()
    context_json = context.model_dump_json() if context is not None else None
    suggestion_id = session.execute(_INSERT_SUGGESTION, {
        "participant_id": participant_id, "answer_id": answer_id, "characteristic": suggestion.characteristic,
        "horizon": horizon.value, "input_text": input_text,
        "input_sha256": hashlib.sha256(input_text.encode()).hexdigest(), "engine": suggestion.engine,
        "knowledge_version": suggestion.knowledge_version, "level": suggestion.level,
        "confidence": suggestion.confidence, "rationale": suggestion.rationale,
        "citations_json": json.dumps([c.model_dump(mode="json") for c in suggestion.citations], sort_keys=True),
        "follow_up": suggestion.follow_up, "payload_json": payload_json, "created_at": now,
        "context_json": context_json}).scalar_one()
    return _pending(suggestion_id, payload_json, input_text, context_json)


def record_confirmation(session: Session, *, participant_id: int, characteristic: str, horizon: Horizon,
                        level: int | None, outcome: Outcome, suggestion_id: int | None, suggested_level: int | None,
                        reason: str, confirmed_by: str, channel: str, now: datetime) -> None:
    session.execute(_INSERT_CONFIRMATION, {
        "participant_id": participant_id, "characteristic": characteristic, "horizon": horizon.value,
        "level": level, "outcome": outcome.value, "suggestion_id": suggestion_id, "suggested_level": suggested_level,
        "reason": reason, "confirmed_by": confirmed_by, "channel": channel, "created_at": now})


def latest_outcomes(session: Session, participant_id: int, horizon: Horizon) -> dict[str, tuple[Outcome, int | None]]:
    """Per characteristic, the latest recorded outcome and level of one horizon."""
    rows = session.execute(_LATEST_OUTCOMES, {"participant_id": participant_id, "horizon": horizon.value})
    return {characteristic: (Outcome(outcome), level) for characteristic, outcome, level in rows}


def pending_suggestion(session: Session, suggestion_id: int) -> PendingSuggestion:
    row = session.execute(_PENDING_SUGGESTION, {"id": suggestion_id}).one()
    return _pending(suggestion_id, row.payload_json, row.input_text, row.context_json)


def answer_text(session: Session, answer_id: int) -> str:
    """The text of one stored answer (control characters removed, as the engine sees it)."""
    return session.get_one(AnswerRow, answer_id).text


def probe_reply_of(session: Session, answer_id: int) -> ProbeExchange | None:
    """A stored reply to a probe as an exchange (the probe, the text, a button's reading); None for an answer."""
    row = session.get_one(AnswerRow, answer_id)
    if row.probe_json is None:
        return None
    return ProbeExchange(probe=Probe.model_validate_json(row.probe_json), reply=row.text,
                         answer=ProbeAnswer(row.probe_answer) if row.probe_answer else None)


def earlier_answer(session: Session, participant_id: int, characteristic: str, horizon: Horizon,
                   before_answer: int | None = None) -> tuple[str, list[ProbeExchange]] | None:
    """What a stakeholder answered before to one question, as the engine last saw it (earlier answers and
    follow-ups together, and the probes asked with their replies); None if nothing was suggested on yet.
    Answers the engine never took (too long, refused) are not repeated. With `before_answer`, only
    suggestions on answers before that one."""
    values = {"participant_id": participant_id, "characteristic": characteristic, "horizon": horizon.value}
    if before_answer is None:
        row = session.execute(_EARLIER_ANSWER, values).first()
    else:
        row = session.execute(_EARLIER_ANSWER_BEFORE, {**values, "before_answer": before_answer}).first()
    return (row[0], exchanges_of(row[1])) if row is not None else None


def answers_to_other_characteristics(session: Session, participant_id: int, characteristic: str,
                                     horizon: Horizon) -> list[str]:
    """What a stakeholder typed about the other characteristics, for one horizon, oldest first: answers,
    follow-ups and probe replies, in their own words only (a probe's question is ours, not theirs)."""
    rows = session.scalars(_ANSWERS_TO_OTHERS, {"participant_id": participant_id, "characteristic": characteristic,
                                                "horizon": horizon.value})
    return [text for text in rows if text and text.strip()]


def exchanges_of(context_json: str | None) -> list[ProbeExchange]:
    """The probes and replies of a suggestion's stored context (none for a suggestion made before migration 0005)."""
    return SuggestionContext.model_validate_json(context_json).exchanges if context_json else []


def answers_of(session: Session, participant_id: int) -> list[AnswerRecord]:
    """Every answer a stakeholder gave, oldest first, whole."""
    rows = session.scalars(select(AnswerRow).where(AnswerRow.participant_id == participant_id).order_by(AnswerRow.id))
    return [AnswerRecord(characteristic=r.characteristic, horizon=Horizon(r.horizon), kind=r.kind, text=r.text,
                         channel=r.channel, created_at=r.created_at) for r in rows]


def raw_texts_of(session: Session, participant_id: int) -> list[str]:
    """Every text a channel delivered for this stakeholder, exactly as typed, oldest first."""
    rows = session.scalars(select(EventRow.raw_text_json).where(EventRow.participant_id == participant_id)
                           .order_by(EventRow.id))
    return [json.loads(raw) for raw in rows]


def _plain(value: object) -> object:
    return getattr(value, "value", value)


def _pending(suggestion_id: int, payload_json: str, input_text: str, context_json: str | None) -> PendingSuggestion:
    return PendingSuggestion(id=suggestion_id, suggestion=Suggestion.model_validate_json(payload_json),
                             input_text=input_text, exchanges=exchanges_of(context_json))


def _state(row: Row[Any]) -> InterviewState:
    return InterviewState.model_validate({name: getattr(row, name) for name in (*POSITION_FIELDS, "version")})


# The statements of a step, built once against the tables (SQLAlchemy Core): each execution then costs a
# compiled-cache lookup, not an ORM statement's compilation, object loading or flush.
_POSITIONS = Base.metadata.tables[InterviewPositionRow.__tablename__]
_PARTICIPANTS = Base.metadata.tables[ParticipantRow.__tablename__]
_ASSESSMENTS = Base.metadata.tables[AssessmentRow.__tablename__]
_EVENTS = Base.metadata.tables[EventRow.__tablename__]
_ANSWERS = Base.metadata.tables[AnswerRow.__tablename__]
_SUGGESTIONS = Base.metadata.tables[SuggestionRow.__tablename__]
_CONFIRMATIONS = Base.metadata.tables[ConfirmationRow.__tablename__]

_POSITION_COLUMNS = [_POSITIONS.c[name] for name in (*POSITION_FIELDS, "version")]
_LOCK_POSITION = (select(*_POSITION_COLUMNS).where(_POSITIONS.c.participant_id == bindparam("participant_id"))
                  .with_for_update())
_LOCK_STAKEHOLDER_POSITION = (
    select(_POSITIONS.c.participant_id, *_POSITION_COLUMNS)
    .join(_PARTICIPANTS, _PARTICIPANTS.c.id == _POSITIONS.c.participant_id)
    .join(_ASSESSMENTS, _ASSESSMENTS.c.id == _PARTICIPANTS.c.assessment_id)
    .where(_ASSESSMENTS.c.name == bindparam("assessment"), _PARTICIPANTS.c.name == bindparam("stakeholder"),
           _PARTICIPANTS.c.role == Role.STAKEHOLDER.value)
    .with_for_update(of=_POSITIONS))  # PostgreSQL: the position row only (SQLite: BEGIN IMMEDIATE)
_SAVE_POSITION = (
    update(_POSITIONS)
    .where(_POSITIONS.c.participant_id == bindparam("b_participant_id"),
           _POSITIONS.c.version == bindparam("b_read_version"))
    .values({name: bindparam(f"b_{name}") for name in (*POSITION_FIELDS, "version", "updated_at")}))


def _insert_unless_present(dialect: Any) -> Insert:
    statement = dialect.insert(_EVENTS).on_conflict_do_nothing(index_elements=["channel", "event_id"])
    return statement.returning(_EVENTS.c.id)


_RECORD_EVENT = {"sqlite": _insert_unless_present(sqlite), "postgresql": _insert_unless_present(postgresql)}
_INSERT_ANSWER = insert(_ANSWERS).returning(_ANSWERS.c.id)
_INSERT_SUGGESTION = insert(_SUGGESTIONS).returning(_SUGGESTIONS.c.id)
_INSERT_CONFIRMATION = insert(_CONFIRMATIONS)
_LATEST_OUTCOMES = (
    select(_CONFIRMATIONS.c.characteristic, _CONFIRMATIONS.c.outcome, _CONFIRMATIONS.c.level)
    .where(_CONFIRMATIONS.c.id.in_(
        select(func.max(_CONFIRMATIONS.c.id))
        .where(_CONFIRMATIONS.c.participant_id == bindparam("participant_id"),
               _CONFIRMATIONS.c.horizon == bindparam("horizon"))
        .group_by(_CONFIRMATIONS.c.characteristic))))
_PENDING_SUGGESTION = (select(_SUGGESTIONS.c.payload_json, _SUGGESTIONS.c.input_text, _SUGGESTIONS.c.context_json)
                       .where(_SUGGESTIONS.c.id == bindparam("id")))
_EARLIER = (select(_SUGGESTIONS.c.input_text, _SUGGESTIONS.c.context_json)
            .where(_SUGGESTIONS.c.participant_id == bindparam("participant_id"),
                   _SUGGESTIONS.c.characteristic == bindparam("characteristic"),
                   _SUGGESTIONS.c.horizon == bindparam("horizon")))
_EARLIER_ANSWER = _EARLIER.order_by(_SUGGESTIONS.c.id.desc()).limit(1)
_EARLIER_ANSWER_BEFORE = (_EARLIER.where(_SUGGESTIONS.c.answer_id < bindparam("before_answer"))
                          .order_by(_SUGGESTIONS.c.id.desc()).limit(1))
_ANSWERS_TO_OTHERS = (select(_ANSWERS.c.text)
                      .where(_ANSWERS.c.participant_id == bindparam("participant_id"),
                             _ANSWERS.c.characteristic != bindparam("characteristic"),
                             _ANSWERS.c.horizon == bindparam("horizon"))
                      .order_by(_ANSWERS.c.id))
