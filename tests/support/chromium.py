"""Open a page in headless Chromium and ask it, over the DevTools protocol, what a reader sees:
rendered text (`innerText`), computed styles, decoded images. No Selenium, no driver downloads: the
Chromium binary and the `websockets` client the test suite already has."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
REQUIRE_ENV = "MMSSC_TEST_REQUIRE_BROWSER"  # scripts/test.sh sets it: under `make test` the browser must run


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_required() -> bool:
    return os.environ.get(REQUIRE_ENV) == "1"


class Page:
    """One open page; `evaluate` runs a JavaScript expression and returns its JSON value."""

    def __init__(self, socket: ClientConnection):
        self._socket = socket
        self._next_id = 0

    def send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """One DevTools command; its result."""
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=60))
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method} failed: {message['error']}")
                return dict(message["result"])

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r} failed in the page: {result['exceptionDetails']}")
        return result["result"].get("value")


@contextmanager
def open_page(chromium: str, url: str, profile: Path, width: int = 1280, height: int = 2000) -> Iterator[Page]:
    """Start Chromium on `url` with a DevTools port, wait until the page has loaded, yield it, stop Chromium."""
    process = subprocess.Popen([chromium, *FLAGS, "--remote-debugging-port=0", f"--user-data-dir={profile}",
                                f"--window-size={width},{height}", url],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().splitlines()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as reply:
            target = next(t for t in json.load(reply) if t["type"] == "page")
        with connect(target["webSocketDebuggerUrl"], max_size=None, open_timeout=30) as socket:
            page = Page(socket)
            loaded = f"location.href === {json.dumps(url)} && document.readyState === 'complete'"
            while not page.evaluate(loaded):  # the tab starts on about:blank before it navigates
                if time.monotonic() > deadline:
                    raise RuntimeError("the page did not finish loading")
                time.sleep(0.1)
            yield page
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
