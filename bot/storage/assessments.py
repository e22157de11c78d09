"""Assessments and the people taking part in them."""

from __future__ import annotations

import difflib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.errors import InvalidInputError, NotFoundError
from bot.interview.messages import Role, Step
from bot.storage.records import AssessmentRecord, ParticipantRecord
from bot.storage.tables import AssessmentRow, InterviewPositionRow, ParticipantRow


def create_assessment(session: Session, *, name: str, community: str, cycle: str, knowledge_version: str,
                      created_by: str, now: datetime) -> AssessmentRecord:
    """A new assessment; `InvalidInputError` when the name is taken (also by another process a moment ago)."""
    taken = InvalidInputError(f"An assessment named '{name}' already exists.")
    if session.scalar(select(AssessmentRow.id).where(AssessmentRow.name == name)) is not None:
        raise taken
    row = AssessmentRow(name=name, community=community, cycle=cycle, knowledge_version=knowledge_version,
                        created_by=created_by, created_at=now)
    try:
        with session.begin_nested():  # PostgreSQL: a concurrent insert of the name waits, then fails here
            session.add(row)
    except IntegrityError as error:
        raise taken from error
    return _assessment(row)


def find_or_create_assessment(session: Session, *, name: str, community: str, cycle: str, knowledge_version: str,
                              created_by: str, now: datetime) -> tuple[AssessmentRecord, bool]:
    """The assessment of this name and whether it was created now. When another process creates the same
    name at the same moment, this one joins the assessment it created."""
    found = find_assessment(session, name)
    if found is not None:
        return found, False
    try:
        return create_assessment(session, name=name, community=community, cycle=cycle,
                                 knowledge_version=knowledge_version, created_by=created_by, now=now), True
    except InvalidInputError:
        found = find_assessment(session, name)  # committed by the other process: a new statement sees it
        if found is None:
            raise
        return found, False


def find_assessment(session: Session, name: str) -> AssessmentRecord | None:
    row = session.scalar(select(AssessmentRow).where(AssessmentRow.name == name))
    return _assessment(row) if row else None


def get_assessment(session: Session, name: str) -> AssessmentRecord:
    """The assessment with this name; `NotFoundError` naming the closest names otherwise."""
    found = find_assessment(session, name)
    if found is None:
        names = list(session.scalars(select(AssessmentRow.name)))
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise NotFoundError(f"No assessment named '{name}'.{hint}")
    return found


def list_assessments(session: Session) -> list[AssessmentRecord]:
    rows = session.scalars(select(AssessmentRow).order_by(AssessmentRow.created_at, AssessmentRow.id))
    return [_assessment(row) for row in rows]


def add_participant(session: Session, assessment_id: int, name: str, role: Role, now: datetime) -> ParticipantRecord:
    """Add a person in a role (idempotent, also when another process adds them at the same moment); a
    stakeholder also gets an interview position."""
    existing = _participant_row(session, assessment_id, name, role)
    if existing is not None:
        return _participant(existing)
    row = ParticipantRow(assessment_id=assessment_id, name=name, role=role.value, created_at=now)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        existing = _participant_row(session, assessment_id, name, role)
        if existing is None:
            raise
        return _participant(existing)
    if role == Role.STAKEHOLDER:
        session.add(InterviewPositionRow(participant_id=row.id, step=Step.NOT_STARTED.value, version=0,
                                         updated_at=now))
        session.flush()
    return _participant(row)


def participants(session: Session, assessment_id: int, role: Role | None = None) -> list[ParticipantRecord]:
    query = select(ParticipantRow).where(ParticipantRow.assessment_id == assessment_id)
    if role is not None:
        query = query.where(ParticipantRow.role == role.value)
    return [_participant(row) for row in session.scalars(query.order_by(ParticipantRow.name, ParticipantRow.id))]


def find_participant(session: Session, assessment_id: int, name: str, role: Role) -> ParticipantRecord | None:
    row = _participant_row(session, assessment_id, name, role)
    return _participant(row) if row else None


def find_participant_id(session: Session, assessment_name: str, name: str, role: Role) -> int | None:
    """The id of a person in a role in the assessment of this name, in one query; None if either is missing."""
    return session.scalar(
        select(ParticipantRow.id).join(AssessmentRow, AssessmentRow.id == ParticipantRow.assessment_id)
        .where(AssessmentRow.name == assessment_name, ParticipantRow.name == name, ParticipantRow.role == role.value))


def get_participant(session: Session, assessment: AssessmentRecord, name: str, role: Role) -> ParticipantRecord:
    found = find_participant(session, assessment.id, name, role)
    if found is None:
        raise NotFoundError(f"'{name}' is not a {role.value} of the assessment '{assessment.name}'.")
    return found


def _participant_row(session: Session, assessment_id: int, name: str, role: Role) -> ParticipantRow | None:
    return session.scalar(select(ParticipantRow).where(
        ParticipantRow.assessment_id == assessment_id, ParticipantRow.name == name,
        ParticipantRow.role == role.value))


def _assessment(row: AssessmentRow) -> AssessmentRecord:
    return AssessmentRecord(id=row.id, name=row.name, community=row.community, cycle=row.cycle,
                            knowledge_version=row.knowledge_version, created_by=row.created_by,
                            created_at=row.created_at)


def _participant(row: ParticipantRow) -> ParticipantRecord:
    return ParticipantRecord(id=row.id, assessment_id=row.assessment_id, name=row.name, role=Role(row.role))
