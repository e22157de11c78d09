"""Scoring on small hand-made assessments whose every number is worked out by hand."""

from __future__ import annotations

import hashlib
import json
import random
from decimal import Decimal

import pytest

from bot.errors import InvalidInputError, UnknownIdError
from bot.knowledge import KnowledgeBase
from bot.scoring.inputs import ConfirmedLevel, ConsensusLevel, ScoringInput
from bot.scoring.results import AssessmentResult, ConsensusSource, RatingStatus
from bot.scoring.score import score_assessment


def confirmed(stakeholder: str, characteristic: str, now: int | None, later: int | None = None,
              suggested: int | None = None, at: str = "2026-01-10T10:00:00+00:00") -> ConfirmedLevel:
    return ConfirmedLevel(stakeholder=stakeholder, characteristic=characteristic, level_now=now,
                          level_two_years=later, suggested_level=suggested,
                          overridden=suggested is not None and suggested != now, confirmed_by=stakeholder,
                          confirmed_at=at)


def make_input(kb: KnowledgeBase, rows: list[ConfirmedLevel], consensus: list[ConsensusLevel] | None = None,
               stakeholders: list[str] | None = None) -> ScoringInput:
    return ScoringInput(assessment="Test town 2026", community="Test town", cycle="2026",
                        knowledge_version=kb.version, stakeholders=stakeholders or ["ann", "bob", "cat", "dan"],
                        confirmed=rows, consensus=consensus or [], as_of="2026-01-10T10:00:00+00:00")


@pytest.fixture(scope="module")
def small(kb: KnowledgeBase) -> tuple[ScoringInput, AssessmentResult]:
    rows = [
        # 1.1.1: four levels now 1, 2, 3, 4 -> lower median 2, spread 3; two years 3, 3, 4, 5 -> 3
        confirmed("ann", "1.1.1", 1, 3, suggested=1), confirmed("bob", "1.1.1", 2, 3, suggested=3),
        confirmed("cat", "1.1.1", 3, 4), confirmed("dan", "1.1.1", 4, 5, suggested=4),
        # 1.1.2: 2, 2, don't know, unanswered -> consensus 2, spread 0
        confirmed("ann", "1.1.2", 2, 2), confirmed("bob", "1.1.2", 2, 3), confirmed("cat", "1.1.2", None),
        # 4.3: facilitator consensus 4 (two years 5) over stakeholder levels 1 and 3
        confirmed("ann", "4.3", 1, 2), confirmed("bob", "4.3", 3, 3),
    ]
    consensus = [ConsensusLevel(characteristic="4.3", level_now=4, level_two_years=5, set_by="fay",
                                reason="workshop")]
    inputs = make_input(kb, rows, consensus)
    return inputs, score_assessment(inputs, kb)


def test_per_stakeholder_rows_cover_every_characteristic(small: tuple[ScoringInput, AssessmentResult],
                                                         kb: KnowledgeBase) -> None:
    _, result = small
    assert len(result.stakeholder_levels) == 4 * len(kb.characteristics)
    row = next(r for r in result.stakeholder_levels if (r.stakeholder, r.characteristic) == ("ann", "1.1.1"))
    assert (row.status, row.level_now, row.level_two_years, row.gap) == (RatingStatus.RATED, 1, 3, 2)
    dont_know = next(r for r in result.stakeholder_levels if (r.stakeholder, r.characteristic) == ("cat", "1.1.2"))
    assert dont_know.status == RatingStatus.DONT_KNOW and dont_know.gap is None
    missing = next(r for r in result.stakeholder_levels if (r.stakeholder, r.characteristic) == ("dan", "1.1.2"))
    assert missing.status == RatingStatus.NOT_ANSWERED


def test_median_consensus_spread_and_disagreement(small: tuple[ScoringInput, AssessmentResult]) -> None:
    _, result = small
    c = result.characteristic("1.1.1")
    assert (c.consensus_now, c.consensus_two_years, c.gap) == (2, 3, 1)
    assert (c.min_now, c.max_now, c.spread, c.disagreement) == (1, 4, 3, True)
    assert c.consensus_now_source == ConsensusSource.MEDIAN
    other = result.characteristic("1.1.2")
    assert (other.consensus_now, other.spread, other.disagreement) == (2, 0, False)
    assert (other.answered, other.rated, other.expected) == (3, 2, 4)
    # two-year levels 2 and 3: the lower median
    assert other.consensus_two_years == 2


