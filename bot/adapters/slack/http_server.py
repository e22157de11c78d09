"""Serve a bolt `App` over HTTP on `/slack/events` with a small threaded WSGI server.

bolt's own `app.start()` binds every interface; this binds the host it is given (127.0.0.1 by
default), takes a deep listen backlog so a burst of Slack requests is not dropped, and handles
requests with a fixed pool of threads: measured with `mmssc bench slack`, a burst of 50 requests is
acknowledged faster by 8 threads than by a thread per connection (docs/slack.md).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class PooledWSGIServer(WSGIServer):
    """Requests are handled by a fixed pool of threads; a burst waits in the listen backlog instead of
    starting one thread per connection that all fight for the interpreter at once."""

    request_queue_size = 256
    handler_threads = 8

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pool = ThreadPoolExecutor(max_workers=self.handler_threads, thread_name_prefix="slack-http")

    def process_request(self, request: Any, client_address: Any) -> None:
        self._pool.submit(self._handle, request, client_address)

    def _handle(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.warning("HTTP request from %s failed", client_address, exc_info=True)

    def server_close(self) -> None:
        super().server_close()
        self._pool.shutdown(wait=True)


class QuietRequestHandler(WSGIRequestHandler):
    """Access lines go to the debug log, never to standard error; a client that stalls is dropped."""

    timeout = 10  # seconds without a byte before the connection is closed (frees the pool thread)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (wsgiref's signature)
        log.debug("%s " + format, self.address_string(), *args)


def make_slack_http_server(app: App, host: str = "127.0.0.1", port: int = 3000) -> WSGIServer:
    """A WSGI server for `app` on host:port (port 0 picks a free port); call `serve_forever()`."""
    handler = SlackRequestHandler(app, path=EVENTS_PATH)
    return make_server(host, port, handler, server_class=PooledWSGIServer, handler_class=QuietRequestHandler)


class BackgroundSlackServer:
    """The HTTP server in a daemon thread, for tests and the benchmark: `url` is the events endpoint."""

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 0):
        self.server = make_slack_http_server(app, host, port)
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), name="slack-http",
                                        daemon=True)

    @property
    def url(self) -> str:
        host = self.server.server_address[0]
        host_text = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{host_text}:{self.server.server_port}{EVENTS_PATH}"

    def start(self) -> BackgroundSlackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> BackgroundSlackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
