"""Be Slack: build event, command and interaction payloads shaped like Slack's and send them signed.

Used by the tests and by `mmssc bench slack` to drive the real bolt app over HTTP, exactly as Slack
would: form or JSON bodies, `X-Slack-Signature` from the signing secret, `X-Slack-Retry-Num` on a
retried event, text escaped as Slack escapes it (`&amp;`, `&lt;`, `&gt;`; mentions in angle brackets),
trigger ids the mock Web API accepts for 3 seconds and once.
"""

from __future__ import annotations

import itertools
import json
import socket
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from pydantic import BaseModel
from slack_sdk.signature import SignatureVerifier

from tests.support.slack.mock_web_api import BOT_USER_ID, TEAM_ID, new_trigger_id

API_APP_ID = "A000MMSSC"
_counter = itertools.count(1)


def unique_suffix() -> str:
    return f"{int(time.time() * 1000)}{next(_counter):06d}"


def event_callback(event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    """An Events API envelope around `event`."""
    return {"token": "unused", "team_id": TEAM_ID, "api_app_id": API_APP_ID, "type": "event_callback",
            "event": event, "event_id": event_id or f"Ev{unique_suffix()}", "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}]}


def slack_escape(text: str) -> str:
    """Slack sends message and command text with &, < and > escaped (its own mentions stay in brackets:
    write those as they arrive, e.g. `<@U0123|ana>`, around this)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dm_message(user: str, text: str, channel: str | None = None) -> dict[str, Any]:
    """A direct message as the Events API delivers it (text escaped as Slack escapes it)."""
    ts = f"{time.time():.6f}"
    return {"type": "message", "channel": channel or f"D{user}", "channel_type": "im", "user": user,
            "text": slack_escape(text), "ts": ts, "event_ts": ts}


def app_mention(user: str, channel: str, text: str) -> dict[str, Any]:
    """A mention of the bot; `text` as the person typed it (escaped here as Slack does)."""
    ts = f"{time.time():.6f}"
    return {"type": "app_mention", "channel": channel, "user": user, "text": f"<@{BOT_USER_ID}> {slack_escape(text)}",
            "ts": ts, "event_ts": ts}


def app_home_opened(user: str) -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home",
            "event_ts": f"{time.time():.6f}"}


def slash_command(command: str, text: str, user: str, channel: str,
                  response_url: str = "http://127.0.0.1:9/commands/1") -> dict[str, str]:
    """A slash command; `text` exactly as Slack delivers it (escape typed text with `slack_escape`)."""
    return {"token": "unused", "team_id": TEAM_ID, "team_domain": "mock", "channel_id": channel,
            "channel_name": "assessment", "user_id": user, "user_name": user.lower(), "command": command,
            "text": text, "api_app_id": API_APP_ID, "response_url": response_url, "trigger_id": new_trigger_id()}


def block_action(user: str, action: dict[str, Any], channel: str | None = None,
                 view: dict[str, Any] | None = None) -> dict[str, Any]:
    """A block_actions payload for one pressed button or chosen option, from a message or a view."""
    action = {"action_ts": f"{time.time():.6f}", **action}
    payload: dict[str, Any] = {"type": "block_actions", "user": {"id": user, "username": user.lower(),
                                                                    "team_id": TEAM_ID},
                               "api_app_id": API_APP_ID, "token": "unused", "team": {"id": TEAM_ID, "domain": "mock"},
                               "trigger_id": new_trigger_id(), "actions": [action]}
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V1")}
        payload["view"] = view
    else:
        ts = f"{time.time():.6f}"
        payload["container"] = {"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": False}
        payload["channel"] = {"id": channel, "name": "directmessage"}
        payload["message"] = {"type": "message", "ts": ts, "text": "", "user": BOT_USER_ID}
        payload["response_url"] = "https://hooks.slack.test/actions/1"
    return payload


def view_submission(user: str, view: dict[str, Any], values: dict[str, dict[str, str]],
                    selects: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """A view_submission for `view` (as the bot opened it) with plain-text input `values[block][action]`
    and options chosen in static selects `selects[block][action]` (the option's value)."""
    state: dict[str, dict[str, Any]] = {
        block: {action: {"type": "plain_text_input", "value": value} for action, value in actions.items()}
        for block, actions in values.items()}
    for block, actions in (selects or {}).items():
        state.setdefault(block, {}).update({action: {"type": "static_select", "selected_option": {
            "value": value, "text": {"type": "plain_text", "text": value}}} for action, value in actions.items()})
    submitted = {"id": f"V{unique_suffix()}", "hash": unique_suffix(), **view, "state": {"values": state}}
    return {"type": "view_submission", "team": {"id": TEAM_ID, "domain": "mock"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID}, "api_app_id": API_APP_ID,
            "token": "unused", "trigger_id": new_trigger_id(), "view": submitted}


def http_post(url: str, headers: dict[str, str], body: bytes, timeout: float) -> tuple[int, str]:
    """One HTTP/1.1 POST with `Connection: close` over a plain socket: (status, body).

    Deliberately minimal, so that when many simulated clients share one interpreter, the time measured
    is the server's, not the client library's.
    """
    parsed = urlsplit(url)
    lines = [f"POST {parsed.path or '/'} HTTP/1.1", f"Host: {parsed.netloc}", f"Content-Length: {len(body)}",
             "Connection: close", *(f"{name}: {value}" for name, value in headers.items()), "", ""]
    with socket.create_connection((parsed.hostname, parsed.port or 80), timeout=timeout) as connection:
        connection.sendall("\r\n".join(lines).encode("latin-1") + body)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    head, _, payload = b"".join(chunks).partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    if not status_line.startswith("HTTP/"):
        raise ConnectionError(f"not an HTTP response from {url}: {status_line[:80]!r}")
    return int(status_line.split()[1]), payload.decode("utf-8", errors="replace")


class SlackHttpResult(BaseModel):
    status: int
    body: str
    seconds: float


class SignedSlackSender:
    """POSTs payloads to the bot's `/slack/events`, signed with the signing secret as Slack signs them."""

    def __init__(self, url: str, signing_secret: str, timeout: float = 10.0,
                 response_urls: Callable[[], str] | None = None):
        self.url = url
        self.verifier = SignatureVerifier(signing_secret)
        self.timeout = timeout
        self.response_urls = response_urls  # a new response_url for each command (the mock's), if given

    def post(self, body: str, content_type: str, *, timestamp: int | None = None, signature: str | None = None,
             retry_num: int | None = None) -> SlackHttpResult:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signed = signature if signature is not None else self.verifier.generate_signature(timestamp=stamp, body=body)
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signed or ""}
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        started = time.perf_counter()
        status, text = http_post(self.url, headers, body.encode(), self.timeout)
        return SlackHttpResult(status=status, body=text, seconds=time.perf_counter() - started)

    def event(self, event: dict[str, Any], event_id: str | None = None, retry_num: int | None = None,
              **kwargs: Any) -> SlackHttpResult:
        return self.post(json.dumps(event_callback(event, event_id)), "application/json", retry_num=retry_num,
                         **kwargs)

    def command(self, command: str, text: str, user: str, channel: str, **kwargs: Any) -> SlackHttpResult:
        """Run a slash command; `text` as Slack delivers it (see `slash_command`)."""
        payload = slash_command(command, text, user, channel)
        if self.response_urls is not None:
            payload["response_url"] = self.response_urls()
        return self.post(urlencode(payload), "application/x-www-form-urlencoded", **kwargs)

    def interaction(self, payload: dict[str, Any], **kwargs: Any) -> SlackHttpResult:
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kwargs)
