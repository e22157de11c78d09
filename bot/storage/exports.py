"""What real use gives the eval suite: each person's latest settled level with the words it was settled on."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.interview.messages import Horizon, Outcome
from bot.storage.interviews import exchanges_of
from bot.storage.records import ConfirmedAnswerRecord
from bot.storage.review import latest_confirmation_ids
from bot.storage.tables import ConfirmationRow, ParticipantRow, SuggestionRow


def confirmed_answers(session: Session, assessment_id: int) -> list[ConfirmedAnswerRecord]:
    """The latest confirmation of each stakeholder, characteristic and horizon that has a level and was made on a
    suggestion (confirmed, overridden, or chosen after an abstention), with the text and probes the engine saw.
    Levels typed before any answer have no words to learn from and are left out. Sorted by person, then id."""
    latest = latest_confirmation_ids(assessment_id)
    rows = session.execute(
        select(ConfirmationRow, ParticipantRow.name, SuggestionRow.input_text, SuggestionRow.context_json)
        .join(ParticipantRow, ParticipantRow.id == ConfirmationRow.participant_id)
        .join(SuggestionRow, SuggestionRow.id == ConfirmationRow.suggestion_id)
        .where(ConfirmationRow.id.in_(latest), ConfirmationRow.level.is_not(None))
        .order_by(ParticipantRow.name, ConfirmationRow.id))
    found = []
    for row, name, text, context_json in rows:
        assert row.level is not None  # the query keeps levels only
        found.append(ConfirmedAnswerRecord(
            stakeholder=name, characteristic=row.characteristic, horizon=Horizon(row.horizon), level=row.level,
            outcome=Outcome(row.outcome), suggested_level=row.suggested_level, answer=text,
            exchanges=exchanges_of(context_json)))
    return found
