"""`score_assessment`: confirmed levels in, one `AssessmentResult` out. Pure and deterministic."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.base import KnowledgeBase
from bot.scoring.aggregate import (
    characteristic_result,
    consensus_by_characteristic,
    id_key,
    latest_confirmations,
    stakeholder_level,
)
from bot.scoring.groups import OVERALL_ID, OVERALL_NAME, completeness, group_score
from bot.scoring.inputs import ScoringInput
from bot.scoring.priorities import TOP_N, disagreements, largest_gaps, weakest
from bot.scoring.results import AssessmentResult, ConsensusSource, MethodSummary, RatingStatus, StakeholderLevel
from bot.scoring.rounding import AGGREGATION_RULE, ROUNDING_RULE


def score_assessment(inputs: ScoringInput, kb: KnowledgeBase, *, top: int = TOP_N) -> AssessmentResult:
    """Score one assessment from its human-confirmed levels.

    No I/O, no clock, no mutation: the same inputs and knowledge base give a byte-identical
    `canonical_json()` whatever order the inputs come in.

    >>> result = score_assessment(inputs, kb)
    >>> result.overall.score_now          # a Decimal with two places, e.g. Decimal('2.48')
    >>> result.canonical_json(), result.sha256

    Raises `UnknownIdError` for a characteristic the knowledge base does not know and
    `InvalidInputError` for two different facilitator consensus levels on one characteristic.
    """
    for item in inputs.confirmed:
        kb.characteristic(item.characteristic)
    consensus = consensus_by_characteristic(inputs.consensus)
    for characteristic_id in consensus:
        kb.characteristic(characteristic_id)

    stakeholders = sorted(set(inputs.stakeholders) | {c.stakeholder for c in inputs.confirmed})
    latest = latest_confirmations(inputs.confirmed)
    rows_by_characteristic = {
        c.id: [stakeholder_level(s, c.id, latest.get((s, c.id))) for s in stakeholders] for c in kb.characteristics
    }
    characteristics = sorted(
        (characteristic_result(c, rows_by_characteristic[c.id], consensus.get(c.id)) for c in kb.characteristics),
        key=lambda r: id_key(r.id),
    )
    rows = sorted(
        (row for group in rows_by_characteristic.values() for row in group),
        key=lambda r: (r.stakeholder, id_key(r.characteristic)),
    )

    sub_dimensions = [
        group_score(sub.id, sub.name, [c for c in characteristics if c.sub_dimension == sub.id])
        for sub in sorted(kb.sub_dimensions, key=lambda s: id_key(s.id))
    ]
    dimensions = [
        group_score(dim.id, dim.name, [c for c in characteristics if c.dimension == dim.id])
        for dim in sorted(kb.dimensions, key=lambda d: id_key(d.id))
    ]
    return AssessmentResult(
        assessment=inputs.assessment,
        community=inputs.community,
        cycle=inputs.cycle,
        as_of=inputs.as_of,
        knowledge_version=kb.version,
        inputs_knowledge_version=inputs.knowledge_version,
        level_names=[name.name for name in sorted(kb.level_names, key=lambda n: n.level)],
        stakeholders=stakeholders,
        confirmed_by=sorted({row.confirmed_by for row in rows if row.confirmed_by}),
        consensus_set_by=sorted({c.set_by for c in consensus.values()}),
        stakeholder_levels=rows,
        characteristics=characteristics,
        sub_dimensions=sub_dimensions,
        dimensions=dimensions,
        overall=group_score(OVERALL_ID, OVERALL_NAME, characteristics),
        completeness=completeness(rows),
        weakest=weakest(kb, characteristics, top),
        not_rated=[c.id for c in characteristics if c.consensus_now is None],
        largest_gaps=largest_gaps(kb, characteristics, top),
        disagreements=disagreements(characteristics, rows),
        method=method_summary(rows, sum(c.consensus_now_source == ConsensusSource.FACILITATOR
                                        for c in characteristics)),
        display_names=dict(sorted(inputs.display_names.items())),
    )


def method_summary(rows: Sequence[StakeholderLevel], facilitator_consensus: int) -> MethodSummary:
    """Count how confirmations relate to the bot's suggestions, for the report's method section."""
    confirmed = [r for r in rows if r.status != RatingStatus.NOT_ANSWERED]
    overridden = sum(_overrides_suggestion(r) for r in confirmed)
    accepted = sum(r.suggested_level is not None and not _overrides_suggestion(r) for r in confirmed)
    return MethodSummary(
        aggregation_rule=AGGREGATION_RULE,
        rounding_rule=ROUNDING_RULE,
        confirmations=len(confirmed),
        suggestions_accepted=accepted,
        suggestions_overridden=overridden,
        without_suggestion=len(confirmed) - accepted - overridden,
        facilitator_consensus=facilitator_consensus,
    )


def _overrides_suggestion(row: StakeholderLevel) -> bool:
    return row.overridden or (row.suggested_level is not None and row.level_now != row.suggested_level)
