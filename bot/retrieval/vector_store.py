"""The dense index in Chroma, through LangChain: the only module that imports chromadb or langchain_chroma.

Embedded by default (a persistent Chroma under the data directory); a Chroma server when
`MMSSC_CHROMA_HOST` is set. Chroma never embeds anything itself: our `Embedder` is passed to LangChain
as its `Embeddings`, so nothing is ever downloaded. What the index was built from (knowledge version,
embedder, a hash of the documents) is stored in the collection's metadata and decides rebuilds.

The embedded index is derived data: when its files cannot be read (a damaged `chroma.sqlite3`), they
are discarded and the index is built again from the knowledge base. Only Chroma's own files are
removed, never anything else in the folder, and never anything on a Chroma server.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError
from chromadb.errors import NotFoundError as ChromaNotFoundError
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from bot.config import Settings
from bot.errors import MMSSCError
from bot.retrieval.documents import IndexDocument
from bot.retrieval.embedder import Embedder

log = logging.getLogger(__name__)

COLLECTION_NAME = "mmssc-knowledge"
BATCH_SIZE = 32
READY = "ready"
# What embedded Chroma keeps in its folder: the SQLite catalogue and one folder per segment.
CHROMA_FILE = re.compile(r"^chroma\.sqlite3(?:-wal|-shm|-journal)?$")
SEGMENT_FOLDER = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DAMAGED = re.compile(r"not a database|malformed|corrupt|code: (?:11|26)\)", re.IGNORECASE)

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
    return open_embedded_chroma(settings.chroma_dir, chroma_settings)


def open_embedded_chroma(directory: Path, chroma_settings: ChromaSettings) -> Any:
    """A persistent Chroma client in `directory`; a damaged index there is discarded (to be rebuilt)."""
    if directory.exists() and not directory.is_dir():
        raise RetrievalUnavailableError(
            f"{directory} is a file, but the retrieval index needs a folder there. Move or delete the file (the "
            "index is built again on its own), or set MMSSC_DATA_DIR to another folder.")
    directory.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(directory), settings=chroma_settings)
    except ChromaError as error:
        if not DAMAGED.search(str(error)):
            raise RetrievalUnavailableError(
                f"Cannot open the retrieval index in {directory} ({error}). Check the folder's permissions, or set "
                "MMSSC_DATA_DIR to another folder.") from error
        log.warning("The retrieval index in %s cannot be read (%s): building it again from the knowledge base.",
                    directory, error)
        # Chroma keeps the half-opened client of this path for the whole process: forget it first.
        SharedSystemClient._identifier_to_system.pop(str(directory), None)
        discard_embedded_index(directory)
        return chromadb.PersistentClient(path=str(directory), settings=chroma_settings)


def discard_embedded_index(directory: Path) -> None:
    """Delete embedded Chroma's own files in `directory` (its SQLite catalogue and segment folders)."""
    for entry in directory.iterdir():
        if entry.is_file() and CHROMA_FILE.match(entry.name):
            entry.unlink()
        elif entry.is_dir() and SEGMENT_FOLDER.match(entry.name):
            shutil.rmtree(entry)


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
