"""Socket Mode: the bot dials a local websocket server (standing in for Slack's), which sends it
envelopes; every envelope is acknowledged, and the work runs as in HTTP mode."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.server import Server, ServerConnection, serve

from bot.adapters.slack.app import stop_slack_app
from bot.adapters.slack.client import build_web_client
from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.runner import socket_mode_handler
from bot.config import EmbedderKind, Settings
from bot.context import AppContext
from bot.knowledge import KnowledgeBase
from tests.support.slack.mock_web_api import MockSlackWebApi
from tests.support.slack.simulator import block_action, dm_message, event_callback, slash_command

from .harness import BOT_TOKEN, build_service, is_card, post_text

APP_TOKEN = "xapp-1-A000MMSSC-0000-feedbeef"


class FakeSocketModeEndpoint:
    """A websocket server on 127.0.0.1 that plays Slack's side of Socket Mode."""

    def __init__(self) -> None:
        self.connected = threading.Event()
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self.connection: ServerConnection | None = None
        self.server: Server = serve(self._handle, "127.0.0.1", 0, compression=None)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link/?ticket=test"

    def _handle(self, connection: ServerConnection) -> None:
        self.connection = connection
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {"host": "local"}}))
        self.connected.set()
        for message in connection:
            self.received.put(json.loads(message))

    def send(self, envelope_id: str, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one envelope and return the bot's acknowledgement of it."""
        assert self.connection is not None
        self.connection.send(json.dumps({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                         "accepts_response_payload": kind != "events_api", "retry_attempt": 0,
                                         "retry_reason": ""}))
        while True:
            ack = self.received.get(timeout=10)
            if ack.get("envelope_id") == envelope_id:
                return ack


@pytest.fixture
def endpoint() -> Iterator[FakeSocketModeEndpoint]:
    fake = FakeSocketModeEndpoint()
    fake.thread.start()
    yield fake
    fake.server.shutdown()


def test_socket_mode_acknowledges_envelopes_and_runs_the_interview(
        tmp_path: Path, kb: KnowledgeBase, mock_api: MockSlackWebApi, endpoint: FakeSocketModeEndpoint) -> None:
    mock_api.socket_mode_url = endpoint.url
    settings = Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING, slack_bot_token=BOT_TOKEN,
                        slack_app_token=APP_TOKEN, slack_api_url=mock_api.base_url)  # no signing secret needed
    service = build_service(kb, settings)
    service.create_assessment("Riverton 2026", community="Riverton", cycle="2026", facilitators=["UFAC"],
                              stakeholders=["UANA"])
    handler = socket_mode_handler(AppContext(settings), build_web_client(settings), service=service)
    try:
        handler.connect()
        assert endpoint.connected.wait(10)
        opened = mock_api.calls("apps.connections.open")[0]
        assert opened.authorization == f"Bearer {APP_TOKEN}"  # the app-level token, not the bot token

        start = block_action("UANA", {"action_id": ActionId.START.value, "block_id": "invitation",
                                      "value": CardRef(assessment="Riverton 2026").value(), "type": "button"},
                             channel="DUANA")
        assert endpoint.send("env-1", "interactive", start) == {"envelope_id": "env-1"}
        mock_api.wait_until(lambda calls: next((c for c in calls if is_card(c, "1.1.1", "now", "question")), None))

        answer = event_callback(dm_message("UANA", "Outcome targets are published, level 3."), "EvSOCKET1")
        assert endpoint.send("env-2", "events_api", answer) == {"envelope_id": "env-2"}
        card = mock_api.wait_until(lambda calls: next(
            (c for c in calls if is_card(c, "1.1.1", "now", "suggestion")), None))
        assert "Suggested level now: 3" in post_text(card)

        usage = endpoint.send("env-3", "slash_commands", slash_command("/assess", "frobnicate", "UFAC", "CFACIL"))
        assert "Unknown `/assess frobnicate`" in usage["payload"]["text"]
    finally:
        handler.close()
        stop_slack_app(handler.app)
