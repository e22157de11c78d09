"""The dense index in Chroma, through LangChain: the only module that imports chromadb or langchain_chroma.

Embedded by default (a persistent Chroma under the data directory); a Chroma server when
`MMSSC_CHROMA_HOST` is set. Chroma never embeds anything itself: our `Embedder` is passed to LangChain
as its `Embeddings`, so nothing is ever downloaded. What the index was built from (knowledge version,
embedder, a hash of the documents) is stored in the collection's metadata and decides rebuilds.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Sequence
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError as ChromaNotFoundError
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from bot.config import Settings
from bot.errors import MMSSCError
from bot.retrieval.documents import IndexDocument
from bot.retrieval.embedder import Embedder

COLLECTION_NAME = "mmssc-knowledge"
BATCH_SIZE = 32
READY = "ready"

ProgressCallback = Callable[[int, int], None]


class RetrievalUnavailableError(MMSSCError):
    """The configured Chroma server does not answer."""


class EmbedderEmbeddings(Embeddings):
    """Our `Embedder` as LangChain `Embeddings`, so one loaded model serves Chroma and everything else."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed([text])[0]


def open_chroma_client(settings: Settings) -> Any:
    """A Chroma server client when `chroma_host` is set, otherwise a persistent client under the data dir."""
    # Chroma's own telemetry setting is also read from the environment by some of its components.
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except ValueError as error:  # chromadb's "Could not connect to a Chroma server"
            raise RetrievalUnavailableError(
                f"Cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({error}). "
                "Start it (chroma run --host ... --port ... --path ...) or unset MMSSC_CHROMA_HOST to use the "
                "embedded store."
            ) from error
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def describe_location(settings: Settings) -> str:
    if settings.chroma_host:
        return f"Chroma server at {settings.chroma_host}:{settings.chroma_port}"
    return f"embedded Chroma in {settings.chroma_dir}"


class ChromaVectorStore:
    """One Chroma collection of the knowledge documents, queried by cosine similarity."""

    def __init__(self, client: Any, embedder: Embedder, collection_name: str = COLLECTION_NAME):
        self._client = client
        self._embeddings = EmbedderEmbeddings(embedder)
        self._collection_name = collection_name
        self._store: Chroma | None = None

    def stored_fingerprint(self) -> dict[str, Any] | None:
        """The metadata the collection was built with, or `None` when there is no collection yet."""
        try:
            collection = self._client.get_collection(self._collection_name)
        except ChromaNotFoundError:
            return None
        return dict(collection.metadata or {})

    def count(self) -> int:
        return int(self._langchain_store()._collection.count())

    def rebuild(
        self,
        documents: Sequence[IndexDocument],
        fingerprint: dict[str, str | int],
        progress: ProgressCallback | None = None,
    ) -> None:
        """Drop the collection and index `documents` again; the fingerprint is written last."""
        with contextlib.suppress(ChromaNotFoundError):
            self._client.delete_collection(self._collection_name)
        self._store = None
        store = self._langchain_store(metadata={**fingerprint, "status": "building"})
        total = len(documents)
        if progress:
            progress(0, total)
        for start in range(0, total, BATCH_SIZE):
            batch = documents[start : start + BATCH_SIZE]
            store.add_texts(
                texts=[document.dense_text for document in batch],
                metadatas=[document.chroma_metadata() for document in batch],
                ids=[document.id for document in batch],
            )
            if progress:
                progress(min(start + BATCH_SIZE, total), total)
        store._collection.modify(metadata={**fingerprint, "status": READY})

    def similarities(self, query: str, *, k: int, entry_ids: Collection[str] | None = None) -> dict[str, float]:
        """Cosine similarity of the `k` nearest documents, by entry id; `entry_ids` restricts the search."""
        if entry_ids is not None and not entry_ids:
            return {}
        where: Any = {"entry_id": {"$in": sorted(entry_ids)}} if entry_ids is not None else None
        results = self._langchain_store().similarity_search_with_score(query, k=k, filter=where)
        # cosine space: distance = 1 - cosine similarity
        return {str(document.metadata["entry_id"]): 1.0 - float(distance) for document, distance in results}

    def _langchain_store(self, metadata: dict[str, Any] | None = None) -> Chroma:
        if self._store is None:
            self._store = Chroma(
                collection_name=self._collection_name,
                embedding_function=self._embeddings,
                client=self._client,
                collection_metadata=metadata,
                collection_configuration={"hnsw": {"space": "cosine", "ef_search": 200}},
            )
        return self._store
