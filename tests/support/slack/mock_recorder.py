"""The call recorder behind the mock Slack Web API: every call, indexed by channel, with waits and planned failures.

`MockSlackWebApi` builds on it (it adds the HTTP server and Slack-shaped answers); tests read the
recorded calls through it (`calls`, `wait_for`, `wait_for_post`...) and plan failures (`fail_next`,
`rate_limit_next`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class RecordedCall(BaseModel):
    """One request the mock received: the Web API method, its parsed arguments and when."""

    method: str
    args: dict[str, Any] = Field(default_factory=dict)
    authorization: str | None = None
    at: float
    response: dict[str, Any] = Field(default_factory=dict)  # what the mock answered (ts, channel id...)


class PlannedFailure(BaseModel):
    status: int
    error: str | None = None
    retry_after: int = 0
    remaining: int


class CallRecorder:
    """Records calls thread-safely; a subclass says what each call is answered (`_answer`)."""

    def __init__(self) -> None:
        self._calls: list[RecordedCall] = []
        self._posts: dict[str, list[RecordedCall]] = {}  # chat.postMessage calls by channel
        self._failures: dict[str, list[PlannedFailure]] = {}
        self._lock = threading.Lock()
        self._condition = threading.Condition(self._lock)  # any call recorded
        self._channel_conditions: dict[str, threading.Condition] = {}  # a message posted to that channel

    # -- what tests look at --------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[RecordedCall]:
        with self._condition:
            return [c for c in self._calls if method is None or c.method == method]

    def calls_to(self, method: str, channel: str) -> list[RecordedCall]:
        """Calls of `method` addressed to `channel` (chat.postMessage, chat.postEphemeral...)."""
        return [c for c in self.calls(method) if c.args.get("channel") == channel]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0, **match: Any) -> list[RecordedCall]:
        """Block until at least `count` calls of `method` whose args contain `match` were recorded."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                found = [c for c in self._calls if c.method == method and _matches(c.args, match)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{len(found)} of {count} {method} calls matching {match} after {timeout}s")
                self._condition.wait(remaining)

    def posts_to(self, channel: str) -> list[RecordedCall]:
        """The chat.postMessage calls to `channel`, in order (indexed: cheap to call often)."""
        with self._condition:
            return list(self._posts.get(channel, []))

    def wait_for_post(self, channel: str, after: int, check: Callable[[RecordedCall], bool] | None = None,
                      timeout: float = 10.0) -> RecordedCall:
        """The first message to `channel` after its first `after` ones that passes `check` (any, when None)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            # Waiters on one channel are woken only by messages to it (50 stakeholders wait at once).
            condition = self._channel_conditions.setdefault(channel, threading.Condition(self._lock))
            while True:
                posts = self._posts.get(channel, [])[after:]
                found = next((c for c in posts if check is None or check(c)), None)
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no matching message to {channel} after {timeout}s")
                condition.wait(remaining)

    def wait_until(self, check: Callable[[list[RecordedCall]], T | None], timeout: float = 10.0) -> T:
        """Block until `check(every call so far)` returns something other than None; return that."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                found = check(list(self._calls))
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"condition not met after {timeout}s ({len(self._calls)} calls recorded)")
                self._condition.wait(remaining)

    def fail_next(self, method: str, error: str = "channel_not_found", times: int = 1) -> None:
        """The next `times` calls of `method` answer `{"ok": false, "error": error}` (HTTP 200, as Slack)."""
        self._plan(method, PlannedFailure(status=200, error=error, remaining=times))

    def rate_limit_next(self, method: str, times: int = 1, retry_after: int = 0) -> None:
        """The next `times` calls of `method` answer HTTP 429 with a Retry-After header."""
        self._plan(method, PlannedFailure(status=429, error="ratelimited", retry_after=retry_after, remaining=times))

    def _plan(self, method: str, failure: PlannedFailure) -> None:
        with self._condition:
            self._failures.setdefault(method, []).append(failure)

    # -- what the server records ---------------------------------------------------------------

    def _record(self, call: RecordedCall) -> PlannedFailure | None:
        """Record a call with its answer; a planned failure (if any) is returned and answered instead."""
        with self._condition:
            planned = self._failures.get(call.method) or []
            failure = planned[0] if planned else None
            if failure is not None:
                failure.remaining -= 1
                if failure.remaining <= 0:
                    planned.pop(0)
                call.response = {"ok": False, "error": failure.error}
            elif call.method != "upload":
                call.response = self._answer(call.method, call.args)
            self._calls.append(call)
            if call.method == "chat.postMessage":
                channel = str(call.args.get("channel"))
                self._posts.setdefault(channel, []).append(call)
                if channel in self._channel_conditions:
                    self._channel_conditions[channel].notify_all()
            self._condition.notify_all()
            return failure

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """The answer to a call that is not planned to fail (`MockSlackWebApi` gives Slack-shaped ones)."""
        raise NotImplementedError


def _matches(args: dict[str, Any], match: dict[str, Any]) -> bool:
    return all(args.get(key) == value for key, value in match.items())
