"""Assessments: create, add people, list, show with each stakeholder's progress."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy.orm import Session

from bot.errors import InvalidInputError
from bot.interview.messages import Horizon, Outcome, Progress, Role, Step
from bot.interview.replies import progress_of
from bot.interview.text import clean_text
from bot.knowledge import KnowledgeBase
from bot.storage import Database
from bot.storage import assessments as stored
from bot.storage.interviews import latest_outcomes
from bot.storage.records import AssessmentRecord, iso
from bot.storage.review import positions

MAX_NAME_CHARS = 200
TRAILING_CYCLE = re.compile(r"^(.*\S)\s+(\d{4})$")


class AssessmentSummary(BaseModel):
    name: str
    community: str
    cycle: str
    knowledge_version: str
    created_by: str
    created_at: str
    facilitators: list[str]
    stakeholders: list[str]


class StakeholderProgress(BaseModel):
    stakeholder: str
    step: Step
    characteristic: str | None
    progress: Progress
    skipped: list[str]
    dont_know: list[str]


class AssessmentDetail(AssessmentSummary):
    progress: list[StakeholderProgress]


def split_trailing_cycle(name: str) -> tuple[str, str | None]:
    """An assessment's name as community and cycle: "Lisbon 2026" -> ("Lisbon", "2026"); a name without a
    trailing year -> (the name, None)."""
    match = TRAILING_CYCLE.match(name)
    return (match.group(1), match.group(2)) if match else (name, None)


def clean_name(raw: str, what: str) -> str:
    """A person's or assessment's name: control characters removed, not empty, at most 200 characters."""
    name = " ".join(clean_text(raw).split())
    if not name:
        raise InvalidInputError(f"The {what} must not be empty.")
    if len(name) > MAX_NAME_CHARS:
        raise InvalidInputError(f"The {what} is too long ({len(name)} characters; at most {MAX_NAME_CHARS}).")
    return name


def create(database: Database, kb: KnowledgeBase, now: datetime, *, name: str, community: str, cycle: str,
           facilitators: Iterable[str], stakeholders: Iterable[str] = (),
           created_by: str | None = None) -> AssessmentSummary:
    facilitator_names = _names(facilitators, "facilitator name")
    if not facilitator_names:
        raise InvalidInputError("An assessment needs at least one facilitator.")
    stakeholder_names = _names(stakeholders, "stakeholder name")
    with database.session() as session:
        record = stored.create_assessment(
            session, name=clean_name(name, "assessment name"), community=clean_name(community, "community"),
            cycle=clean_name(cycle, "cycle"), knowledge_version=kb.version,
            created_by=clean_name(created_by, "creator") if created_by else facilitator_names[0], now=now)
        for person in facilitator_names:
            stored.add_participant(session, record.id, person, Role.FACILITATOR, now)
        for person in stakeholder_names:
            stored.add_participant(session, record.id, person, Role.STAKEHOLDER, now)
        return _summary(session, record)


def add_people(database: Database, now: datetime, assessment: str, names: Iterable[str], role: Role) -> list[str]:
    cleaned = _names(names, f"{role.value} name")
    with database.session() as session:
        record = stored.get_assessment(session, assessment)
        new = [n for n in cleaned if stored.find_participant(session, record.id, n, role) is None]
        for person in cleaned:
            stored.add_participant(session, record.id, person, role, now)
        return new


def ensure_interview(database: Database, kb: KnowledgeBase, now: datetime, assessment: str,
                     stakeholder: str) -> list[str]:
    name, person = clean_name(assessment, "assessment name"), clean_name(stakeholder, "stakeholder name")
    notes: list[str] = []
    with database.session() as session:
        community, named_cycle = split_trailing_cycle(name)
        cycle = named_cycle or str(now.year)
        record, created = stored.find_or_create_assessment(  # joins it when another process just created it
            session, name=name, community=community, cycle=cycle, knowledge_version=kb.version, created_by=person,
            now=now)
        if created:
            stored.add_participant(session, record.id, person, Role.FACILITATOR, now)
            notes.append(f"Created the assessment '{name}' (community '{community}', cycle {cycle}) "
                         f"with {person} as its facilitator.")
        if stored.find_participant(session, record.id, person, Role.STAKEHOLDER) is None:
            stored.add_participant(session, record.id, person, Role.STAKEHOLDER, now)
            notes.append(f"Added {person} as a stakeholder of '{name}'.")
    return notes


def list_all(database: Database) -> list[AssessmentSummary]:
    with database.reading() as session:
        return [_summary(session, record) for record in stored.list_assessments(session)]


def show(database: Database, kb: KnowledgeBase, name: str) -> AssessmentDetail:
    with database.reading() as session:
        record = stored.get_assessment(session, name)
        summary = _summary(session, record)
        people = {p.name: p.id for p in stored.participants(session, record.id, Role.STAKEHOLDER)}
        progress = []
        for position in positions(session, record.id):
            outcomes = latest_outcomes(session, people[position.stakeholder], Horizon.NOW)
            progress.append(StakeholderProgress(
                stakeholder=position.stakeholder, step=position.step, characteristic=position.characteristic,
                progress=progress_of(kb, set(outcomes)),
                skipped=sorted(c for c, (o, _) in outcomes.items() if o == Outcome.SKIPPED),
                dont_know=sorted(c for c, (o, _) in outcomes.items() if o == Outcome.DONT_KNOW)))
        return AssessmentDetail(**summary.model_dump(), progress=progress)


def _names(names: Iterable[str], what: str) -> list[str]:
    cleaned: list[str] = []
    for raw in names:
        name = clean_name(raw, what)
        if name not in cleaned:
            cleaned.append(name)
    return cleaned


def _summary(session: Session, record: AssessmentRecord) -> AssessmentSummary:
    people = stored.participants(session, record.id)
    return AssessmentSummary(
        name=record.name, community=record.community, cycle=record.cycle,
        knowledge_version=record.knowledge_version, created_by=record.created_by, created_at=iso(record.created_at),
        facilitators=[p.name for p in people if p.role == Role.FACILITATOR],
        stakeholders=[p.name for p in people if p.role == Role.STAKEHOLDER])
