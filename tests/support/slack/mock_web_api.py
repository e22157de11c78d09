"""A local stand-in for the Slack Web API: a real HTTP server on 127.0.0.1 that records every call and
enforces what Slack enforces.

Tests and `mmssc bench slack` point the bot's `WebClient(base_url=...)` at it (bolt-python's own
`tests/mock_web_api_server` idea). It answers with Slack-shaped JSON and, like Slack:

- refuses to post in a channel the bot is not a member of (`not_in_channel`; join with `member_of`),
  while direct messages opened with conversations.open always work;
- keeps every message it accepted, so `chat.update` works on an existing ts only (`message_not_found`
  otherwise) and `message(channel, ts)` shows a message as it stands after its updates;
- opens a modal only for a trigger id that is at most 3 seconds old and used once
  (`expired_trigger_id`, `exchanged_trigger_id`, `invalid_trigger_id`);
- answers a slash command's `response_url` (`response_url_for`), recording what was sent to it;
- reads mrkdwn as Slack does: `shown(text)` is what a person would see, and every text the bot sends
  is checked for double escaping ("&amp;amp;") and for control sequences it must never send from user
  text (`<!channel>`, links): `violations()` lists them.

It can also be told to fail a method (`fail_next`, `rate_limit_next`) and hands out a `ws://` URL from
`apps.connections.open` for Socket Mode tests. It never talks to Slack.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.support.slack.mock_recorder import CallRecorder, RecordedCall

log = logging.getLogger(__name__)

BOT_USER_ID = "U000MMSSC"
BOT_ID = "B000MMSSC"
TEAM_ID = "T000MOCK"
TRIGGER_SECONDS = 3.0
POSTING_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update")
CONTROL = re.compile(r"<([^<>]*)>")
USER_MENTION = re.compile(r"^@[UW][A-Z0-9]+(\|[^>]*)?$")
CHANNEL_LINK = re.compile(r"^#C[A-Z0-9]+(\|[^>]*)?$")
ENTITY = re.compile(r"&(amp|lt|gt);")
_trigger_counter = itertools.count(1)


def new_trigger_id(issued_at: float | None = None) -> str:
    """A trigger id as Slack makes one ("12345.98765.abcd..."), carrying when it was issued (in ms)."""
    issued = int((issued_at if issued_at is not None else time.time()) * 1000)
    return f"{next(_trigger_counter)}.{issued}.{uuid.uuid4().hex[:16]}"


def shown(text: str, names: dict[str, str] | None = None) -> str:
    """What a Slack client shows for mrkdwn `text`: mentions as @names, links as their label, entities undone."""
    def control(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or (names or {}).get(target[1:], target[1:]))
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return "@" + (label or target[1:])
        return label or target

    return ENTITY.sub(lambda m: {"amp": "&", "lt": "<", "gt": ">"}[m.group(1)], CONTROL.sub(control, text))


def mrkdwn_texts(args: dict[str, Any]) -> list[str]:
    """Every text of a message or view that Slack parses as mrkdwn: `text`, and mrkdwn text objects."""
    found = [args["text"]] if isinstance(args.get("text"), str) else []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for key in ("blocks", "view"):
        value = args.get(key)
        walk(json.loads(value) if isinstance(value, str) else value)
    return found


def mrkdwn_problems(text: str) -> list[str]:
    """What is wrong with one mrkdwn text the bot sent: escaped twice, a raw `<` or `&`, or a control
    sequence the bot never means to send (broadcasts, links)."""
    problems = []
    if re.search(r"&amp;(amp|lt|gt);", text):
        problems.append(f"escaped twice: {text[:120]!r}")
    if re.search(r"&(?!(amp|lt|gt);)", text):
        problems.append(f"raw '&': {text[:120]!r}")
    for match in CONTROL.finditer(text):
        inner = match.group(1)
        if not (USER_MENTION.match(inner) or CHANNEL_LINK.match(inner)):
            problems.append(f"control sequence <{inner[:60]}>: {text[:120]!r}")
    rest = CONTROL.sub("", text)
    if "<" in rest or ">" in rest:
        problems.append(f"raw '<' or '>': {text[:120]!r}")
    return problems


class MockSlackWebApi(CallRecorder):
    """Start with `start()` (or use as a context manager); `base_url` ends with "/" as WebClient wants."""

    def __init__(self, socket_mode_url: str | None = None, member_of: tuple[str, ...] = ()):
        super().__init__()
        self.socket_mode_url = socket_mode_url
        self._ts = itertools.count(1)
        self.users: dict[str, dict[str, Any]] = {}  # users.info answers by id (`set_user`); a default otherwise
        self.channels: set[str] = set(member_of)  # conversations the bot is a member of (besides its DMs)
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}  # (channel, ts) -> the message as it stands
        self.used_triggers: set[str] = set()
        self.problems: list[str] = []
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

    def response_url_for(self, name: str = "") -> str:
        """A slash command's response_url, answered and recorded here as calls of method "response_url"."""
        return f"http://127.0.0.1:{self.port}/response/{name or uuid.uuid4().hex[:12]}"

    # -- what tests set up and read ------------------------------------------------------------

    def set_user(self, user: str, real_name: str, display_name: str = "") -> None:
        """What users.info answers for `user` (by default: handle and real name made from the id)."""
        with self._condition:
            self.users[user] = {"id": user, "name": user.lower(), "real_name": real_name,
                                "profile": {"real_name": real_name, "display_name": display_name}}

    def join(self, channel: str) -> None:
        """The bot becomes a member of `channel` (as after `/invite @mmssc`)."""
        with self._condition:
            self.channels.add(channel)

    def message(self, channel: str, ts: str) -> dict[str, Any]:
        """A message the bot posted, as it stands now (after any chat.update)."""
        with self._condition:
            return dict(self.messages[(channel, ts)])

    def updated_message(self, channel: str, ts: str, updates: int = 1, timeout: float = 10.0) -> dict[str, Any]:
        """The message once it was updated `updates` times (waiting up to `timeout` seconds)."""
        self.wait_until(lambda _: True if self.messages.get((channel, ts), {}).get("updates", 0) >= updates
                        else None, timeout)
        return self.message(channel, ts)

    def violations(self) -> list[str]:
        """Every rule the bot broke so far: mrkdwn escaped twice or left raw, broadcasts or links sent."""
        with self._condition:
            return list(self.problems)

    # -- what the server answers -----------------------------------------------------------------

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method in POSTING_METHODS or method in ("views.open", "views.publish", "views.update"):
            for text in mrkdwn_texts(args):
                self.problems += [f"{method}: {problem}" for problem in mrkdwn_problems(text)]
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        channel = str(args.get("channel") or args.get("channel_id") or "")
        if method == "auth.test":
            return {"ok": True, "url": "https://mock.slack.test/", "team": "Mock", "user": "mmssc",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID}
        if method in ("chat.postMessage", "chat.postEphemeral", "files.completeUploadExternal") \
                and not self._may_post(channel):
            return {"ok": False, "error": "not_in_channel"}
        if method == "chat.postMessage":
            message = {"type": "message", "text": args.get("text", ""), "blocks": _blocks(args), "bot_id": BOT_ID,
                       "ts": ts, "thread_ts": args.get("thread_ts"), "updates": 0}
            self.messages[(channel, ts)] = message
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if method == "chat.update":
            existing = self.messages.get((channel, str(args.get("ts", ""))))
            if existing is None:
                return {"ok": False, "error": "message_not_found"}
            existing.update(text=args.get("text", existing["text"]), blocks=_blocks(args),
                            updates=existing["updates"] + 1)
            return {"ok": True, "channel": channel, "ts": args.get("ts"), "text": existing["text"]}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "conversations.open":
            users = str(args.get("users", "")).split(",")
            return {"ok": True, "channel": {"id": "D" + users[0].strip()}}
        if method == "views.open":
            refused = self._refused_trigger(str(args.get("trigger_id", "")))
            if refused:
                return {"ok": False, "error": refused}
            return {"ok": True, "view": {"id": f"V{next(self._ts):08d}"}}
        if method in ("views.publish", "views.update"):
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

    def _may_post(self, channel: str) -> bool:
        return channel.startswith("D") or channel in self.channels

    def _refused_trigger(self, trigger_id: str) -> str | None:
        """Why Slack would refuse to open a modal for this trigger id (None: it opens)."""
        parts = trigger_id.split(".")
        if len(parts) != 3 or not parts[1].isdigit():
            return "invalid_trigger_id"
        if trigger_id in self.used_triggers:
            return "exchanged_trigger_id"
        if time.time() - int(parts[1]) / 1000 > TRIGGER_SECONDS:
            return "expired_trigger_id"
        self.used_triggers.add(trigger_id)
        return None


def _blocks(args: dict[str, Any]) -> list[Any]:
    value = args.get("blocks") or []
    return json.loads(value) if isinstance(value, str) else list(value)


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
            if self.path.startswith("/response/"):
                args["_response_url"] = method
                for text in mrkdwn_texts(args):
                    with api._condition:
                        api.problems += [f"response_url: {problem}" for problem in mrkdwn_problems(text)]
                api._record(RecordedCall(method="response_url", args=args, at=time.monotonic()))
                self._send(200, b"ok", "text/plain")
                return
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
