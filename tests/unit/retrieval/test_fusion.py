import pytest

from bot.retrieval.fusion import FusionConfig, FusionMethod, fuse, reciprocal_rank_fusion, weighted_score_fusion


def test_rrf_sums_reciprocal_ranks_with_weights():
    fused = dict(reciprocal_rank_fusion({1: 0.9, 2: 0.5}, {2: 10.0, 3: 4.0}, k=10, dense_weight=0.5))
    assert fused[2] == pytest.approx(0.5 / 12 + 0.5 / 11)
    assert fused[1] == pytest.approx(0.5 / 11)
    assert fused[3] == pytest.approx(0.5 / 12)


def test_rrf_puts_a_document_both_rankings_agree_on_first():
    ranking = reciprocal_rank_fusion({1: 0.9, 2: 0.8}, {2: 5.0, 3: 4.0})
    assert [index for index, _ in ranking] == [2, 1, 3]


def test_weighted_fusion_normalises_each_ranking():
    ranking = weighted_score_fusion({1: 0.9, 2: 0.3}, {2: 100.0, 1: 50.0}, dense_weight=0.7)
    scores = dict(ranking)
    assert scores[1] == pytest.approx(0.7 * 1.0 + 0.3 * 0.0)
    assert scores[2] == pytest.approx(0.7 * 0.0 + 0.3 * 1.0)
    assert ranking[0][0] == 1


def test_ties_break_on_document_order_and_empty_rankings_fuse_to_nothing():
    assert [index for index, _ in reciprocal_rank_fusion({5: 1.0}, {4: 1.0})] == [4, 5]
    assert fuse({}, {}, FusionConfig()) == []
    assert fuse({}, {}, FusionConfig(method=FusionMethod.WEIGHTED)) == []


def test_fuse_dispatches_on_the_method():
    dense, lexical = {1: 0.9, 2: 0.1}, {2: 3.0}
    assert fuse(dense, lexical, FusionConfig(method=FusionMethod.RRF, rrf_k=5)) == reciprocal_rank_fusion(
        dense, lexical, k=5
    )
    assert fuse(dense, lexical, FusionConfig(method=FusionMethod.WEIGHTED)) == weighted_score_fusion(dense, lexical)
