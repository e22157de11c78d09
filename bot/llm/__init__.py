"""The optional chat model behind a small factory; the only package importing a concrete chat model."""

from bot.llm.chat_model import build_chat_model

__all__ = ["build_chat_model"]
