"""Which assessments a person takes part in, and in which roles: one query, whatever the number of assessments."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.interview.messages import Role, Step
from bot.storage.records import PositionRecord
from bot.storage.tables import AssessmentRow, InterviewPositionRow, ParticipantRow


class MembershipRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    assessment: str
    created_at: datetime
    roles: tuple[Role, ...]
    position: PositionRecord | None = None  # the person's interview, when they are a stakeholder


def memberships_of(session: Session, person: str) -> list[MembershipRecord]:
    """Every assessment `person` takes part in (any role), newest first, with their interview position."""
    rows = session.execute(
        select(AssessmentRow.name, AssessmentRow.created_at, ParticipantRow.role, InterviewPositionRow)
        .join(ParticipantRow, ParticipantRow.assessment_id == AssessmentRow.id)
        .outerjoin(InterviewPositionRow, InterviewPositionRow.participant_id == ParticipantRow.id)
        .where(ParticipantRow.name == person))
    found: dict[str, MembershipRecord] = {}
    for name, created_at, role, position in rows:
        earlier = found.get(name)
        roles = tuple(sorted({*(earlier.roles if earlier else ()), Role(role)}))
        record = None if position is None else PositionRecord(
            stakeholder=person, step=Step(position.step), characteristic=position.characteristic,
            updated_at=position.updated_at)
        found[name] = MembershipRecord(assessment=name, created_at=created_at, roles=roles,
                                       position=record or (earlier.position if earlier else None))
    return sorted(found.values(), key=lambda m: (m.created_at, m.assessment), reverse=True)
