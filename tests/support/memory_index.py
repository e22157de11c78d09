"""In memory, for fast tests and the fusion benchmark: an exact dense index with the same contract as the Chroma
store, and an embedder that embeds each distinct text once."""

from __future__ import annotations

import heapq
from collections.abc import Collection, Sequence

from bot.retrieval.documents import IndexDocument
from bot.retrieval.embedder import Embedder, cosine


class InMemoryDenseIndex:
    """Embeds every document once and answers by brute-force cosine similarity."""

    def __init__(self, documents: Sequence[IndexDocument], embedder: Embedder):
        self._embedder = embedder
        self._ids = [document.id for document in documents]
        self._vectors = embedder.embed([document.dense_text for document in documents])

    def similarities(self, query: str, *, k: int, entry_ids: Collection[str] | None = None) -> dict[str, float]:
        if k <= 0:
            return {}
        query_vector = self._embedder.embed([query])[0]
        scored = (
            (cosine(query_vector, vector), entry_id)
            for entry_id, vector in zip(self._ids, self._vectors, strict=True)
            if entry_ids is None or entry_id in entry_ids
        )
        return {entry_id: score for score, entry_id in heapq.nlargest(k, scored)}


class RememberingEmbedder:
    """Wraps an embedder and embeds each distinct text once (tuning runs and tests that reuse texts)."""

    def __init__(self, inner: Embedder):
        self.inner = inner
        self.name = inner.name
        self._vectors: dict[str, list[float]] = {}

    def embed(self, texts: list[str]) -> list[list[float]]:
        missing = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self.inner.embed(missing), strict=True))
        return [self._vectors[text] for text in texts]
