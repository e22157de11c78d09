"""Build the suggestion engine the settings ask for.

`MMSSC_ENGINE=llm` with `MMSSC_LLM_PROVIDER` and `MMSSC_LLM_MODEL` set gives the LLM engine, guarded
by the default engine as its fallback; anything else gives the default engine.
"""

from __future__ import annotations

import logging

from bot.config import EngineKind, Settings
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import Embedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.models import SuggestionEngine

log = logging.getLogger(__name__)


def build_engine(settings: Settings, kb: KnowledgeBase, embedder: Embedder) -> SuggestionEngine:
    default = DefaultSuggestionEngine(kb, embedder)
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
