"""The MMSSC knowledge base: typed models, loading, validation and lookups."""

from bot.knowledge.base import KnowledgeBase, criterion_id
from bot.knowledge.loader import knowledge_version, load_knowledge_base

__all__ = ["KnowledgeBase", "criterion_id", "knowledge_version", "load_knowledge_base"]
