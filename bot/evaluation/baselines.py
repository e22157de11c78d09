"""Baselines run side by side with the engine: what a level costs without understanding the answer.

- `MostCommonLevel`: always the most common expected level of the level cases.
- `EmbeddingNearestLevel`: the level whose criteria text is closest to the whole answer (cosine).
- `BM25NearestLevel`: the level whose criteria text scores best for the answer under BM25.
None of them ever abstains.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
from rank_bm25 import BM25Okapi

from bot.evaluation.metrics import most_common
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import Embedder
from bot.suggestion.words import content_tokens


class LevelPredictor(Protocol):
    name: str

    def predict(self, characteristic_id: str, answer: str) -> int: ...


class MostCommonLevel:
    name = "most_common_level"

    def __init__(self, expected_levels: list[int]):
        self.level = most_common(expected_levels) if expected_levels else 1

    def predict(self, characteristic_id: str, answer: str) -> int:
        return self.level


class EmbeddingNearestLevel:
    name = "nearest_level_embedding"

    def __init__(self, kb: KnowledgeBase, embedder: Embedder):
        self.kb = kb
        self.embedder = embedder
        self._criteria: dict[str, np.ndarray] = {}

    def predict(self, characteristic_id: str, answer: str) -> int:
        if characteristic_id not in self._criteria:
            levels = self.kb.characteristic(characteristic_id).levels
            self._criteria[characteristic_id] = np.asarray(self.embedder.embed([lv.criteria for lv in levels]))
        vector = np.asarray(self.embedder.embed([answer])[0])
        return int(np.argmax(self._criteria[characteristic_id] @ vector)) + 1


class BM25NearestLevel:
    name = "nearest_level_bm25"

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._indexes: dict[str, BM25Okapi] = {}

    def predict(self, characteristic_id: str, answer: str) -> int:
        if characteristic_id not in self._indexes:
            levels = self.kb.characteristic(characteristic_id).levels
            self._indexes[characteristic_id] = BM25Okapi([content_tokens(lv.criteria) or ["_"] for lv in levels])
        scores = self._indexes[characteristic_id].get_scores(content_tokens(answer))
        return int(np.argmax(scores)) + 1