def test_facilitator_consensus_wins_over_the_median(small: tuple[ScoringInput, AssessmentResult]) -> None:
    _, result = small
    c = result.characteristic("4.3")
    assert (c.median_now, c.consensus_now, c.consensus_two_years) == (1, 4, 5)
    assert c.consensus_now_source == ConsensusSource.FACILITATOR
    assert c.consensus_set_by == "fay" and c.consensus_reason == "workshop"
    assert c.disagreement  # 1 and 3 are two apart, whatever the facilitator decided
    assert result.consensus_set_by == ["fay"]


def test_group_scores_are_exact_means_rounded_half_up(small: tuple[ScoringInput, AssessmentResult]) -> None:
    _, result = small
    sub = next(s for s in result.sub_dimensions if s.id == "1.1")
    assert (sub.score_now, sub.score_two_years, sub.gap) == (Decimal("2.00"), Decimal("2.50"), Decimal("0.50"))
    assert (sub.scored, sub.characteristics) == (2, 2)
    dimension_1 = next(d for d in result.dimensions if d.id == "1")
    assert dimension_1.score_now == Decimal("2.00") and dimension_1.scored == 2
    purposes = next(d for d in result.dimensions if d.id == "4")
    assert purposes.score_now == Decimal("4.00") and purposes.scored == 1
    # overall: consensus levels 2, 2, 4 -> 8/3 = 2.67; two years 3, 2, 5 -> 10/3 = 3.33
    assert (result.overall.score_now, result.overall.score_two_years) == (Decimal("2.67"), Decimal("3.33"))
    assert result.overall.gap == Decimal("0.66")
    empty = next(s for s in result.sub_dimensions if s.id == "2.1")
    assert empty.score_now is None and empty.gap is None and empty.scored == 0


def test_completeness_counts_dont_know_but_scores_do_not(small: tuple[ScoringInput, AssessmentResult],
                                                         kb: KnowledgeBase) -> None:
    _, result = small
    expected = 4 * len(kb.characteristics)
    assert (result.completeness.answered, result.completeness.rated, result.completeness.expected) == (9, 8, expected)
    assert result.completeness.percent == round(100 * 9 / expected)


def test_method_summary_counts_suggestions(small: tuple[ScoringInput, AssessmentResult]) -> None:
    _, result = small
    m = result.method
    assert (m.confirmations, m.suggestions_accepted, m.suggestions_overridden, m.without_suggestion) == (9, 2, 1, 6)
    assert m.facilitator_consensus == 1
    assert "ties resolved downwards" in m.aggregation_rule and "half up" in m.rounding_rule


def test_weakest_and_largest_gaps_carry_next_level_criteria_and_annex_b(
        small: tuple[ScoringInput, AssessmentResult], kb: KnowledgeBase) -> None:
    _, result = small
    assert [w.characteristic for w in result.weakest] == ["1.1.1", "1.1.2", "4.3"]  # 2, 2 (ties by id), 4
    first = result.weakest[0]
    assert first.next_level == 3 and first.next_level_name == kb.level_name(3)
    assert first.next_level_criteria == kb.characteristic("1.1.1").level(3).criteria
    expected_ids = [e.id for e in kb.annex_b_for_characteristic(kb.characteristic("1.1.1"))]
    assert expected_ids and [s.annex_b_id for s in first.standards] == expected_ids
    assert all(s.title for s in first.standards)
    assert [g.characteristic for g in result.largest_gaps] == ["1.1.1", "4.3"]
    assert [d.characteristic for d in result.disagreements] == ["1.1.1", "4.3"]  # spread 3 before spread 2
    assert [(v.stakeholder, v.level) for v in result.disagreements[0].levels] == [
        ("ann", 1), ("bob", 2), ("cat", 3), ("dan", 4)]


def test_level_five_has_no_next_level(kb: KnowledgeBase) -> None:
    result = score_assessment(make_input(kb, [confirmed("ann", "2.1.1", 5, 5)], stakeholders=["ann"]), kb)
    assert result.weakest[0].next_level is None and result.weakest[0].next_level_criteria is None


def test_latest_confirmation_wins(kb: KnowledgeBase) -> None:
    rows = [confirmed("ann", "1.1.1", 4, at="2026-02-01T00:00:00+00:00"),
            confirmed("ann", "1.1.1", 1, at="2026-01-01T00:00:00+00:00")]
    for order in (rows, rows[::-1]):
        result = score_assessment(make_input(kb, order, stakeholders=["ann"]), kb)
        assert result.characteristic("1.1.1").consensus_now == 4


