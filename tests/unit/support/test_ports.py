"""The one helper for ports of servers the tests and benchmarks start."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.support.ports import free_port, listening, wait_for_port


def test_a_free_port_is_not_listening_until_a_server_takes_it() -> None:
    port = free_port()
    assert not listening(port)
    with socket.socket() as server:
        server.bind(("127.0.0.1", port))
        server.listen()
        assert listening(port)
        process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            wait_for_port(port, process, timeout=5, what="the server")
        finally:
            process.kill()
            process.wait()


def test_waiting_stops_with_the_process_or_the_time_and_says_why() -> None:
    exited = subprocess.Popen([sys.executable, "-c", "print('no luck')"], stdout=subprocess.PIPE, text=True)
    exited.wait()
    with pytest.raises(RuntimeError, match="the server exited at start-up:\nlog tail"):
        wait_for_port(free_port(), exited, timeout=5, what="the server", details=lambda: "log tail")
    waiting = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(RuntimeError, match="the server did not start within 0 s"):
            wait_for_port(free_port(), waiting, timeout=0.3, what="the server")
    finally:
        waiting.kill()
        waiting.wait()
