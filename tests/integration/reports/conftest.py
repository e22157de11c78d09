"""Put a made-up assessment into a real database through the storage functions the interview uses."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.interview.messages import Horizon, Outcome, Role
from bot.scoring.inputs import ScoringInput
from bot.storage.assessments import add_participant, create_assessment
from bot.storage.database import Database
from bot.storage.interviews import record_confirmation
from bot.storage.review import record_consensus

CREATED = datetime(2026, 1, 5, 9, 0, 0)


def _moment(text: str | None) -> datetime:
    assert text is not None
    return datetime.fromisoformat(text).astimezone(UTC).replace(tzinfo=None)


def store_scoring_input(database: Database, inputs: ScoringInput) -> None:
    """Record every confirmation (both horizons) and consensus level of `inputs` in `database`."""
    with database.session() as session:
        assessment = create_assessment(session, name=inputs.assessment, community=inputs.community,
                                       cycle=inputs.cycle, knowledge_version=inputs.knowledge_version,
                                       created_by="facilitator-ana", now=CREATED)
        ids = {name: add_participant(session, assessment.id, name, Role.STAKEHOLDER, CREATED).id
               for name in inputs.stakeholders}
        add_participant(session, assessment.id, "facilitator-ana", Role.FACILITATOR, CREATED)
        for item in inputs.confirmed:
            if item.level_now is None:
                outcome = Outcome.DONT_KNOW
            elif item.suggested_level is None:
                outcome = Outcome.CHOSEN
            else:
                outcome = Outcome.OVERRIDDEN if item.overridden else Outcome.CONFIRMED
            for horizon, level, how in ((Horizon.NOW, item.level_now, outcome),
                                        (Horizon.TWO_YEARS, item.level_two_years,
                                         Outcome.CHOSEN if item.level_two_years else Outcome.DONT_KNOW)):
                record_confirmation(session, participant_id=ids[item.stakeholder], characteristic=item.characteristic,
                                    horizon=horizon, level=level, outcome=how, suggestion_id=None,
                                    suggested_level=item.suggested_level if horizon == Horizon.NOW else None,
                                    reason="", confirmed_by=item.confirmed_by, channel="test",
                                    now=_moment(item.confirmed_at))
        for consensus in inputs.consensus:
            record_consensus(session, assessment_id=assessment.id, characteristic=consensus.characteristic,
                             level_now=consensus.level_now, level_two_years=consensus.level_two_years,
                             set_by=consensus.set_by, reason=consensus.reason, now=CREATED)
