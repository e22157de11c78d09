"""What retrieval returns and the protocol every retriever implements.

The rest of the code sees only `Retriever.search`; Chroma, BM25 and the fusion stay behind it.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from bot.retrieval.relevance import RelevanceBands, RelevanceSignals
    from bot.retrieval.topics import TopicHit


class RetrievalMode(StrEnum):
    HYBRID = "hybrid"  # dense and BM25, fused
    DENSE = "dense"  # embeddings only (a baseline)
    BM25 = "bm25"  # lexical only (a baseline)


class EntryKind(StrEnum):
    CRITERION = "criterion"  # one level's criteria of one characteristic, id "1.2.1/L3"
    STANDARD = "standard"  # a standard's description (Table 3, Annex B, clause 2), id "ISO 37106"
    ANNEX_B = "annex_b"  # one Annex B row, id "annexB:2.2:1"
    ANNEX_C = "annex_c"  # one ISO 18091 function of Annex C, id "annexC:4.1:B.1.9"


class RetrievedEntry(BaseModel):
    """One knowledge-base entry found for a query; `id` always resolves with `KnowledgeBase.has_entry`.

    `score` orders the results of one search (higher is better); it is not comparable across modes.
    `dense_similarity` (cosine, -1..1) and `lexical_score` (BM25) are the raw signals behind it,
    `None` when the mode did not compute them.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    kind: EntryKind
    text: str
    characteristic: str | None = None
    level: int | None = None
    standard: str | None = None
    ref: str | None = None
    score: float
    dense_similarity: float | None = None
    lexical_score: float | None = None


class Retriever(Protocol):
    def search(
        self,
        query: str,
        *,
        k: int = 5,
        kinds: Collection[EntryKind] | None = None,
        characteristic: str | None = None,
        mode: RetrievalMode = RetrievalMode.HYBRID,
    ) -> list[RetrievedEntry]:
        """The `k` entries most relevant to `query`, best first.

        `kinds` keeps only entries of those kinds. `characteristic` keeps only entries about that
        characteristic: its criteria, the Annex B rows of its sub-dimension and dimension, and (for a
        purpose) its Annex C functions.
        """
        ...


@runtime_checkable
class JudgesRelevance(Protocol):
    """A retriever that can tell how close a question comes to the model (`bot.retrieval.relevance`).

    `relevance_bands` is `None` when its embedder has no calibrated similarity scale (the hashing
    embedder): relevance then falls back to whether the question shares a word with the knowledge base.
    """

    relevance_bands: RelevanceBands | None

    def relevance_signals(self, query: str) -> RelevanceSignals: ...

    def nearest_topics(self, query: str, n: int = 3) -> list[TopicHit]: ...
