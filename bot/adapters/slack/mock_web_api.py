"""A local stand-in for the Slack Web API: a real HTTP server on 127.0.0.1 that records every call.

Tests and `mmssc bench slack` point the bot's `WebClient(base_url=...)` at it (bolt-python's own
`tests/mock_web_api_server` idea). It answers with Slack-shaped JSON, can be told to fail a method
(`fail_next`, `rate_limit_next`) and hands out a `ws://` URL from `apps.connections.open` for Socket
Mode tests. It never talks to Slack.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from pydantic import BaseModel, Field

log = logging.getLogger(__name__)

BOT_USER_ID = "U000MMSSC"
BOT_ID = "B000MMSSC"
TEAM_ID = "T000MOCK"
T = TypeVar("T")


class RecordedCall(BaseModel):
    """One request the mock received: the Web API method, its parsed arguments and when."""

    method: str
    args: dict[str, Any] = Field(default_factory=dict)
    authorization: str | None = None
    at: float
    response: dict[str, Any] = Field(default_factory=dict)  # what the mock answered (ts, channel id...)


class _PlannedFailure(BaseModel):
    status: int
    error: str | None = None
    retry_after: int = 0
    remaining: int


class MockSlackWebApi:
    """Start with `start()` (or use as a context manager); `base_url` ends with "/" as WebClient wants."""

    def __init__(self, socket_mode_url: str | None = None):
        self.socket_mode_url = socket_mode_url
        self._calls: list[RecordedCall] = []
        self._posts: dict[str, list[RecordedCall]] = {}  # chat.postMessage calls by channel
        self._failures: dict[str, list[_PlannedFailure]] = {}
        self._lock = threading.Lock()
        self._condition = threading.Condition(self._lock)  # any call recorded
        self._channel_conditions: dict[str, threading.Condition] = {}  # a message posted to that channel
        self._ts = itertools.count(1)
        self.users: dict[str, dict[str, Any]] = {}  # users.info answers by id (`set_user`); a default otherwise
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ----------------------------------------------------------------------------

    def start(self) -> MockSlackWebApi:
        handler = _handler_class(self)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        server.request_queue_size = 256
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="mock-slack-web-api",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> MockSlackWebApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the mock first"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

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
        self._plan(method, _PlannedFailure(status=200, error=error, remaining=times))

    def rate_limit_next(self, method: str, times: int = 1, retry_after: int = 0) -> None:
        """The next `times` calls of `method` answer HTTP 429 with a Retry-After header."""
        self._plan(method, _PlannedFailure(status=429, error="ratelimited", retry_after=retry_after, remaining=times))

    def set_user(self, user: str, real_name: str, display_name: str = "") -> None:
        """What users.info answers for `user` (by default: handle and real name made from the id)."""
        with self._condition:
            self.users[user] = {"id": user, "name": user.lower(), "real_name": real_name,
                                "profile": {"real_name": real_name, "display_name": display_name}}

    def _plan(self, method: str, failure: _PlannedFailure) -> None:
        with self._condition:
            self._failures.setdefault(method, []).append(failure)

    # -- what the server does ------------------------------------------------------------------

    def _record(self, call: RecordedCall) -> _PlannedFailure | None:
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
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        if method == "auth.test":
            return {"ok": True, "url": "https://mock.slack.test/", "team": "Mock", "user": "mmssc",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID}
        if method in ("chat.postMessage", "chat.update"):
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts") or ts,
                    "message": {"type": "message", "text": args.get("text", ""), "bot_id": BOT_ID, "ts": ts}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "conversations.open":
            users = str(args.get("users", "")).split(",")
            return {"ok": True, "channel": {"id": "D" + users[0].strip()}}
        if method in ("views.publish", "views.open", "views.update"):
            return {"ok": True, "view": {"id": f"V{next(self._ts):08d}"}}
        if method == "users.info":
            user = str(args.get("user", ""))
            default = {"id": user, "name": user.lower(), "real_name": f"User {user}",
                       "profile": {"real_name": f"User {user}", "display_name": ""}}
            return {"ok": True, "user": self.users.get(user, default)}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):08d}"
            return {"ok": True, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = json.loads(args.get("files", "[]")) if isinstance(args.get("files"), str) else []
            return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        if method == "files.info":
            return {"ok": True, "file": {"id": args.get("file"), "name": "file"}}
        if method == "apps.connections.open":
            if not self.socket_mode_url:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.socket_mode_url}
        return {"ok": True}


def _matches(args: dict[str, Any], match: dict[str, Any]) -> bool:
    return all(args.get(key) == value for key, value in match.items())


def _parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    if "application/json" in content_type:
        parsed = json.loads(raw or b"{}")
        return parsed if isinstance(parsed, dict) else {"_json": parsed}
    if "application/x-www-form-urlencoded" in content_type:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    return {"_bytes": len(raw)}


def _handler_class(api: MockSlackWebApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            method = self.path.rstrip("/").split("/")[-1].split("?")[0]
            if self.path.startswith("/upload/"):
                api._record(RecordedCall(method="upload", args={"file_id": method, "_bytes": len(raw)},
                                         at=time.monotonic()))
                self._send(200, b"OK - " + str(len(raw)).encode(), "text/plain")
                return
            args = _parse_body(self.headers.get("Content-Type", ""), raw)
            call = RecordedCall(method=method, args=args, authorization=self.headers.get("Authorization"),
                                at=time.monotonic())
            failure = api._record(call)
            if failure is not None and failure.status == 429:
                self._send(429, b'{"ok": false, "error": "ratelimited"}', "application/json",
                           {"Retry-After": str(failure.retry_after)})
                return
            self._send(200, json.dumps(call.response).encode(), "application/json; charset=utf-8")

        def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
            log.debug("mock slack: " + format, *args)

    return Handler
