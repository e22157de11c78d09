"""The HTTP server in front of the bolt app: what keeps an ack short when the worker threads keep the
interpreter busy. Every socket call releases the GIL and may wait up to a switch interval to get it back,
so a connection is accepted by the thread that answers it and a response leaves in one send."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from wsgiref.simple_server import make_server

import pytest

from bot.adapters.slack.acks_first import AcksFirst
from bot.adapters.slack.http_server import PooledWSGIServer, QuietRequestHandler
from tests.support.slack.simulator import http_post

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class RecordingServer(PooledWSGIServer):
    """Remembers which thread accepted each connection."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.accepted_in: list[str] = []

    def get_request(self) -> tuple[socket.socket, Any]:
        self.accepted_in.append(threading.current_thread().name)
        return super().get_request()


class CountingSocket(socket.socket):
    """A connection that counts the sends made on it."""

    sends = 0

    def send(self, data: Any, *args: Any) -> int:
        self.sends += 1
        return super().send(data, *args)

    def sendall(self, data: Any, *args: Any) -> None:
        self.sends += 1
        super().sendall(data, *args)


def answering_app(answered_in: list[str], pause: float = 0.0) -> WsgiApp:
    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        time.sleep(pause)
        answered_in.append(threading.current_thread().name)
        start_response("200 OK", [("Content-Type", "text/plain"), ("X-Answer", "yes")])
        return [b"ok"]

    return app


@pytest.fixture
def serving() -> Iterator[Callable[..., tuple[RecordingServer, str]]]:
    started: list[tuple[RecordingServer, threading.Thread]] = []

    def start(app: WsgiApp) -> tuple[RecordingServer, str]:
        server = make_server("127.0.0.1", 0, app, server_class=RecordingServer, handler_class=QuietRequestHandler)
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        started.append((server, thread))
        return server, f"http://127.0.0.1:{server.server_port}/slack/events"

    yield start
    for server, thread in started:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def post(url: str) -> tuple[int, str]:
    return http_post(url, {"Content-Type": "application/json"}, b"{}", timeout=10)


def test_each_connection_is_accepted_by_the_thread_that_answers_it(serving: Callable[..., Any]) -> None:
    answered_in: list[str] = []
    server, url = serving(answering_app(answered_in))
    results: list[tuple[int, str]] = []
    burst = [threading.Thread(target=lambda: results.append(post(url))) for _ in range(30)]
    for thread in burst:
        thread.start()
    for thread in burst:
        thread.join(timeout=10)

    assert sorted(results) == [(200, "ok")] * 30
    handler_threads = {f"slack-http-{n}" for n in range(PooledWSGIServer.handler_threads)}
    assert set(answered_in) <= handler_threads
    # no thread of its own hands connections over: the answering threads accept (the extra accepts are
    # the threads waiting for their next connection)
    assert set(server.accepted_in) <= handler_threads
    assert len(server.accepted_in) >= 30


def test_a_response_leaves_in_one_send(serving: Callable[..., Any]) -> None:
    answered_in: list[str] = []
    server, _ = serving(answering_app(answered_in))
    ours, theirs = socket.socketpair()
    connection = CountingSocket(fileno=ours.detach())
    theirs.sendall(b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
                   b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")

    server.finish_request(connection, ("127.0.0.1", 40000))
    server.shutdown_request(connection)
    response = b"".join(iter(lambda: theirs.recv(65536), b""))
    theirs.close()

    assert response.startswith(b"HTTP/1.") and b" 200 OK\r\n" in response and b"X-Answer: yes" in response
    assert response.endswith(b"\r\n\r\nok")
    assert connection.sends == 1


def test_stopping_answers_the_requests_in_hand_then_ends_every_thread(serving: Callable[..., Any]) -> None:
    answered_in: list[str] = []
    server, url = serving(answering_app(answered_in, pause=0.3))
    results: list[tuple[int, str]] = []
    in_flight = threading.Thread(target=lambda: results.append(post(url)))
    in_flight.start()
    time.sleep(0.1)  # the request is being answered

    started = time.perf_counter()
    server.shutdown()
    in_flight.join(timeout=5)

    assert results == [(200, "ok")]
    assert time.perf_counter() - started < 3
    assert not [t for t in threading.enumerate() if t.name.startswith("slack-http-") and t.is_alive()]
    with pytest.raises(OSError):  # nobody accepts any more once the socket is closed
        server.server_close()
        post(url)


def test_a_request_counts_as_being_answered_until_its_response_is_sent(serving: Callable[..., Any]) -> None:
    acks = AcksFirst()
    seen: list[int] = []

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        seen.append(acks.answering_now)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    server, url = serving(app)
    server.acks_first = acks  # the bot's workers wait on this one (see `AcksFirst`)
    assert post(url) == (200, "ok")

    assert seen == [1]
    deadline = time.perf_counter() + 2
    while acks.answering_now and time.perf_counter() < deadline:
        time.sleep(0.01)
    assert acks.answering_now == 0