def test_input_order_does_not_change_a_single_byte(small: tuple[ScoringInput, AssessmentResult],
                                                   kb: KnowledgeBase) -> None:
    inputs, result = small
    rng = random.Random(7)
    for _ in range(5):
        rows, people = list(inputs.confirmed), list(inputs.stakeholders)
        rng.shuffle(rows)
        rng.shuffle(people)
        shuffled = inputs.model_copy(update={"confirmed": rows, "stakeholders": people})
        again = score_assessment(shuffled, kb)
        assert again.canonical_json() == result.canonical_json()
        assert again.sha256 == result.sha256


def test_a_changed_level_changes_the_hash(small: tuple[ScoringInput, AssessmentResult], kb: KnowledgeBase) -> None:
    inputs, result = small
    rows = [r if (r.stakeholder, r.characteristic) != ("cat", "1.1.1") else r.model_copy(update={"level_now": 2})
            for r in inputs.confirmed]
    assert score_assessment(inputs.model_copy(update={"confirmed": rows}), kb).sha256 != result.sha256


def test_canonical_json_is_sorted_compact_and_float_free(small: tuple[ScoringInput, AssessmentResult]) -> None:
    _, result = small
    text = result.canonical_json()
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert result.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = json.loads(text)
    assert document["overall"]["score_now"] == "2.67"

    def floats(value: object) -> list[float]:
        if isinstance(value, float):
            return [value]
        if isinstance(value, dict):
            return [f for v in value.values() for f in floats(v)]
        if isinstance(value, list):
            return [f for v in value for f in floats(v)]
        return []

    assert floats(document) == []
    reparsed = AssessmentResult.model_validate_json(text)
    assert reparsed.canonical_json() == text
    for key in ("knowledge_version", "assessment", "community", "cycle", "as_of"):
        assert key in document


def test_scoring_does_not_mutate_inputs(small: tuple[ScoringInput, AssessmentResult], kb: KnowledgeBase) -> None:
    inputs, _ = small
    before = inputs.model_dump_json()
    score_assessment(inputs, kb)
    assert inputs.model_dump_json() == before


def test_unknown_characteristic_and_conflicting_consensus_are_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownIdError):
        score_assessment(make_input(kb, [confirmed("ann", "9.9.9", 2)]), kb)
    clash = [ConsensusLevel(characteristic="1.1.1", level_now=2, set_by="fay"),
             ConsensusLevel(characteristic="1.1.1", level_now=3, set_by="fay")]
    with pytest.raises(InvalidInputError):
        score_assessment(make_input(kb, [], clash), kb)


def test_an_empty_assessment_scores_to_nothing(kb: KnowledgeBase) -> None:
    result = score_assessment(make_input(kb, [], stakeholders=["ann"]), kb)
    assert result.overall.score_now is None and result.weakest == [] and result.disagreements == []
    assert result.completeness.answered == 0 and result.completeness.expected == len(kb.characteristics)


def test_rated_completeness_leaves_out_dont_know_and_says_how_many(small: tuple[ScoringInput, AssessmentResult],
                                                                   kb: KnowledgeBase) -> None:
    _, result = small
    expected = 4 * len(kb.characteristics)
    c = result.completeness
    assert (c.rated, c.dont_know_or_skipped, c.rated_percent) == (8, 1, round(100 * 8 / expected))
    assert c.percent == round(100 * 9 / expected)  # the existing field keeps its meaning
    sub = next(s for s in result.sub_dimensions if s.id == "1.1")  # 1.1.1: 4 rated; 1.1.2: 2 rated, 1 don't know
    assert (sub.answered, sub.rated, sub.dont_know_or_skipped, sub.expected) == (7, 6, 1, 8)
    assert (sub.completeness_percent, sub.rated_percent) == (88, 75)


def test_not_rated_lists_every_characteristic_without_a_consensus(small: tuple[ScoringInput, AssessmentResult],
                                                                  kb: KnowledgeBase) -> None:
    _, result = small
    assert result.not_rated == [c.id for c in result.characteristics if c.id not in {"1.1.1", "1.1.2", "4.3"}]
    assert len(result.not_rated) == len(kb.characteristics) - 3
    assert not set(result.not_rated) & {w.characteristic for w in result.weakest}
