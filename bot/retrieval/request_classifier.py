"""Does a question ask for something no standard answers? A linear classifier on the question's embedding.

The rules of `intent.py` name the shapes such questions take (a fact, a chore, a price, news, an opinion), in
everyday words. People find more shapes than any list holds: on questions written by people who never saw the
rules, a few in each batch got through. This classifier reads the whole question's meaning instead: a logistic
regression on its embedding, fitted on the dev questions, on topic and off topic, for one embedder
(`scripts/train_request_classifier.py`; the weights ship in `request_classifier.json`). Left out batch by batch
(each batch one writer's questions), it caught about two thirds of the off-topic questions of the batch it had not
seen and no on-topic one, at `THRESHOLD`. It only adds to the rules: a question it flags gets the nearest topics
at most, never a standard (`relevance.judge_relevance`).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.retrieval.embedder import Embedder

CLASSIFIER_FILE = Path(__file__).with_name("request_classifier.json")
THRESHOLD = 0.9  # left out batch by batch, no on-topic dev question came this high (the highest: 0.88)


class RequestClassifier:
    """The probability that a question asks for something no standard answers."""

    def __init__(self, embedder: Embedder, weights: list[float], bias: float):
        self._embedder = embedder
        self._weights = np.asarray(weights, dtype=np.float64)
        self._bias = bias

    @classmethod
    def for_embedder(cls, embedder: Embedder) -> RequestClassifier | None:
        """The classifier fitted for this embedder; `None` when there is none (its vectors would mean nothing)."""
        fitted = _fitted()
        if fitted.get("embedder") != embedder.name:
            return None
        return cls(embedder, fitted["weights"], fitted["bias"])

    def probability(self, question: str) -> float:
        vector = np.asarray(self._embedder.embed([question])[0], dtype=np.float64)
        return round(1.0 / (1.0 + math.exp(-(float(vector @ self._weights) + self._bias))), 6)


@lru_cache(maxsize=1)
def _fitted() -> dict[str, Any]:
    fitted: dict[str, Any] = json.loads(CLASSIFIER_FILE.read_text(encoding="utf-8"))
    return fitted
