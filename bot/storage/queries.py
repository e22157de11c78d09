"""Read models built from the audit trail: what scoring takes in."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.interview.messages import Horizon, Outcome, Role
from bot.scoring.inputs import ConfirmedLevel, ConsensusLevel, ScoringInput
from bot.storage.assessments import get_assessment, participants
from bot.storage.display_names import display_names
from bot.storage.records import ConfirmationRecord, iso
from bot.storage.review import latest_confirmations, latest_consensus


def scoring_input_for(session: Session, assessment_name: str, knowledge_version: str | None = None) -> ScoringInput:
    """The confirmed levels of one assessment as scoring takes them: the latest confirmation of each
    stakeholder, characteristic and horizon, and the latest consensus per characteristic.

    Only confirmed levels go in, never bare suggestions. Lists are sorted (stakeholder, characteristic),
    and times are ISO 8601 UTC text, so the same stored records give the same input on any database.
    `knowledge_version` defaults to the version the assessment was created with.
    """
    assessment = get_assessment(session, assessment_name)
    stakeholders = sorted(p.name for p in participants(session, assessment.id, Role.STAKEHOLDER))
    grouped: dict[tuple[str, str], dict[Horizon, ConfirmationRecord]] = {}
    for record in latest_confirmations(session, assessment.id):
        grouped.setdefault((record.stakeholder, record.characteristic), {})[record.horizon] = record
    confirmed = [_confirmed_level(stakeholder, characteristic, horizons)
                 for (stakeholder, characteristic), horizons in sorted(grouped.items())]
    consensus = [ConsensusLevel(characteristic=c.characteristic, level_now=c.level_now,
                                level_two_years=c.level_two_years, set_by=c.set_by, reason=c.reason)
                 for c in latest_consensus(session, assessment.id)]
    moments = [r.created_at for horizons in grouped.values() for r in horizons.values()]
    moments += [c.created_at for c in latest_consensus(session, assessment.id)]
    return ScoringInput(
        assessment=assessment.name, community=assessment.community, cycle=assessment.cycle,
        knowledge_version=knowledge_version or assessment.knowledge_version, stakeholders=stakeholders,
        confirmed=confirmed, consensus=consensus, as_of=iso(max(moments)) if moments else None,
        display_names=display_names(session, [p.name for p in participants(session, assessment.id)]),
    )


def _confirmed_level(stakeholder: str, characteristic: str,
                     horizons: dict[Horizon, ConfirmationRecord]) -> ConfirmedLevel:
    now = horizons.get(Horizon.NOW)
    two_years = horizons.get(Horizon.TWO_YEARS)
    main = now or two_years
    assert main is not None
    return ConfirmedLevel(
        stakeholder=stakeholder, characteristic=characteristic,
        level_now=now.level if now else None, level_two_years=two_years.level if two_years else None,
        suggested_level=now.suggested_level if now else None,
        overridden=bool(now and now.outcome == Outcome.OVERRIDDEN),
        confirmed_by=main.confirmed_by,
        confirmed_at=iso(max(r.created_at for r in horizons.values())),
    )
