"""Modesty ("we don't have a design lab or anything fancy like the big cities") is no sign of the starting point."""

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.models import Horizon


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> DefaultSuggestionEngine:
    return DefaultSuggestionEngine(kb, HashingEmbedder())


def _starting_point_quoted(engine: DefaultSuggestionEngine, answer: str) -> list[str]:
    evidence, _ = engine._match("2.1.1", answer, Horizon.NOW)
    return [e.support.clause.text for e in evidence if e.level == 1 and e.support is not None]


def test_a_modest_denial_is_no_sign_of_the_starting_point(engine: DefaultSuggestionEngine) -> None:
    modest = "We don't have a design lab or anything fancy like the big cities."
    plain = "We don't involve users in service design at all, there is no consultation."
    assert modest not in _starting_point_quoted(engine, modest)
    assert _starting_point_quoted(engine, plain)
