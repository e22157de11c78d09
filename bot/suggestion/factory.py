"""Build the suggestion engine the settings ask for.

`MMSSC_ENGINE=llm` with `MMSSC_LLM_PROVIDER` and `MMSSC_LLM_MODEL` set gives the LLM engine, guarded
by the default engine as its fallback; anything else gives the default engine. The default engine
keeps its condition vectors on disk under `<data dir>/cache/conditions` (see `vector_cache`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.config import EngineKind, Settings
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import Embedder, RecentTextsEmbedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.models import SuggestionEngine

log = logging.getLogger(__name__)

REMEMBERED_CLAUSES = 4096  # a few hundred answers' clauses: every interview in progress on a busy server
ANSWER_BATCH = 48  # an answer's clauses come in a batch this size at most; a characteristic's phrases in larger


def condition_cache_dir(settings: Settings) -> Path:
    """Where the default engine keeps the embedded conditions between processes."""
    return settings.data_dir / "cache" / "conditions"


def build_engine(settings: Settings, kb: KnowledgeBase, embedder: Embedder) -> SuggestionEngine:
    # an answer's clauses are embedded again at each probe reply on the same question: remember them
    remembering = RecentTextsEmbedder(embedder, size=REMEMBERED_CLAUSES, largest_batch=ANSWER_BATCH)
    default = DefaultSuggestionEngine(kb, remembering, cache_dir=condition_cache_dir(settings))
    if settings.engine != EngineKind.LLM:
        return default
    if not settings.llm_configured:
        log.warning("MMSSC_ENGINE=llm but MMSSC_LLM_PROVIDER / MMSSC_LLM_MODEL are not set: using the default engine")
        return default
    from bot.llm import build_chat_model
    from bot.suggestion.llm_engine import PROMPT_FILE, LLMSuggestionEngine, load_prompt

    chat_model = build_chat_model(settings)
    assert chat_model is not None  # llm_configured was checked above
    return LLMSuggestionEngine(kb, chat_model, fallback=default, prompt=load_prompt(settings.prompts_dir / PROMPT_FILE))
