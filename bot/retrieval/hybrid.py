"""The `Retriever`: a dense index and BM25 over the same documents, fused, with kind and characteristic filters."""

from __future__ import annotations

import heapq
from collections.abc import Collection, Sequence
from typing import Protocol

from bot.retrieval.documents import IndexDocument
from bot.retrieval.fusion import FusionConfig, FusionMethod, fuse
from bot.retrieval.guidance_request import asks_for_guidance
from bot.retrieval.intent import asks_a_chore_or_a_price, looks_up_a_fact
from bot.retrieval.lexical import BM25Index, tokenize
from bot.retrieval.other_fields import OtherFieldIndex
from bot.retrieval.pairs import numbers_named_in, standard_number
from bot.retrieval.query import strip_standard_mentions
from bot.retrieval.relevance import RelevanceBands, RelevanceSignals
from bot.retrieval.retriever import EntryKind, RetrievalMode, RetrievedEntry
from bot.retrieval.topics import TopicHit, TopicIndex

# Chosen by measurement on the dev cases (docs/retrieval.md).
DEFAULT_FUSION = FusionConfig(method=FusionMethod.RRF, rrf_k=20, dense_weight=0.3)
CANDIDATE_POOL = 50


class DenseIndex(Protocol):
    def similarities(self, query: str, *, k: int, entry_ids: Collection[str] | None = None) -> dict[str, float]:
        """Cosine similarity of the `k` nearest documents by entry id, optionally only among `entry_ids`."""
        ...


class HybridRetriever:
    """Dense + BM25 retrieval over the knowledge documents.

    >>> retriever = HybridRetriever(build_index_documents(kb), dense_index)
    >>> [e.id for e in retriever.search("open data portal", k=2, kinds=[EntryKind.ANNEX_B])]
    ['annexB:2.2:1', ...]
    """

    def __init__(
        self,
        documents: Sequence[IndexDocument],
        dense: DenseIndex,
        *,
        fusion: FusionConfig = DEFAULT_FUSION,
        candidate_pool: int = CANDIDATE_POOL,
        relevance_bands: RelevanceBands | None = None,
        topics: TopicIndex | None = None,
        other_fields: OtherFieldIndex | None = None,
    ):
        self.documents = list(documents)
        self.fusion = fusion
        self.relevance_bands = relevance_bands
        self._dense = dense
        self._topics = topics
        self._other_fields = other_fields
        self._candidate_pool = candidate_pool
        self._position = {document.id: index for index, document in enumerate(self.documents)}
        self._bm25 = BM25Index([document.search_text for document in self.documents])
        self._standard_numbers = {standard_number(d.id) for d in self.documents if d.kind == EntryKind.STANDARD}

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        kinds: Collection[EntryKind] | None = None,
        characteristic: str | None = None,
        mode: RetrievalMode = RetrievalMode.HYBRID,
    ) -> list[RetrievedEntry]:
        if not query.strip() or k <= 0:
            return []
        allowed = self._allowed(kinds, characteristic)
        if allowed is not None and not allowed:
            return []
        pool = max(k, self._candidate_pool)
        dense = self._dense_scores(query, pool, allowed) if mode != RetrievalMode.BM25 else {}
        lexical = self._lexical_scores(query, pool, allowed) if mode != RetrievalMode.DENSE else {}
        if mode == RetrievalMode.DENSE:
            ranking = sorted(dense.items(), key=lambda pair: (-pair[1], pair[0]))
        elif mode == RetrievalMode.BM25:
            ranking = sorted(lexical.items(), key=lambda pair: (-pair[1], pair[0]))
        else:
            ranking = fuse(dense, lexical, self.fusion)
        return [self._entry(index, score, dense.get(index), lexical.get(index)) for index, score in ranking[:k]]

    def relevance_signals(self, query: str) -> RelevanceSignals:
        """How close the question's subject (its standard names left out) comes to the knowledge base."""
        subject = strip_standard_mentions(query)
        nearest = self._dense.similarities(subject, k=1)
        topics = self.nearest_topics(subject, 1)
        tokens = tokenize(subject)
        known = self._bm25.query_tokens(subject)
        named = numbers_named_in(query)
        other_field = self._other_fields.nearest(subject) if self._other_fields is not None else None
        return RelevanceSignals(
            best_similarity=round(max(nearest.values()), 6) if nearest else None,
            topic_similarity=topics[0].similarity if topics else None,
            vocabulary_coverage=round(len(known) / len(tokens), 6) if tokens else 0.0,
            names_a_standard=bool(named & self._standard_numbers),
            looks_up_a_fact=looks_up_a_fact(query), asks_a_chore=asks_a_chore_or_a_price(query),
            asks_for_guidance=asks_for_guidance(query),
            nearest_other_field=other_field[0] if other_field else None,
            other_field_similarity=other_field[1] if other_field else None,
        )

    def nearest_topics(self, query: str, n: int = 3) -> list[TopicHit]:
        """The characteristics whose interview questions come closest to the question's subject."""
        return self._topics.nearest(strip_standard_mentions(query), n) if self._topics is not None else []

    def _allowed(self, kinds: Collection[EntryKind] | None, characteristic: str | None) -> set[int] | None:
        if kinds is None and characteristic is None:
            return None
        wanted = set(kinds) if kinds is not None else None
        return {
            index
            for index, document in enumerate(self.documents)
            if (wanted is None or document.kind in wanted)
            and (characteristic is None or characteristic in document.applies_to)
        }

    def _dense_scores(self, query: str, pool: int, allowed: set[int] | None) -> dict[int, float]:
        ids = None if allowed is None else {self.documents[index].id for index in allowed}
        limit = min(pool, len(self.documents) if ids is None else len(ids))
        similarities = self._dense.similarities(strip_standard_mentions(query), k=limit, entry_ids=ids)
        position = self._position
        return {position[entry_id]: score for entry_id, score in similarities.items() if entry_id in position}

    def _lexical_scores(self, query: str, pool: int, allowed: set[int] | None) -> dict[int, float]:
        scores = self._bm25.scores(query)
        candidates = (
            (score, index)
            for index, score in enumerate(scores)
            if score > 0 and (allowed is None or index in allowed)
        )
        return {index: score for score, index in heapq.nlargest(pool, candidates)}

    def _entry(self, index: int, score: float, dense: float | None, lexical: float | None) -> RetrievedEntry:
        document = self.documents[index]
        return RetrievedEntry(
            id=document.id,
            kind=document.kind,
            text=document.text,
            characteristic=document.characteristic,
            level=document.level,
            standard=document.standard,
            ref=document.ref,
            score=score,
            dense_similarity=dense,
            lexical_score=lexical,
        )
