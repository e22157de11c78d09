"""The tables. Everything but `interview_positions` is append-only: rows are inserted, never updated.

Names of people are stored as they were given; `participants` ties a name to an assessment in one role
(a person may be a facilitator and a stakeholder: two rows). Timestamps are naive UTC.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NAME = 200  # people, assessments, communities
SHORT = 40  # steps, horizons, outcomes, channels, characteristic ids


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AssessmentRow(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME), unique=True)
    community: Mapped[str] = mapped_column(String(NAME))
    cycle: Mapped[str] = mapped_column(String(SHORT))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(NAME))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ParticipantRow(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("assessment_id", "name", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    name: Mapped[str] = mapped_column(String(NAME))
    role: Mapped[str] = mapped_column(String(SHORT))  # "stakeholder" or "facilitator"
    created_at: Mapped[datetime] = mapped_column(DateTime)


class EventRow(Base):
    """Every event a channel delivered, with the raw text JSON-encoded (lossless, even NUL bytes)."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("channel", "event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    channel: Mapped[str] = mapped_column(String(SHORT))
    event_id: Mapped[str | None] = mapped_column(String(NAME), nullable=True)
    kind: Mapped[str] = mapped_column(String(SHORT))
    raw_text_json: Mapped[str] = mapped_column(Text)
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason_json: Mapped[str] = mapped_column(Text)
    probe_answer: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)  # a probe button's reading (0005)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AnswerRow(Base):
    """A stakeholder's answer to a characteristic's question, whole, control characters removed."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    event_row_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    characteristic: Mapped[str] = mapped_column(String(SHORT))
    horizon: Mapped[str] = mapped_column(String(SHORT))
    kind: Mapped[str] = mapped_column(String(SHORT))  # "answer", "follow_up" or "probe_reply"
    text: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(SHORT))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # probe_reply: the probe it answers (level, conditions, question) and a button's reading (0005)
    probe_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    probe_answer: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)


class SuggestionRow(Base):
    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"))
    characteristic: Mapped[str] = mapped_column(String(SHORT))
    horizon: Mapped[str] = mapped_column(String(SHORT))
    input_text: Mapped[str] = mapped_column(Text)  # exactly what the engine saw
    input_sha256: Mapped[str] = mapped_column(String(64))
    engine: Mapped[str] = mapped_column(String(NAME))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    rationale: Mapped[str] = mapped_column(Text)
    citations_json: Mapped[str] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text, nullable=True)
    payload_json: Mapped[str] = mapped_column(Text)  # the whole Suggestion, to show it again on resume
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # the SuggestionContext the engine had besides input_text: horizon, probes with replies, other answers (0005)
    context_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class ConfirmationRow(Base):
    """A level a person settled for one horizon: confirmed, overridden, chosen, don't know or skipped."""

    __tablename__ = "confirmations"
    __table_args__ = (Index("ix_confirmations_latest", "participant_id", "characteristic", "horizon", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    characteristic: Mapped[str] = mapped_column(String(SHORT))
    horizon: Mapped[str] = mapped_column(String(SHORT))
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome: Mapped[str] = mapped_column(String(SHORT))
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestions.id"), nullable=True)
    suggested_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    confirmed_by: Mapped[str] = mapped_column(String(NAME))
    channel: Mapped[str] = mapped_column(String(SHORT))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ConsensusRow(Base):
    __tablename__ = "consensus"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    characteristic: Mapped[str] = mapped_column(String(SHORT))
    level_now: Mapped[int] = mapped_column(Integer)
    level_two_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    set_by: Mapped[str] = mapped_column(String(NAME))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ResultRow(Base):
    __tablename__ = "results"
    __table_args__ = (UniqueConstraint("assessment_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    result_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class InterviewPositionRow(Base):
    """Where one stakeholder's interview stands. The only table that is updated; `version` counts writes."""

    __tablename__ = "interview_positions"

    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), primary_key=True)
    step: Mapped[str] = mapped_column(String(SHORT))
    characteristic: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)
    start_dimension: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)
    pending_suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestions.id"), nullable=True)
    pending_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason_step: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)
    paused_step: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)
    return_characteristic: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)
    return_step: Mapped[str | None] = mapped_column(String(SHORT), nullable=True)
    return_suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestions.id"), nullable=True)
    # an answer stored whose suggestion never arrived (Ctrl-C, a crash): offered again on resume (0002)
    unsuggested_answer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
