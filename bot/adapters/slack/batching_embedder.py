"""Embed the sentences of concurrent requests together: one model call for many answers.

When many stakeholders answer at once, each suggestion embeds a few clauses of its answer. One model
call per answer costs about 1.8 times as much CPU as one call for all of them (measured with
all-MiniLM-L6-v2 on one thread: 50 answers of 3 clauses, 4.0 s one by one, 2.2 s as one batch), and on
a 2-core machine that CPU is the reply time. `BatchingEmbedder` keeps the `Embedder` protocol: a
caller that finds a free lane embeds at once (alone, when nobody else is waiting: no added latency);
callers arriving while the lanes are busy wait, and the next batch takes all of them, oldest first.
A lane passes to the oldest waiter when its leader's own request is done.
"""

from __future__ import annotations

import threading
from collections import deque

from bot.retrieval.embedder import Embedder

MAX_BATCH_TEXTS = 256


class _Request:
    def __init__(self, texts: list[str]):
        self.texts = texts
        self.vectors: list[list[float]] = []
        self.error: BaseException | None = None
        self.done = False
        self.leads = False
        self.wake = threading.Event()


class BatchingEmbedder:
    def __init__(self, inner: Embedder, lanes: int = 2, max_batch: int = MAX_BATCH_TEXTS):
        self.inner = inner
        self.name = inner.name  # the same vectors: caches keyed by the embedder's name stay valid
        self._lanes = max(1, lanes)
        self._max_batch = max_batch
        self._busy = 0
        self._pending: deque[_Request] = deque()
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        request = _Request(list(texts))
        with self._lock:
            self._pending.append(request)
            if self._busy < self._lanes:
                self._busy += 1
                request.leads = True
        if not request.leads:
            request.wake.wait()
        if request.leads:
            self._lead(request)
        if request.error is not None:
            raise request.error
        return request.vectors

    def _lead(self, own: _Request) -> None:
        """Run batches from the oldest waiting request on, until `own` is done; then pass the lane on."""
        while True:
            with self._lock:
                batch = self._take_batch() if not own.done else []
            if batch:
                self._run(batch)
            with self._lock:
                if not own.done:
                    continue
                if self._pending and not self._pending[0].leads:
                    successor = self._pending[0]
                    successor.leads = True
                    successor.wake.set()
                else:
                    self._busy -= 1
                return

    def _take_batch(self) -> list[_Request]:
        batch: list[_Request] = []
        count = 0
        while self._pending and (not batch or count + len(self._pending[0].texts) <= self._max_batch):
            request = self._pending.popleft()
            batch.append(request)
            count += len(request.texts)
        return batch

    def _run(self, batch: list[_Request]) -> None:
        try:
            vectors = self.inner.embed([text for request in batch for text in request.texts])
        except BaseException as error:  # every caller of the batch sees the error the model raised
            for request in batch:
                request.error = error
        else:
            start = 0
            for request in batch:
                request.vectors = vectors[start:start + len(request.texts)]
                start += len(request.texts)
        for request in batch:
            request.done = True
            request.wake.set()
