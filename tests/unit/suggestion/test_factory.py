from pydantic import SecretStr

from bot.config import EngineKind, Settings
from bot.knowledge import KnowledgeBase
from bot.llm import build_chat_model
from bot.llm.chat_model import chat_model_arguments
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.factory import build_engine
from bot.suggestion.llm_engine import LLMSuggestionEngine


def test_default_engine_unless_an_llm_is_configured(settings: Settings, kb: KnowledgeBase) -> None:
    assert isinstance(build_engine(settings, kb, HashingEmbedder()), DefaultSuggestionEngine)
    llm_without_model = settings.model_copy(update={"engine": EngineKind.LLM})
    assert isinstance(build_engine(llm_without_model, kb, HashingEmbedder()), DefaultSuggestionEngine)
    assert build_chat_model(settings) is None


def test_llm_engine_over_an_openai_compatible_server(settings: Settings, kb: KnowledgeBase) -> None:
    configured = settings.model_copy(update={
        "engine": EngineKind.LLM, "llm_provider": "openai", "llm_model": "qwen2.5-7b-instruct",
        "llm_base_url": "http://127.0.0.1:9/v1", "llm_timeout_seconds": 7.0,
    })
    engine = build_engine(configured, kb, HashingEmbedder())
    assert isinstance(engine, LLMSuggestionEngine)
    assert isinstance(engine.fallback, DefaultSuggestionEngine)
    assert engine.chat_model.model_name == "qwen2.5-7b-instruct"  # type: ignore[attr-defined]


def test_chat_model_arguments_come_from_settings(settings: Settings) -> None:
    configured = settings.model_copy(update={
        "llm_provider": "openai", "llm_model": "m", "llm_api_key": SecretStr("k-123"), "llm_timeout_seconds": 5.0,
    })
    arguments = chat_model_arguments(configured)
    assert arguments == {"model": "m", "model_provider": "openai", "temperature": 0, "timeout": 5.0,
                         "max_retries": 1, "api_key": "k-123"}
    local = configured.model_copy(update={"llm_api_key": None, "llm_base_url": "http://127.0.0.1:11434/v1"})
    assert chat_model_arguments(local)["api_key"] == "not-needed"
    assert chat_model_arguments(local)["base_url"] == "http://127.0.0.1:11434/v1"


def test_settings_read_the_llm_variables(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MMSSC_ENGINE", "llm")
    monkeypatch.setenv("MMSSC_LLM_PROVIDER", "openai")
    monkeypatch.setenv("MMSSC_LLM_MODEL", "llama3.1")
    monkeypatch.setenv("MMSSC_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    settings = Settings()
    assert settings.engine is EngineKind.LLM and settings.llm_configured
    assert settings.llm_base_url == "http://127.0.0.1:11434/v1"
