"""'loading the model…' on standard error when the first model load takes more than a second."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from rich.console import Console

from bot.adapters.cli.loading import LOADING_MESSAGE, delayed_notice
from bot.retrieval.embedder import MiniLMEmbedder


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=100, color_system=None), out


def test_a_slow_block_gets_the_notice_once() -> None:
    console, out = _console()
    with delayed_notice(console, LOADING_MESSAGE, after=0.05):
        time.sleep(0.3)
    assert out.getvalue() == "loading the model…\n"


def test_a_quick_block_prints_nothing() -> None:
    console, out = _console()
    with delayed_notice(console, LOADING_MESSAGE, after=0.5):
        pass
    time.sleep(0.6)
    assert out.getvalue() == ""


def test_the_embedder_wraps_only_its_first_load_in_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    entered: list[str] = []

    @contextmanager
    def hook() -> Iterator[None]:
        entered.append("loading")
        yield

    class FakeModel:
        def encode(self, texts: list[str], **_: object) -> list[list[float]]:
            return [[1.0] for _ in texts]

    def fake_load(cls: type[MiniLMEmbedder]) -> FakeModel:
        cls._model = FakeModel()
        return cls._model

    monkeypatch.setattr(MiniLMEmbedder, "_model", None)
    monkeypatch.setattr(MiniLMEmbedder, "_load", classmethod(fake_load))
    embedder = MiniLMEmbedder(hook)
    assert embedder.embed(["a"]) == [[1.0]] and entered == ["loading"]
    assert embedder.embed(["b"]) == [[1.0]] and entered == ["loading"]  # loaded: no second notice
    assert MiniLMEmbedder().embed(["c"]) == [[1.0]]  # no hook: the core never prints
