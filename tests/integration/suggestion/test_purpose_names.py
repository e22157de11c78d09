"""Naming a sustainability purpose is no sign of a plan for it; naming an enabler's practice is one. With the real
all-MiniLM-L6-v2 model, whose similarities the margin is tuned for."""

from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import MiniLMEmbedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.models import Horizon

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> DefaultSuggestionEngine:
    return DefaultSuggestionEngine(kb, MiniLMEmbedder())


def _firm_above_the_start(engine: DefaultSuggestionEngine, characteristic: str, answer: str) -> list[str]:
    evidence, _ = engine._evidence(characteristic, answer, Horizon.NOW)
    return [e.condition.id for e in evidence if e.level > 1 and e.support_score >= engine.tuning.strong_support]


@pytest.mark.parametrize(("characteristic", "answer"), [
    ("4.6", "Wellbeing is a huge deal for us here!"),
    ("4.5", "Social cohesion is really strong in our town."),
    ("4.6", "Loads of wellbeing activity - park runs, free swimming."),
])
def test_a_purpose_named_is_no_firm_evidence_of_a_plan(engine: DefaultSuggestionEngine, characteristic: str,
                                                       answer: str) -> None:
    assert _firm_above_the_start(engine, characteristic, answer) == []


def test_a_practice_named_is_evidence(engine: DefaultSuggestionEngine) -> None:
    assert _firm_above_the_start(engine, "2.1.2", "We have a one-stop shop for all council services.")
