"""How closely an answer supports and contradicts each condition of one characteristic, with the model-free hashing
embedder: what the matching tests assert on."""

import numpy as np

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.clauses import split_clauses
from bot.suggestion.condition_index import characteristic_index
from bot.suggestion.matching import match_conditions
from bot.suggestion.tuning import Tuning


def condition_scores(kb: KnowledgeBase, characteristic: str, answer: str) -> dict[str, tuple[float, float]]:
    """(support, against) by condition id."""
    embedder = HashingEmbedder()
    index = characteristic_index(kb, embedder, characteristic)
    clauses = split_clauses(answer)
    vectors = np.asarray(embedder.embed([c.said for c in clauses]), dtype=np.float32).reshape(len(clauses), -1)
    return {e.condition.id: (e.support_score, e.against_score)
            for e in match_conditions(index, clauses, vectors, Tuning())}
