"""`mmssc bench fusion`: how the fusion was chosen, reproducibly (docs/retrieval.md keeps the numbers).

Every fusion candidate ranks the standards of the given questions with the same documents and the same
embeddings (exact in-memory cosine, which the integration tests show equals Chroma's); the scores use
the eval runner's definitions (recall@1: an expected standard first; recall@3: every expected standard,
up to three, among the first three; MRR of the first), over the on-topic questions (off-topic ones,
with no expected standard, measure the relevance gate, not the ranking). The questions are also split
in two halves, so a choice that only fits one half shows up.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from benchmarks import DEV_CASES
from bot.evaluation.metrics import mean_reciprocal_rank, recall_all_at_k, recall_at_k
from bot.knowledge import KnowledgeBase
from bot.retrieval.documents import build_index_documents
from bot.retrieval.embedder import Embedder
from bot.retrieval.fusion import FusionConfig, FusionMethod
from bot.retrieval.hybrid import DEFAULT_FUSION, HybridRetriever
from bot.retrieval.retriever import RetrievalMode
from bot.retrieval.standards import answer_standards_question
from bot.retrieval.standards_ranking import DEFAULT_WEIGHTS
from tests.support.memory_index import InMemoryDenseIndex, RememberingEmbedder

CANDIDATES = [
    *(FusionConfig(method=FusionMethod.RRF, rrf_k=k, dense_weight=w) for k in (10, 20, 60) for w in (0.3, 0.5, 0.7)),
    *(FusionConfig(method=FusionMethod.WEIGHTED, dense_weight=w) for w in (0.3, 0.5, 0.7)),
]


# How much a level's criteria count for the standards of their sub-dimension, how repeated mentions
# of one standard add up, and how closely a partner follows (bot.retrieval.standards_ranking).
WEIGHT_VARIANTS = [
    ("criteria weight 0", DEFAULT_WEIGHTS.model_copy(update={"criterion": 0.0})),
    ("criteria weight 0.3", DEFAULT_WEIGHTS.model_copy(update={"criterion": 0.3})),
    ("rank offset 2", DEFAULT_WEIGHTS.model_copy(update={"rank_offset": 2.0})),
    ("repeat decay 0.5", DEFAULT_WEIGHTS.model_copy(update={"repeat_decay": 0.5})),
    ("no partners following", DEFAULT_WEIGHTS.model_copy(update={"partner_share": 0.0})),
    ("partner share 0.5", DEFAULT_WEIGHTS.model_copy(update={"partner_share": 0.5})),
    ("partner share 0.9", DEFAULT_WEIGHTS.model_copy(update={"partner_share": 0.9})),
]


class StandardsQuestion(BaseModel):
    id: str
    question: str
    expected_standards: list[str]


class RankingScores(BaseModel):
    recall_at_1: float
    recall_at_3: float
    mrr: float


class FusionRow(BaseModel):
    label: str
    mode: RetrievalMode
    chosen: bool
    all: RankingScores
    first_half: RankingScores
    second_half: RankingScores


def load_standards_questions(directory: Path = DEV_CASES) -> list[StandardsQuestion]:
    """The on-topic questions of `directory/standards.jsonl` (those with expected standards)."""
    lines = (directory / "standards.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [StandardsQuestion.model_validate(json.loads(line)) for line in lines if line.strip()]
    return [question for question in questions if question.expected_standards]


def ranking_scores(ranked: Sequence[Sequence[str]], expected: Sequence[Sequence[str]]) -> RankingScores:
    """recall@1, recall@3 (every expected standard, up to three) and MRR: the eval's own metrics."""
    return RankingScores(
        recall_at_1=round(recall_at_k(ranked, expected, 1), 4),
        recall_at_3=round(recall_all_at_k(ranked, expected, 3), 4),
        mrr=round(mean_reciprocal_rank(ranked, expected), 4),
    )


def sweep_fusion(kb: KnowledgeBase, embedder: Embedder, questions: Sequence[StandardsQuestion]) -> list[FusionRow]:
    """Score every fusion candidate, and the dense-only and BM25-only baselines, on `questions`."""
    documents = build_index_documents(kb)
    dense = InMemoryDenseIndex(documents, RememberingEmbedder(embedder))
    expected = [q.expected_standards for q in questions]
    rows = []
    runs = [(f"{c.method.value} k={c.rrf_k} dense={c.dense_weight}" if c.method == FusionMethod.RRF
             else f"weighted dense={c.dense_weight}", c, RetrievalMode.HYBRID) for c in CANDIDATES]
    runs += [("dense only", DEFAULT_FUSION, RetrievalMode.DENSE), ("BM25 only", DEFAULT_FUSION, RetrievalMode.BM25)]
    weighted_runs = [(label, config, mode, DEFAULT_WEIGHTS) for label, config, mode in runs]
    weighted_runs += [(f"chosen fusion, {label}", DEFAULT_FUSION, RetrievalMode.HYBRID, weights)
                      for label, weights in WEIGHT_VARIANTS]
    for label, config, mode, weights in weighted_runs:
        retriever = HybridRetriever(documents, dense, fusion=config)
        answers = [answer_standards_question(q.question, kb, retriever, mode=mode, weights=weights) for q in questions]
        ranked = [[hit.id for hit in answer.standards] for answer in answers]
        chosen = mode == RetrievalMode.HYBRID and config == DEFAULT_FUSION and weights == DEFAULT_WEIGHTS
        rows.append(FusionRow(
            label=label, mode=mode, chosen=chosen,
            all=ranking_scores(ranked, expected),
            first_half=ranking_scores(ranked[0::2], expected[0::2]),
            second_half=ranking_scores(ranked[1::2], expected[1::2]),
        ))
    return rows
