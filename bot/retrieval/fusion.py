"""Fusing a dense and a lexical ranking into one: pure functions, measured in docs/retrieval.md.

Both take the candidates of each ranking as {document index: raw score} and return
(document index, fused score) pairs, best first. Ties break on the document index, so the order is
deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class FusionMethod(StrEnum):
    RRF = "rrf"  # reciprocal rank fusion: sum of weight / (k + rank)
    WEIGHTED = "weighted"  # weighted sum of min-max normalised scores


class FusionConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    method: FusionMethod = FusionMethod.RRF
    rrf_k: int = Field(default=60, ge=1)
    dense_weight: float = Field(default=0.5, ge=0.0, le=1.0)  # the lexical side gets 1 - dense_weight


def reciprocal_rank_fusion(
    dense: Mapping[int, float], lexical: Mapping[int, float], *, k: int = 60, dense_weight: float = 0.5
) -> list[tuple[int, float]]:
    """Cormack et al.'s RRF: each ranking adds weight / (k + rank), rank counted from 1."""
    fused: dict[int, float] = {}
    for ranking, weight in ((dense, dense_weight), (lexical, 1.0 - dense_weight)):
        for rank, index in enumerate(_order(ranking), start=1):
            fused[index] = fused.get(index, 0.0) + weight / (k + rank)
    return _order_pairs(fused)


def weighted_score_fusion(
    dense: Mapping[int, float], lexical: Mapping[int, float], *, dense_weight: float = 0.5
) -> list[tuple[int, float]]:
    """Weighted sum of scores min-max normalised within each ranking (a missing candidate counts 0)."""
    fused: dict[int, float] = {}
    for ranking, weight in ((dense, dense_weight), (lexical, 1.0 - dense_weight)):
        for index, normalised in _min_max(ranking).items():
            fused[index] = fused.get(index, 0.0) + weight * normalised
    return _order_pairs(fused)


def fuse(dense: Mapping[int, float], lexical: Mapping[int, float], config: FusionConfig) -> list[tuple[int, float]]:
    if config.method == FusionMethod.RRF:
        return reciprocal_rank_fusion(dense, lexical, k=config.rrf_k, dense_weight=config.dense_weight)
    return weighted_score_fusion(dense, lexical, dense_weight=config.dense_weight)


def _order(ranking: Mapping[int, float]) -> list[int]:
    return [index for index, _ in _order_pairs(ranking)]


def _order_pairs(scores: Mapping[int, float]) -> list[tuple[int, float]]:
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def _min_max(ranking: Mapping[int, float]) -> dict[int, float]:
    if not ranking:
        return {}
    low, high = min(ranking.values()), max(ranking.values())
    if high <= low:
        return {index: (1.0 if high > 0 else 0.0) for index in ranking}
    return {index: (score - low) / (high - low) for index, score in ranking.items()}
