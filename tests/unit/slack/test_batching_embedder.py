"""Concurrent embedding requests share model calls, and each caller gets its own vectors back."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.adapters.slack.batching_embedder import BatchingEmbedder


class SlowCountingEmbedder:
    """A vector per text that names it; each call takes a while; records batches and overlap."""

    name = "counting"

    def __init__(self, fail_on: str | None = None):
        self.batches: list[list[str]] = []
        self.running = 0
        self.most_at_once = 0
        self.fail_on = fail_on
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            self.batches.append(list(texts))
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        time.sleep(0.05)
        with self._lock:
            self.running -= 1
        if self.fail_on in texts:
            raise RuntimeError("the model failed")
        return [[float(len(text)), float(hash(text) % 1000)] for text in texts]


def test_many_callers_share_few_model_calls_and_get_their_own_vectors() -> None:
    inner = SlowCountingEmbedder()
    batching = BatchingEmbedder(inner, lanes=2)
    requests = [[f"answer {n} clause {c}" for c in range(3)] for n in range(40)]
    with ThreadPoolExecutor(max_workers=40) as pool:
        results = list(pool.map(batching.embed, requests))
    assert results == [inner_vectors(texts) for texts in requests]
    assert sum(len(batch) for batch in inner.batches) == 120  # every text embedded once
    assert len(inner.batches) < 10 and inner.most_at_once <= 2  # shared calls, never more than the lanes


def test_a_lone_caller_is_embedded_at_once_and_empty_input_needs_no_model() -> None:
    inner = SlowCountingEmbedder()
    batching = BatchingEmbedder(inner, lanes=2)
    assert batching.embed(["one"]) == inner_vectors(["one"]) and inner.batches == [["one"]]
    assert batching.embed([]) == [] and len(inner.batches) == 1
    assert batching.name == "counting"


def test_a_model_error_reaches_every_caller_of_the_batch_and_the_lanes_recover() -> None:
    inner = SlowCountingEmbedder(fail_on="boom")
    batching = BatchingEmbedder(inner, lanes=1)
    with pytest.raises(RuntimeError, match="the model failed"):
        batching.embed(["boom"])
    assert batching.embed(["fine"]) == inner_vectors(["fine"])


def inner_vectors(texts: list[str]) -> list[list[float]]:
    return [[float(len(text)), float(hash(text) % 1000)] for text in texts]
