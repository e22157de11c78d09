"""Real Chroma (embedded, and a `chroma run` server on 127.0.0.1) with the real MiniLM model, built once."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import EmbedderKind, Settings
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import MiniLMEmbedder, limit_cpu_threads
from bot.retrieval.factory import open_retriever
from bot.retrieval.hybrid import HybridRetriever
from bot.retrieval.index import IndexReport
from tests.support.memory_index import RememberingEmbedder
from tests.support.ports import free_port, wait_until_ready

CHROMA = Path(sys.executable).parent / "chroma"


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`chroma run` on a free loopback port with its own directory; stopped after the session."""
    port, path = free_port(), tmp_path_factory.mktemp("chroma-server")
    log = (path / "server.log").open("wb")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(path / "data")],
        stdout=log, stderr=subprocess.STDOUT, env={"ANONYMIZED_TELEMETRY": "False", "PATH": "/usr/bin:/bin"},
    )
    def beating() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                return True
        except OSError:
            return False

    try:
        wait_until_ready(beating, process, timeout=60, what="chroma run",
                         details=lambda: (path / "server.log").read_text())
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def backend_settings(backend: str, data_dir: Path, request: pytest.FixtureRequest, embedder: EmbedderKind) -> Settings:
    if backend == "server":
        host, port = request.getfixturevalue("chroma_server")
        return Settings(data_dir=data_dir, embedder=embedder, chroma_host=host, chroma_port=port)
    return Settings(data_dir=data_dir, embedder=embedder, chroma_host=None)


@pytest.fixture(scope="session")
def minilm() -> RememberingEmbedder:
    limit_cpu_threads(Settings.model_fields["embedder_threads"].default)  # as AppContext does by default
    return RememberingEmbedder(MiniLMEmbedder())


@pytest.fixture(scope="session", params=["embedded", "server"])
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase,
    minilm: RememberingEmbedder,
) -> tuple[Settings, HybridRetriever, IndexReport]:
    """The MiniLM index, built once per backend: its settings, retriever and the first build's report."""
    settings = backend_settings(request.param, tmp_path_factory.mktemp(request.param), request, EmbedderKind.MINILM)
    retriever, report = open_retriever(settings, kb, minilm)
    return settings, retriever, report


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Refuse every connection that leaves this machine, and record the attempts."""
    attempts: list[tuple[object, ...]] = []
    original = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
            attempts.append((address,))
            raise OSError(f"network access blocked in this test: {address}")
        original(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts
