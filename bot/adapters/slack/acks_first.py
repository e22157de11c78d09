"""Acks first: the work after an ack waits while the HTTP threads are answering requests.

The bot is CPU-bound Python under one interpreter lock (the GIL). When 50 people press a button at the
same instant, each ack costs about 1.3 ms of CPU, and every ack hands work to a worker thread that starts
at once (a transaction, the engine: about 12 ms of CPU) and competes with the acks still to be answered,
so the last acks of a burst waited behind the first ones' work. Here the HTTP server marks each request
from accept to the response sent (`answering`), and a worker waits (`wait_for_acks`) before it starts a
piece of work and before it asks the engine, until no request is being answered or `max_wait` has
passed. So a burst is acknowledged first and its work follows; steady traffic barely waits, and no work
waits longer than `max_wait` at each of those two points however busy the server is.

>>> acks = AcksFirst()
>>> with acks.answering():       # the HTTP server, around each request
...     ...
>>> acks.wait_for_acks()          # a worker, before slow work
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

# The longest wait at each of the two points (so a card waits at most twice this). Chosen with
# `mmssc bench slack` in interleaved runs on the shared 2-core machine (docs/slack.md): 50 ms before
# the work and before the engine met both targets (ack p95 <= 100 ms, card p95 <= 1.5 s) in 7 of 7 runs;
# 20 ms at both points gave no faster cards (card target missed in 3 of 7), and 20 ms before the
# work only (none before the engine) missed the ack target once and the card target twice in 5.
MAX_WAIT_SECONDS = 0.05


class AcksFirst:
    def __init__(self, max_wait: float = MAX_WAIT_SECONDS):
        self.max_wait = max_wait
        self._answering = 0
        self._idle = threading.Condition()

    @property
    def answering_now(self) -> int:
        """Requests being answered at this moment."""
        return self._answering

    @contextlib.contextmanager
    def answering(self) -> Iterator[None]:
        """Around one request, from accept to the response sent."""
        with self._idle:
            self._answering += 1
        try:
            yield
        finally:
            with self._idle:
                self._answering -= 1
                if not self._answering:
                    self._idle.notify_all()

    def wait_for_acks(self) -> None:
        """Return once no request is being answered, or after `max_wait` seconds."""
        with self._idle:
            self._idle.wait_for(lambda: not self._answering, timeout=self.max_wait)
