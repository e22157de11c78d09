"""`mmssc serve` warms everything up before it takes requests, from the on-disk caches when current."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from bot.adapters.slack.runner import warm_up
from bot.config import EmbedderKind, Settings
from bot.context import AppContext
from bot.retrieval.vector_store import ChromaVectorStore, open_chroma_client
from bot.suggestion.condition_index import _indexes
from bot.suggestion.factory import condition_cache_dir
from bot.suggestion.vector_cache import cache_path


def test_warm_up_prepares_every_characteristic_and_the_retrieval_index(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING)
    context = AppContext(settings)
    for key in [key for key in _indexes if key[1] == context.embedder.name]:
        del _indexes[key]  # as in a new process: nothing in memory yet (other tests may have filled it)
    steps: list[str] = []
    warm_up(context, steps.append)
    kb, embedder = context.kb, context.embedder
    assert steps == ["preparing the suggestions of 31 characteristics",
                     "opening the retrieval index for standards questions"]
    assert {key[2] for key in _indexes if key[:2] == (kb.version, embedder.name)} == set(kb.characteristic_ids)
    cached = [cache_path(condition_cache_dir(settings), kb.version, embedder.name, c) for c in kb.characteristic_ids]
    assert all(path.is_file() for path in cached)  # the next process reads them instead of embedding
    store = ChromaVectorStore(open_chroma_client(settings), embedder)
    assert store.count() > 0 and store.stored_fingerprint() is not None

    fingerprint = store.stored_fingerprint()
    started = time.time()
    warm_up(AppContext(settings))  # a restart: the caches are current, nothing is embedded or built again
    assert store.stored_fingerprint() == fingerprint
    assert all(path.stat().st_mtime <= started for path in cached)


def test_warm_up_freezes_what_it_loaded_out_of_the_collectors_reach(tmp_path: Path) -> None:
    gc.unfreeze()
    try:
        warm_up(AppContext(Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING)))
        assert gc.get_freeze_count() > 0  # a full collection while serving no longer walks the warmed-up heap
    finally:
        gc.unfreeze()
