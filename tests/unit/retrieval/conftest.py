"""Retrieval without Chroma or a model: the hashing embedder and the exact in-memory dense index."""

from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.documents import IndexDocument, build_index_documents
from bot.retrieval.embedder import HashingEmbedder
from bot.retrieval.hybrid import HybridRetriever
from tests.support.memory_index import InMemoryDenseIndex


@pytest.fixture(scope="session")
def documents(kb: KnowledgeBase) -> list[IndexDocument]:
    return build_index_documents(kb)


@pytest.fixture(scope="session")
def retriever(documents: list[IndexDocument]) -> HybridRetriever:
    return HybridRetriever(documents, InMemoryDenseIndex(documents, HashingEmbedder()))
