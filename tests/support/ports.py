"""Ports on 127.0.0.1 for servers a test or benchmark starts: a free one, and waiting until one is served."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable


def free_port() -> int:
    """A port nothing listens on at this moment (the system picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:`port`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def wait_until_ready(ready: Callable[[], bool], process: subprocess.Popen[bytes] | subprocess.Popen[str], *,
                     timeout: float, what: str, details: Callable[[], str] = lambda: "") -> None:
    """Poll `ready()` until it holds. `RuntimeError` naming `what` (with `details()`, e.g. the log's tail) if
    `process` exits first or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited at start-up:\n{details()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {timeout:.0f} s:\n{details()}")
        time.sleep(0.1)


def wait_for_port(port: int, process: subprocess.Popen[bytes] | subprocess.Popen[str], *, timeout: float, what: str,
                  details: Callable[[], str] = lambda: "") -> None:
    """Wait until `process` listens on 127.0.0.1:`port` (see `wait_until_ready`)."""
    wait_until_ready(lambda: listening(port), process, timeout=timeout, what=what, details=details)
