from bot.knowledge import KnowledgeBase
from bot.scoring.results import RatingStatus
from bot.scoring.score import score_assessment
from tests.support.sample_assessment import sample_scoring_input


def test_the_sample_assessment_is_reproducible_and_realistic(kb: KnowledgeBase) -> None:
    inputs = sample_scoring_input(kb, stakeholders=20)
    assert inputs == sample_scoring_input(kb, stakeholders=20)
    assert inputs != sample_scoring_input(kb, stakeholders=20, seed=1)
    assert len(inputs.stakeholders) == 20
    assert {c.characteristic for c in inputs.confirmed} == set(kb.characteristic_ids)
    result = score_assessment(inputs, kb)
    statuses = {row.status for row in result.stakeholder_levels}
    assert statuses == {RatingStatus.RATED, RatingStatus.DONT_KNOW, RatingStatus.NOT_ANSWERED}
    assert result.disagreements and result.largest_gaps and len(result.weakest) == 5
    assert result.method.suggestions_overridden > 0 and result.method.facilitator_consensus > 0
    assert result.overall.scored == len(kb.characteristics)
    assert result.as_of == max(c.confirmed_at or "" for c in inputs.confirmed)
