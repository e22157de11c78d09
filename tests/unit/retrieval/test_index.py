from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.knowledge import KnowledgeBase
from bot.retrieval.documents import IndexDocument
from bot.retrieval.embedder import HashingEmbedder
from bot.retrieval.index import IndexAction, ensure_index, index_fingerprint, rebuild_reason
from bot.retrieval.vector_store import ProgressCallback


class RecordingStore:
    """A store that keeps only its fingerprint and counts rebuilds (the real one is tested with Chroma)."""

    def __init__(self) -> None:
        self.metadata: dict[str, Any] | None = None
        self.documents = 0
        self.rebuilds = 0

    def stored_fingerprint(self) -> dict[str, Any] | None:
        return self.metadata

    def count(self) -> int:
        return self.documents

    def rebuild(self, documents: Sequence[IndexDocument], fingerprint: dict[str, str | int],
                progress: ProgressCallback | None) -> None:
        self.rebuilds += 1
        self.documents = len(documents)
        self.metadata = {**fingerprint, "status": "ready"}
        if progress:
            progress(len(documents), len(documents))


def test_built_once_then_up_to_date_then_rebuilt_when_the_knowledge_changes(kb: KnowledgeBase, documents):
    store, embedder = RecordingStore(), HashingEmbedder()
    fingerprint = index_fingerprint(kb, embedder, documents)
    calls: list[tuple[int, int]] = []
    first = ensure_index(store, documents, fingerprint, location="memory", progress=lambda d, t: calls.append((d, t)))
    assert (first.action, first.reason) == (IndexAction.BUILT, "there was no index yet")
    assert first.documents == len(documents)
    assert calls[-1] == (len(documents), len(documents))
    second = ensure_index(store, documents, fingerprint, location="memory")
    assert second.action == IndexAction.UP_TO_DATE and store.rebuilds == 1
    changed = index_fingerprint(replace(kb, version="another-version"), embedder, documents)
    third = ensure_index(store, documents, changed, location="memory")
    assert (third.action, third.reason) == (IndexAction.REBUILT, "the knowledge changed")
    assert store.rebuilds == 2 and third.knowledge_version == "another-version"


def test_forced_rebuild(kb: KnowledgeBase, documents):
    store = RecordingStore()
    fingerprint = index_fingerprint(kb, HashingEmbedder(), documents)
    ensure_index(store, documents, fingerprint, location="memory")
    report = ensure_index(store, documents, fingerprint, location="memory", force=True)
    assert (report.action, report.reason, store.rebuilds) == (IndexAction.REBUILT, "a rebuild was asked for", 2)


def test_rebuild_reasons(kb: KnowledgeBase, documents):
    wanted = index_fingerprint(kb, HashingEmbedder(), documents)
    ready = {**wanted, "status": "ready"}
    count = len(documents)
    assert rebuild_reason(ready, wanted, count) is None
    assert rebuild_reason({**ready, "status": "building"}, wanted, count) == "an earlier build did not finish"
    assert rebuild_reason({**ready, "embedder": "other"}, wanted, count) == "the embedding model changed"
    assert rebuild_reason({**ready, "documents_hash": "x"}, wanted, count) == "the indexed texts changed"
    assert rebuild_reason(ready, wanted, count - 1) == "the index was incomplete"


def test_the_fingerprint_follows_the_indexed_texts(kb: KnowledgeBase, documents):
    embedder = HashingEmbedder()
    edited = [documents[0].model_copy(update={"dense_text": "changed"}), *documents[1:]]
    assert index_fingerprint(kb, embedder, documents) == index_fingerprint(kb, embedder, list(documents))
    assert index_fingerprint(kb, embedder, edited)["documents_hash"] != index_fingerprint(kb, embedder, documents)[
        "documents_hash"
    ]


def test_the_model_is_loaded_only_for_a_build_and_timed_apart(kb: KnowledgeBase, documents):
    store, loads = RecordingStore(), []
    fingerprint = index_fingerprint(kb, HashingEmbedder(), documents)
    built = ensure_index(store, documents, fingerprint, location="memory", warm_up=lambda: loads.append(1))
    reused = ensure_index(store, documents, fingerprint, location="memory", warm_up=lambda: loads.append(1))
    assert loads == [1]
    assert built.model_load_seconds >= 0 and reused.model_load_seconds == 0
