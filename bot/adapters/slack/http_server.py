"""Serve a bolt `App` over HTTP on `/slack/events` with a small threaded WSGI server.

bolt's own `app.start()` binds every interface; this binds the host it is given (127.0.0.1 by
default), takes a deep listen backlog so a burst of Slack requests is not dropped, and handles
requests with a fixed set of threads: measured with `mmssc bench slack`, a burst of 50 requests is
acknowledged faster by 8 threads than by a thread per connection, and faster when each of them accepts
its own connections than when one thread accepts for all of them (docs/slack.md).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from typing import Any, cast
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.adapters.slack.acks_first import AcksFirst

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class PooledWSGIServer(WSGIServer):
    """A fixed set of threads, each accepting connections and answering them itself.

    Under load the bot's worker threads keep the interpreter's lock (the GIL) busy, and every socket call
    gives it up and must wait to get it back (up to the 5 ms switch interval). A single accepting thread
    paid that twice per connection (select, accept), one after another, while a burst waited in the listen
    backlog; then each handler thread waited for the hand-off. Here each thread accepts its next
    connection as soon as it is free, so a burst is drained by all of them at once (docs/slack.md).
    """

    request_queue_size = 256
    handler_threads = 8

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._stopping = threading.Event()
        self._serving = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.acks_first = AcksFirst()  # marks the requests being answered; the bot's workers wait for them

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Accept and answer in `handler_threads` threads until `shutdown()` (or Ctrl-C in this thread)."""
        with self._serving:
            self._stopping.clear()
            self._threads = [threading.Thread(target=self._accept_and_handle, name=f"slack-http-{n}", daemon=True)
                             for n in range(self.handler_threads)]
            for thread in self._threads:
                thread.start()
            try:
                while not self._stopping.wait(poll_interval):  # a timed wait lets Ctrl-C reach this thread
                    pass
            finally:
                self._stop_threads()

    def _accept_and_handle(self) -> None:
        while not self._stopping.is_set():
            try:
                request, client_address = self.get_request()
            except OSError:
                if not self._stopping.is_set():
                    log.warning("accepting a connection failed", exc_info=True)
                    time.sleep(0.1)  # e.g. out of file descriptors: do not spin
                continue
            if self._stopping.is_set():  # a wake-up from `_stop_threads`, or a request as we stop
                self.shutdown_request(request)
                break
            with self.acks_first.answering():
                self._handle(request, client_address)

    def _handle(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def _stop_threads(self) -> None:
        """Wake every thread blocked in accept() with a connection of our own, then wait for their requests."""
        self._stopping.set()
        host, port = self.socket.getsockname()[:2]
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
        alive = [thread for thread in self._threads if thread.is_alive()]  # counted before any wakes up
        for _ in alive:
            with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
                pass
        for thread in self._threads:
            thread.join(timeout=QuietRequestHandler.timeout + 5)

    def shutdown(self) -> None:
        """Stop `serve_forever` (running in another thread); returns once the requests in hand are answered."""
        self._stopping.set()
        with self._serving:
            pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.warning("HTTP request from %s failed", client_address, exc_info=True)


class QuietRequestHandler(WSGIRequestHandler):
    """Access lines go to the debug log, never to standard error; a client that stalls is dropped."""

    timeout = 10  # seconds without a byte before the connection is closed (frees the thread)
    wbufsize = -1  # the status line, headers and body leave in one send, not one per line

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (wsgiref's signature)
        log.debug("%s " + format, self.address_string(), *args)


def make_slack_http_server(app: App, host: str = "127.0.0.1", port: int = 3000,
                           acks_first: AcksFirst | None = None) -> PooledWSGIServer:
    """A WSGI server for `app` on host:port (port 0 picks a free port); call `serve_forever()`. Pass the
    `acks_first` the app was built with, so its work waits while requests are being answered."""
    handler = SlackRequestHandler(app, path=EVENTS_PATH)
    server = cast(PooledWSGIServer, make_server(host, port, handler, server_class=PooledWSGIServer,
                                                handler_class=QuietRequestHandler))
    if acks_first is not None:
        server.acks_first = acks_first
    return server


class BackgroundSlackServer:
    """The HTTP server in a daemon thread, for tests and the benchmark: `url` is the events endpoint."""

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 0, acks_first: AcksFirst | None = None):
        self.server = make_slack_http_server(app, host, port, acks_first)
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
