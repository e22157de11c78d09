"""At most as many suggestions at once as there are cores.

The worker pool is sized for waiting on Slack's Web API (network-bound); a suggestion is CPU-bound.
Running eight at once on two cores only makes every one of them, and every ack, slower: measured with
`mmssc bench slack` (docs/slack.md). This wrapper keeps the `SuggestionEngine` protocol.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from bot.suggestion.models import Suggestion, SuggestionContext, SuggestionEngine


class BoundedEngine:
    def __init__(self, engine: SuggestionEngine, limit: int | None = None, before: Callable[[], None] = lambda: None):
        self.engine = engine
        self.name = engine.name
        self._slots = threading.BoundedSemaphore(limit or max(1, os.cpu_count() or 1))
        self._before = before  # e.g. wait while the HTTP server answers requests (`AcksFirst`)

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        self._before()
        with self._slots:
            return self.engine.suggest(characteristic_id, answer, context)
