"""The composition root: builds each engine once, lazily, from one `Settings`.

Adapters (CLI, terminal, Slack) hold an `AppContext`; the domain core receives the pieces it needs
as arguments and never reads settings or the environment itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from bot.config import EmbedderKind, Settings
from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.redaction import remember_secrets, secrets_of
from bot.retrieval.embedder import Embedder, HashingEmbedder, MiniLMEmbedder, ModelLoading, limit_cpu_threads

if TYPE_CHECKING:
    from bot.retrieval.retriever import Retriever
    from bot.storage.database import Database
    from bot.suggestion.models import SuggestionEngine


class AppContext:
    def __init__(self, settings: Settings, model_loading: ModelLoading | None = None):
        """`model_loading` wraps the embedding model's one-time load (the CLI says "loading the model…")."""
        self.settings = settings
        self.model_loading = model_loading
        remember_secrets(secrets_of(settings))  # never printed, logged or stored from here on

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_knowledge_base(self.settings.knowledge_dir)

    @cached_property
    def embedder(self) -> Embedder:
        if self.settings.embedder == EmbedderKind.HASHING:
            return HashingEmbedder()
        if self.settings.embedder_threads:
            limit_cpu_threads(self.settings.embedder_threads)
        return MiniLMEmbedder(self.model_loading)

    def wrap_embedder(self, wrap: Callable[[Embedder], Embedder]) -> None:
        """Put a wrapper around the embedder (e.g. one that batches concurrent requests) before the engine
        or the retriever is built with it."""
        if "engine" in self.__dict__ or "retriever" in self.__dict__:
            raise RuntimeError("wrap the embedder before the engine and the retriever are built")
        self.__dict__["embedder"] = wrap(self.embedder)

    @cached_property
    def retriever(self) -> Retriever:
        from bot.retrieval.factory import build_retriever

        return build_retriever(self.settings, self.kb, self.embedder)

    @cached_property
    def engine(self) -> SuggestionEngine:
        from bot.suggestion.factory import build_engine

        return build_engine(self.settings, self.kb, self.embedder)

    @cached_property
    def database(self) -> Database:
        from bot.storage.database import Database

        return Database.connect(self.settings)
