"""Scored results, stored with their SHA-256 and the knowledge version they were scored against."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.assessments import get_assessment
from bot.storage.records import StoredResult
from bot.storage.tables import AssessmentRow, ResultRow


def store_result(session: Session, *, assessment_name: str, sha256: str, knowledge_version: str,
                 result_json: str, now: datetime) -> StoredResult:
    """Keep a scored result; the same result (same hash) is stored once and returned as first stored."""
    assessment = get_assessment(session, assessment_name)
    row = session.scalar(select(ResultRow).where(ResultRow.assessment_id == assessment.id,
                                                 ResultRow.sha256 == sha256))
    if row is None:
        row = ResultRow(assessment_id=assessment.id, sha256=sha256, knowledge_version=knowledge_version,
                        result_json=result_json, created_at=now)
        session.add(row)
        session.flush()
    return StoredResult(assessment=assessment.name, sha256=row.sha256, knowledge_version=row.knowledge_version,
                        result_json=row.result_json, created_at=row.created_at)


def stored_results(session: Session, assessment_name: str) -> list[StoredResult]:
    """Every distinct result scored for this assessment, oldest first."""
    rows = session.execute(select(ResultRow, AssessmentRow.name)
                           .join(AssessmentRow, AssessmentRow.id == ResultRow.assessment_id)
                           .where(AssessmentRow.name == assessment_name).order_by(ResultRow.id))
    return [StoredResult(assessment=name, sha256=r.sha256, knowledge_version=r.knowledge_version,
                         result_json=r.result_json, created_at=r.created_at) for r, name in rows]
