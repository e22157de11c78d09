"""A clause that says each unit does its own is a sign of the starting point, never evidence of a rung above it,
unless that rung is itself about units on their own. With the real all-MiniLM-L6-v2 model."""

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


def _supported_levels(engine: DefaultSuggestionEngine, characteristic: str, answer: str) -> set[int]:
    evidence, _ = engine._evidence(characteristic, answer, Horizon.NOW)
    return {e.level for e in evidence if e.support_score >= engine.tuning.support_threshold}


@pytest.mark.parametrize(("characteristic", "answer"), [
    ("3.1.2", "The parks team keeps its own asset database for every bench, bin and tree."),
    ("1.2.3", "Each directorate does its own leadership development programme."),
])
def test_each_unit_on_its_own_is_no_evidence_above_the_start(engine: DefaultSuggestionEngine, characteristic: str,
                                                             answer: str) -> None:
    assert _supported_levels(engine, characteristic, answer) <= {1}


def test_a_rung_about_units_on_their_own_still_takes_it(engine: DefaultSuggestionEngine) -> None:
    # level 3 of 2.1.2: one-stop shops "even where each department still designs and develops its own services"
    answer = "We have one-stop shops in every district, but each department still designs its own processes."
    assert 3 in _supported_levels(engine, "2.1.2", answer)
