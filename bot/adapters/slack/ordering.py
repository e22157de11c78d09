"""The work of one person runs in the order it arrived, one piece at a time; different people in parallel.

Two presses a few milliseconds apart, or an answer followed at once by "same", must reach the
interview in that order: a pool of threads alone could run the second before the first. Each person
has a queue; at most one piece of a person's work is in the pool at a time, and when it is done the
next piece of that person goes to the back of the pool's queue. So nobody's series of steps holds a
thread while others wait: in a burst every person advances in turn.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor

log = logging.getLogger(__name__)

Task = Callable[[], None]


class PerPersonQueue:
    def __init__(self, executor: Executor):
        self._executor = executor
        self._queues: dict[str, deque[Task]] = {}
        self._lock = threading.Lock()

    def submit(self, person: str, task: Task) -> None:
        """Run `task` after every task submitted before it for `person` (at once if there is none)."""
        with self._lock:
            waiting = self._queues.get(person)
            if waiting is not None:
                waiting.append(task)
                return
            self._queues[person] = deque()
        self._executor.submit(self._drain, person, task)

    def _drain(self, person: str, task: Task) -> None:
        try:
            task()
        except Exception:  # the task reports what it can to the person; this is the last line
            log.exception("Slack work for %s failed", person)
        with self._lock:
            waiting = self._queues[person]
            if not waiting:
                del self._queues[person]
                return
            following = waiting.popleft()
        try:
            self._executor.submit(self._drain, person, following)
        except RuntimeError:  # the pool is shutting down: finish this person's acknowledged work here
            self._drain(person, following)
