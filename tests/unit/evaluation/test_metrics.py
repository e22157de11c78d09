import pytest

from bot.evaluation import metrics


def test_exact_and_within_one_count_abstentions_as_misses() -> None:
    predicted = [3, 2, None, 5]
    expected = [3, 3, 2, 3]
    acceptable = [[3], [3], [2], [3]]
    assert metrics.exact_rate(predicted, acceptable) == 0.25
    assert metrics.within_one_rate(predicted, expected, acceptable) == 0.5
    assert metrics.exact_rate([2], [[2, 3]]) == 1.0


def test_quadratic_weighted_kappa_known_values() -> None:
    assert metrics.quadratic_weighted_kappa([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]) == 1.0
    assert metrics.quadratic_weighted_kappa([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]) == pytest.approx(-1.0)
    assert metrics.quadratic_weighted_kappa([1, 2, 3, 4], [2, 2, 2, 2]) == 0.0


def test_qwk_small_hand_computed_case() -> None:
    # expected [1, 2], predicted [1, 3]: O = {(1,1):1, (2,3):1}; weights (i-j)^2/16.
    # numerator = 1/16; E = outer([1,1,0,0,0],[1,0,1,0,0])/2 -> cells (1,1),(1,3),(2,1),(2,3) each 0.5
    # denominator = 0.5 * (0 + 4/16 + 1/16 + 1/16) = 0.1875; kappa = 1 - 0.0625 / 0.1875 = 2/3
    assert metrics.quadratic_weighted_kappa([1, 2], [1, 3]) == pytest.approx(2 / 3)


def test_mae_and_answered_pairs() -> None:
    expected, predicted = metrics.answered_pairs([1, None, 4], [2, 3, 4])
    assert (expected, predicted) == ([2, 4], [1, 4])
    assert metrics.mean_absolute_error(expected, predicted) == 0.5


def test_confusion_matrix_has_an_abstain_column() -> None:
    matrix = metrics.confusion_matrix([1, 1, 5], [1, None, 4])
    assert matrix[0] == [1, 0, 0, 0, 0, 1]
    assert matrix[4] == [0, 0, 0, 1, 0, 0]


def test_abstention_rates() -> None:
    assert metrics.abstain_recall([None, None, 3, None]) == 0.75
    assert metrics.false_abstain_rate([1, None, 2, 3]) == 0.25


def test_ranking_metrics() -> None:
    ranked = [["ISO 37106", "ISO 37104"], ["ISO 37101", "ISO 37106", "ISO 37122"], ["ISO 9001"]]
    expected = [["ISO 37106"], ["ISO 37122"], ["ISO 37106"]]
    assert metrics.recall_at_k(ranked, expected, 1) == pytest.approx(1 / 3)
    assert metrics.recall_at_k(ranked, expected, 3) == pytest.approx(2 / 3)
    assert metrics.mean_reciprocal_rank(ranked, expected) == pytest.approx((1 + 1 / 3 + 0) / 3)


def test_citation_validity_and_percentiles() -> None:
    known = {"1.1.1/L2", "ISO 37106"}
    assert metrics.citation_validity(["1.1.1/L2", "ISO 37106", "made-up"], known.__contains__) == pytest.approx(2 / 3)
    assert metrics.citation_validity([], known.__contains__) == 1.0
    assert metrics.percentile([10, 20, 30, 40, 50], 50) == 30
    assert metrics.percentile([10, 20, 30, 40, 50], 95) == pytest.approx(48)
    assert metrics.most_common([2, 3, 3, 2, 1]) == 2


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        metrics.exact_rate([1, 2], [[1]])


def test_confidence_by_outcome_means_exact_and_not_exact() -> None:
    assert metrics.confidence_by_outcome([0.9, 0.7, 0.3, 0.5], [True, True, False, False]) == \
        pytest.approx((0.8, 0.4))
    assert metrics.confidence_by_outcome([0.6], [True]) == (0.6, 0.0)
    assert metrics.confidence_by_outcome([], []) == (0.0, 0.0)
    with pytest.raises(ValueError):
        metrics.confidence_by_outcome([0.5], [])


def test_recall_all_at_k_needs_every_expected_item_up_to_k():
    ranked = [["a", "b", "c"], ["a", "x", "y", "b"], ["x", "a"], ["a", "b", "c"]]
    expected = [["b", "a"], ["a", "b"], ["a"], ["a", "b", "c", "d"]]
    # 1: both in the top 3; 2: b is fourth; 3: a is second; 4: four expected, the first three suffice
    assert metrics.recall_all_at_k(ranked, expected, 3) == pytest.approx(3 / 4)
    assert metrics.recall_all_at_k(ranked, expected, 1) == pytest.approx(3 / 4)
    assert metrics.recall_all_at_k([], [], 3) == 0.0


def test_share_of_nothing_is_zero():
    assert (metrics.share(1, 4), metrics.share(0, 0)) == (0.25, 0.0)
