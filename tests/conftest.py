"""Shared fixtures. Every test starts from a clean environment (httpx's `clean_environ` idea)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, EmbedderKind, Settings
from bot.context import AppContext
from bot.knowledge import KnowledgeBase, load_knowledge_base

KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
_KEEP = {"MMSSC_TEST_POSTGRES_URL", "MMSSC_TEST_REQUIRE_BROWSER"}


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No token, key or setting from the developer's shell leaks into a test."""
    for name in list(os.environ):
        if name in _KEEP:
            continue
        if name.startswith(("MMSSC_", "SLACK_", "OPENAI_", "LANGCHAIN_", "LANGSMITH_")) or name == "DATABASE_URL":
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    yield


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base(KNOWLEDGE_DIR)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Embedded defaults under a temporary data directory, with the fast hashing embedder."""
    return Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING)


@pytest.fixture
def context(settings: Settings) -> AppContext:
    return AppContext(settings)
