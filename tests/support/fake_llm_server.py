"""OpenAI-compatible chat servers on 127.0.0.1: one refuses every key and echoes it back, as some providers
and proxies do ("Incorrect API key provided: sk-..."), for testing that keys never leak; one answers every
chat completion with the prompt it was sent, for testing which prompt was used."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _JsonHandler(BaseHTTPRequestHandler):
    """Answers with JSON over HTTP/1.1 and logs nothing."""

    protocol_version = "HTTP/1.1"

    def send_json(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        pass


class _KeyEchoingHandler(_JsonHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        key = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        body = json.dumps({"error": {"message": f"Incorrect API key provided: {key}. You can find your API key "
                                                "in your account settings.",
                                     "type": "invalid_request_error", "code": "invalid_api_key"}}).encode()
        self.send_json(401, body)


class _PromptEchoingHandler(_JsonHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        prompt = request.get("messages", [{}])[-1].get("content", "")
        body = json.dumps({"id": "chatcmpl-echo", "object": "chat.completion", "created": 0,
                           "model": request.get("model", "echo"),
                           "choices": [{"index": 0, "finish_reason": "stop",
                                        "message": {"role": "assistant", "content": prompt}}],
                           "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
        self.send_json(200, body)


@contextmanager
def key_echoing_llm_server() -> Iterator[str]:
    """Yields the base URL (".../v1") of a server that answers every chat completion with a 401 quoting the key."""
    with _serving(_KeyEchoingHandler) as url:
        yield url


@contextmanager
def prompt_echoing_llm_server() -> Iterator[str]:
    """Yields the base URL (".../v1") of a server whose answer to a chat completion is the last message sent."""
    with _serving(_PromptEchoingHandler) as url:
        yield url


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
