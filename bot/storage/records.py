"""What storage hands back: pydantic records, never ORM rows (they stay inside bot/storage)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from bot.interview.messages import Horizon, Outcome, Role, Step
from bot.suggestion.models import ProbeExchange


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class AssessmentRecord(Record):
    id: int
    name: str
    community: str
    cycle: str
    knowledge_version: str
    created_by: str
    created_at: datetime


class ParticipantRecord(Record):
    id: int
    assessment_id: int
    name: str
    role: Role


class ConfirmationRecord(Record):
    stakeholder: str
    characteristic: str
    horizon: Horizon
    level: int | None
    outcome: Outcome
    suggested_level: int | None
    reason: str
    confirmed_by: str
    created_at: datetime


class PendingRecord(Record):
    """A stakeholder's interview waiting on a suggestion to be confirmed."""

    stakeholder: str
    characteristic: str
    horizon: Horizon
    step: Step
    suggested_level: int | None
    confidence: float
    since: datetime
    settled: bool = True  # the engine had no probe left to ask (`Suggestion.settled`)


class ConsensusRecord(Record):
    characteristic: str
    level_now: int
    level_two_years: int | None
    set_by: str
    reason: str
    created_at: datetime


class PositionRecord(Record):
    stakeholder: str
    step: Step
    characteristic: str | None
    updated_at: datetime


class StoredResult(Record):
    assessment: str
    sha256: str
    knowledge_version: str
    result_json: str
    created_at: datetime


def iso(moment: datetime) -> str:
    """Naive UTC time as ISO 8601 with a Z, the same text whichever database stored it."""
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


class AnswerRecord(Record):
    characteristic: str
    horizon: Horizon
    kind: str
    text: str
    channel: str
    created_at: datetime


class ConfirmedAnswerRecord(Record):
    """A level a person settled on a suggestion, with exactly what the engine saw for it (the eval export)."""

    stakeholder: str
    characteristic: str
    horizon: Horizon
    level: int
    outcome: Outcome
    suggested_level: int | None
    answer: str  # the text the engine saw: the answer and any follow-ups
    exchanges: list[ProbeExchange]  # the probes asked before it, with their replies
