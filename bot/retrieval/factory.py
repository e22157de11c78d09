"""Building the retriever from settings: the Chroma index (embedded or server) plus BM25, kept in step."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.retrieval.documents import build_index_documents
from bot.retrieval.embedder import Embedder, RecentTextsEmbedder
from bot.retrieval.hybrid import HybridRetriever
from bot.retrieval.index import IndexAction, IndexReport, ensure_index, index_fingerprint
from bot.retrieval.other_fields import OtherFieldIndex
from bot.retrieval.relevance import RelevanceBands
from bot.retrieval.retriever import Retriever
from bot.retrieval.topics import TopicIndex
from bot.retrieval.vector_store import ChromaVectorStore, ProgressCallback, describe_location, open_chroma_client

log = logging.getLogger(__name__)

# Where the domain score (bot.retrieval.relevance) changes the kind of answer, per embedder; measured
# on the dev questions, on topic and off topic (docs/retrieval.md). The hashing embedder has no scale.
RELEVANCE_BANDS: dict[str, RelevanceBands] = {
    "all-MiniLM-L6-v2": RelevanceBands(coverage_weight=0.3, clarify=0.75, closest_match=0.95, matched=1.1,
                                       meaning=0.32, other_field_margin=0.05),
}


def open_retriever(
    settings: Settings,
    kb: KnowledgeBase,
    embedder: Embedder,
    *,
    force_rebuild: bool = False,
    progress: ProgressCallback | None = None,
) -> tuple[HybridRetriever, IndexReport]:
    """The hybrid retriever and a report of what the index needed (built, rebuilt or up to date)."""
    documents = build_index_documents(kb)
    embedder = RecentTextsEmbedder(embedder)  # one forward pass per question for ranking, gate and topics
    store = ChromaVectorStore(open_chroma_client(settings), embedder)
    report = ensure_index(
        store,
        documents,
        index_fingerprint(kb, embedder, documents),
        location=describe_location(settings),
        force=force_rebuild,
        progress=progress,
        warm_up=lambda: embedder.embed(["load the embedding model"]),
    )
    level = logging.DEBUG if report.action == IndexAction.UP_TO_DATE else logging.INFO
    log.log(level, "retrieval index %s (%s): %d documents, %.2fs", report.action, report.reason, report.documents,
            report.seconds)
    bands = RELEVANCE_BANDS.get(embedder.name)
    judges_fields = bands is not None and bands.other_field_margin is not None  # else never read: not computed
    retriever = HybridRetriever(documents, store, relevance_bands=bands, topics=TopicIndex(kb, embedder),
                                other_fields=OtherFieldIndex(embedder) if judges_fields else None)
    return retriever, report


def build_retriever(settings: Settings, kb: KnowledgeBase, embedder: Embedder) -> Retriever:
    """The retriever over embedded Chroma under `settings.chroma_dir`, or a Chroma server when
    `settings.chroma_host` is set; (re)builds the index only when the knowledge or the embedder changed.
    """
    retriever, _ = open_retriever(settings, kb, embedder)
    return retriever
