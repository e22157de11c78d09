"""Keeping the dense index in step with the knowledge: build on first use, rebuild only when it changed."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel

from bot.knowledge import KnowledgeBase
from bot.retrieval.documents import IndexDocument
from bot.retrieval.embedder import Embedder
from bot.retrieval.vector_store import ProgressCallback


class IndexAction(StrEnum):
    BUILT = "built"
    REBUILT = "rebuilt"
    UP_TO_DATE = "up_to_date"


class IndexReport(BaseModel):
    """What `ensure_index` did, for `mmssc index` and logs."""

    action: IndexAction
    reason: str
    documents: int
    seconds: float  # checking, embedding and writing; without loading the model
    model_load_seconds: float = 0.0  # loading the embedding model first, when a build needed it
    location: str
    knowledge_version: str
    embedder: str


class RebuildableStore(Protocol):
    def stored_fingerprint(self) -> dict[str, Any] | None: ...

    def count(self) -> int: ...

    def rebuild(
        self, documents: Sequence[IndexDocument], fingerprint: dict[str, str | int], progress: ProgressCallback | None
    ) -> None: ...


def index_fingerprint(
    kb: KnowledgeBase, embedder: Embedder, documents: Sequence[IndexDocument]
) -> dict[str, str | int]:
    """What an index is built from: the knowledge version, the embedder and the exact embedded texts."""
    digest = hashlib.sha256()
    for document in documents:
        digest.update(document.id.encode())
        digest.update(b"\0")
        digest.update(document.dense_text.encode())
        digest.update(b"\0")
    return {
        "knowledge_version": kb.version,
        "embedder": embedder.name,
        "documents_hash": digest.hexdigest(),
        "documents": len(documents),
    }


def rebuild_reason(stored: dict[str, Any] | None, wanted: dict[str, str | int], count: int | None) -> str | None:
    """Why the stored index cannot be used as it is, or `None` when it is up to date."""
    if stored is None:
        return "there was no index yet"
    if stored.get("status") != "ready":
        return "an earlier build did not finish"
    if stored.get("knowledge_version") != wanted["knowledge_version"]:
        return "the knowledge changed"
    if stored.get("embedder") != wanted["embedder"]:
        return "the embedding model changed"
    if stored.get("documents_hash") != wanted["documents_hash"]:
        return "the indexed texts changed"
    if count != wanted["documents"]:
        return "the index was incomplete"
    return None


def ensure_index(
    store: RebuildableStore,
    documents: Sequence[IndexDocument],
    fingerprint: dict[str, str | int],
    *,
    location: str,
    force: bool = False,
    progress: ProgressCallback | None = None,
    warm_up: Callable[[], object] | None = None,
) -> IndexReport:
    """Build or rebuild the index when needed (or when `force`), and say what was done and why.

    `warm_up` (loading the embedding model) runs only before a build and is timed on its own.
    """
    started = time.perf_counter()
    model_load = 0.0
    stored = store.stored_fingerprint()
    reason = rebuild_reason(stored, fingerprint, store.count() if stored is not None else None)
    if force and reason is None:
        reason = "a rebuild was asked for"
    if reason is None:
        action = IndexAction.UP_TO_DATE
        reason = "the index matches the knowledge version and the embedder"
    else:
        action = IndexAction.BUILT if stored is None else IndexAction.REBUILT
        if warm_up is not None:
            loading = time.perf_counter()
            warm_up()
            model_load = time.perf_counter() - loading
        store.rebuild(documents, fingerprint, progress)
    return IndexReport(
        action=action,
        reason=reason,
        documents=len(documents),
        seconds=round(time.perf_counter() - started - model_load, 3),
        model_load_seconds=round(model_load, 3),
        location=location,
        knowledge_version=str(fingerprint["knowledge_version"]),
        embedder=str(fingerprint["embedder"]),
    )
