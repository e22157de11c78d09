"""A local stand-in for the Slack Web API: a real HTTP server on 127.0.0.1 that records every call.

Tests and `mmssc bench slack` point the bot's `WebClient(base_url=...)` at it (bolt-python's own
`tests/mock_web_api_server` idea). It answers with Slack-shaped JSON, can be told to fail a method
(`fail_next`, `rate_limit_next`) and hands out a `ws://` URL from `apps.connections.open` for Socket
Mode tests. It never talks to Slack. The recording, waits and planned failures live in `mock_recorder`.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from bot.adapters.slack.mock_recorder import CallRecorder, RecordedCall

log = logging.getLogger(__name__)

BOT_USER_ID = "U000MMSSC"
BOT_ID = "B000MMSSC"
TEAM_ID = "T000MOCK"


class MockSlackWebApi(CallRecorder):
    """Start with `start()` (or use as a context manager); `base_url` ends with "/" as WebClient wants."""

    def __init__(self, socket_mode_url: str | None = None):
        super().__init__()
        self.socket_mode_url = socket_mode_url
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

    def set_user(self, user: str, real_name: str, display_name: str = "") -> None:
        """What users.info answers for `user` (by default: handle and real name made from the id)."""
        with self._condition:
            self.users[user] = {"id": user, "name": user.lower(), "real_name": real_name,
                                "profile": {"real_name": real_name, "display_name": display_name}}

    # -- what the server answers -----------------------------------------------------------------

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
