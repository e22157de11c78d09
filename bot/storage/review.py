"""What a facilitator reviews: the latest confirmations, suggestions awaiting confirmation, consensus."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from bot.interview.messages import Horizon, Outcome, Step
from bot.interview.state import CONFIRM_STEPS
from bot.storage.records import ConfirmationRecord, ConsensusRecord, PendingRecord, PositionRecord
from bot.storage.tables import ConfirmationRow, ConsensusRow, InterviewPositionRow, ParticipantRow, SuggestionRow


def latest_confirmation_ids(assessment_id: int) -> Select[int]:
    """The ids of the latest confirmation of each stakeholder, characteristic and horizon (a subquery)."""
    return (select(func.max(ConfirmationRow.id))
            .join(ParticipantRow, ParticipantRow.id == ConfirmationRow.participant_id)
            .where(ParticipantRow.assessment_id == assessment_id)
            .group_by(ConfirmationRow.participant_id, ConfirmationRow.characteristic, ConfirmationRow.horizon))


def latest_confirmations(session: Session, assessment_id: int) -> list[ConfirmationRecord]:
    """The latest confirmation of each stakeholder, characteristic and horizon (a later one supersedes)."""
    latest = latest_confirmation_ids(assessment_id)
    rows = session.execute(
        select(ConfirmationRow, ParticipantRow.name)
        .join(ParticipantRow, ParticipantRow.id == ConfirmationRow.participant_id)
        .where(ConfirmationRow.id.in_(latest))
        .order_by(ParticipantRow.name, ConfirmationRow.characteristic, ConfirmationRow.horizon))
    return [ConfirmationRecord(
        stakeholder=name, characteristic=row.characteristic, horizon=Horizon(row.horizon), level=row.level,
        outcome=Outcome(row.outcome), suggested_level=row.suggested_level, reason=row.reason,
        confirmed_by=row.confirmed_by, created_at=row.created_at) for row, name in rows]


def pending_suggestions(session: Session, assessment_id: int) -> list[PendingRecord]:
    """Interviews that show a suggestion and wait for the stakeholder to confirm or override it."""
    rows = session.execute(
        select(InterviewPositionRow.step, ParticipantRow.name, SuggestionRow)
        .join(ParticipantRow, ParticipantRow.id == InterviewPositionRow.participant_id)
        .join(SuggestionRow, SuggestionRow.id == InterviewPositionRow.pending_suggestion_id)
        .where(ParticipantRow.assessment_id == assessment_id,
               InterviewPositionRow.step.in_([s.value for s in (*CONFIRM_STEPS, Step.AWAIT_REASON)]))
        .order_by(ParticipantRow.name))
    return [PendingRecord(stakeholder=name, characteristic=s.characteristic, horizon=Horizon(s.horizon),
                          step=Step(step), suggested_level=s.level, confidence=s.confidence, since=s.created_at,
                          settled=json.loads(s.payload_json).get("probe") is None)
            for step, name, s in rows]


def positions(session: Session, assessment_id: int) -> list[PositionRecord]:
    rows = session.execute(
        select(ParticipantRow.name, InterviewPositionRow)
        .join(ParticipantRow, ParticipantRow.id == InterviewPositionRow.participant_id)
        .where(ParticipantRow.assessment_id == assessment_id).order_by(ParticipantRow.name))
    return [PositionRecord(stakeholder=name, step=Step(p.step), characteristic=p.characteristic,
                           updated_at=p.updated_at) for name, p in rows]


def record_consensus(session: Session, *, assessment_id: int, characteristic: str, level_now: int,
                     level_two_years: int | None, set_by: str, reason: str, now: datetime) -> None:
    session.add(ConsensusRow(assessment_id=assessment_id, characteristic=characteristic, level_now=level_now,
                             level_two_years=level_two_years, set_by=set_by, reason=reason, created_at=now))
    session.flush()


def latest_consensus(session: Session, assessment_id: int) -> list[ConsensusRecord]:
    """The latest consensus of each characteristic (a later one supersedes), by characteristic id."""
    latest = (select(func.max(ConsensusRow.id)).where(ConsensusRow.assessment_id == assessment_id)
              .group_by(ConsensusRow.characteristic))
    rows = session.scalars(select(ConsensusRow).where(ConsensusRow.id.in_(latest))
                           .order_by(ConsensusRow.characteristic))
    return [ConsensusRecord(characteristic=r.characteristic, level_now=r.level_now,
                            level_two_years=r.level_two_years, set_by=r.set_by, reason=r.reason,
                            created_at=r.created_at) for r in rows]
