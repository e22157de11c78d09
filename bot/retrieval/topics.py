"""The model's topics: its 31 characteristics, found by their own plain-language interview questions.

The interview questions are written in the words stakeholders use ("What happens for residents who
can't or won't go online?"), so a question that misses every criterion and Annex B row by wording
still comes close to one of them. The relevance gate uses the nearest one as a signal; a clarifying
answer offers the nearest two or three. The 31 questions are embedded once, on first use.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import EmbeddedOnce, Embedder, cosine


class TopicHit(BaseModel):
    """A characteristic near a question: `characteristic` is its id (e.g. "2.3.1")."""

    model_config = ConfigDict(frozen=True)

    characteristic: str
    name: str
    sub_dimension: str
    sub_dimension_name: str
    similarity: float


class TopicIndex:
    """Cosine similarity of a text to each characteristic's interview question."""

    def __init__(self, kb: KnowledgeBase, embedder: Embedder):
        self._embedder = embedder
        self._topics = [
            TopicHit(characteristic=c.id, name=c.name, sub_dimension=c.sub_dimension,
                     sub_dimension_name=kb.sub_dimension(c.sub_dimension).name, similarity=0.0)
            for c in kb.characteristics
        ]
        self._questions = EmbeddedOnce(embedder, [c.question for c in kb.characteristics])

    def nearest(self, text: str, n: int = 3) -> list[TopicHit]:
        """The `n` characteristics whose questions are closest to `text`, closest first."""
        if n <= 0 or not self._topics:
            return []
        query = self._embedder.embed([text])[0]
        vectors = self._questions.vectors()
        scored = [(round(cosine(query, vector), 6), position) for position, vector in enumerate(vectors)]
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [self._topics[position].model_copy(update={"similarity": similarity})
                for similarity, position in scored[:n]]
