"""Which assessments a person takes part in, and in which roles: one query, whatever the number of assessments."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.interview.messages import Role, Step
from bot.storage.records import PositionRecord
from bot.storage.tables import AssessmentRow, Base, InterviewPositionRow, ParticipantRow


class MembershipRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    assessment: str
    created_at: datetime
    roles: tuple[Role, ...]
    position: PositionRecord | None = None  # the person's interview, when they are a stakeholder


def memberships_of(session: Session, person: str) -> list[MembershipRecord]:
    """Every assessment `person` takes part in (any role), newest first, with their interview position."""
    rows = session.execute(_MEMBERSHIPS, {"person": person})
    found: dict[str, MembershipRecord] = {}
    for name, created_at, role, has_position, step, characteristic, updated_at in rows:
        earlier = found.get(name)
        roles = tuple(sorted({*(earlier.roles if earlier else ()), Role(role)}))
        record = None if has_position is None else PositionRecord(
            stakeholder=person, step=Step(step), characteristic=characteristic, updated_at=updated_at)
        found[name] = MembershipRecord(assessment=name, created_at=created_at, roles=roles,
                                       position=record or (earlier.position if earlier else None))
    return sorted(found.values(), key=lambda m: (m.created_at, m.assessment), reverse=True)


# Built once, against the tables (SQLAlchemy Core): every typed Slack message reads it.
_ASSESSMENTS = Base.metadata.tables[AssessmentRow.__tablename__]
_PARTICIPANTS = Base.metadata.tables[ParticipantRow.__tablename__]
_POSITIONS = Base.metadata.tables[InterviewPositionRow.__tablename__]
_MEMBERSHIPS = (
    select(_ASSESSMENTS.c.name, _ASSESSMENTS.c.created_at, _PARTICIPANTS.c.role, _POSITIONS.c.participant_id,
           _POSITIONS.c.step, _POSITIONS.c.characteristic, _POSITIONS.c.updated_at)
    .join(_PARTICIPANTS, _PARTICIPANTS.c.assessment_id == _ASSESSMENTS.c.id)
    .outerjoin(_POSITIONS, _POSITIONS.c.participant_id == _PARTICIPANTS.c.id)
    .where(_PARTICIPANTS.c.name == bindparam("person")))
