"""Build the configured LangChain chat model, or None when no LLM is configured.

    settings = Settings(llm_provider="openai", llm_model="qwen2.5-7b-instruct",
                        llm_base_url="http://127.0.0.1:8000/v1")
    model = build_chat_model(settings)  # a BaseChatModel talking to a local vLLM / Ollama / llama.cpp

Any provider `init_chat_model` knows works (openai for every OpenAI-compatible server, anthropic, ...),
as long as its integration package is installed. The key comes from `MMSSC_LLM_API_KEY`; a local
server that needs none gets a placeholder.
"""

from __future__ import annotations

import logging
from typing import Any

from langchain_core.language_models import BaseChatModel

from bot.config import Settings
from bot.errors import InvalidInputError

log = logging.getLogger(__name__)

LOCAL_SERVER_PLACEHOLDER_KEY = "not-needed"


def chat_model_arguments(settings: Settings) -> dict[str, Any]:
    """The keyword arguments handed to `init_chat_model` (pure; no client is built)."""
    arguments: dict[str, Any] = {
        "model": settings.llm_model,
        "model_provider": settings.llm_provider,
        "temperature": 0,
        "timeout": settings.llm_timeout_seconds,
        "max_retries": 1,
    }
    if settings.llm_base_url:
        arguments["base_url"] = settings.llm_base_url
    if settings.llm_api_key is not None:
        arguments["api_key"] = settings.llm_api_key.get_secret_value()
    elif settings.llm_base_url:
        arguments["api_key"] = LOCAL_SERVER_PLACEHOLDER_KEY
    return arguments


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model chosen by `MMSSC_LLM_PROVIDER` and `MMSSC_LLM_MODEL`, or None if unset."""
    if not settings.llm_configured:
        return None
    from langchain.chat_models import init_chat_model

    arguments = chat_model_arguments(settings)
    try:
        model = init_chat_model(**arguments)
    except (ImportError, ValueError) as error:
        raise InvalidInputError(
            f"Cannot use LLM provider '{settings.llm_provider}' with model '{settings.llm_model}': {error}"
        ) from error
    log.info("LLM engine: %s via %s", settings.llm_model, settings.llm_provider)
    if not isinstance(model, BaseChatModel):
        raise InvalidInputError("MMSSC_LLM_PROVIDER and MMSSC_LLM_MODEL must name one concrete chat model")
    return model
