"""What a clause evidences, with the real all-MiniLM-L6-v2 model whose similarities the rules are tuned for.

Naming a sustainability purpose is no sign of a plan for it; naming an enabler's practice is one. A clause that says
each unit does its own is a sign of the starting point, never evidence of a rung above it, unless that rung is
itself about units on their own.
"""

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


def _supported(engine: DefaultSuggestionEngine, characteristic: str, answer: str, threshold: float) -> dict[int, int]:
    """How many conditions of each level the answer supports at `threshold` or above."""
    evidence, _ = engine._evidence(characteristic, answer, Horizon.NOW)
    found: dict[int, int] = {}
    for e in evidence:
        if e.support_score >= threshold:
            found[e.level] = found.get(e.level, 0) + 1
    return found


@pytest.mark.parametrize(("characteristic", "answer"), [
    ("4.6", "Wellbeing is a huge deal for us here!"),
    ("4.5", "Social cohesion is really strong in our town."),
    ("4.6", "Loads of wellbeing activity - park runs, free swimming."),
])
def test_a_purpose_named_is_no_firm_evidence_of_a_plan(engine: DefaultSuggestionEngine, characteristic: str,
                                                       answer: str) -> None:
    firm = _supported(engine, characteristic, answer, engine.tuning.strong_support)
    assert set(firm) <= {1}


def test_a_practice_named_is_evidence(engine: DefaultSuggestionEngine) -> None:
    answer = "We have a one-stop shop for all council services."
    firm = _supported(engine, "2.1.2", answer, engine.tuning.strong_support)
    assert set(firm) - {1}


@pytest.mark.parametrize(("characteristic", "answer"), [
    ("3.1.2", "The parks team keeps its own asset database for every bench, bin and tree."),
    ("1.2.3", "Each directorate does its own leadership development programme."),
])
def test_each_unit_on_its_own_is_no_evidence_above_the_start(engine: DefaultSuggestionEngine, characteristic: str,
                                                             answer: str) -> None:
    assert set(_supported(engine, characteristic, answer, engine.tuning.support_threshold)) <= {1}


def test_a_rung_about_units_on_their_own_still_takes_it(engine: DefaultSuggestionEngine) -> None:
    # level 3 of 2.1.2: one-stop shops "even where each department still designs and develops its own services"
    answer = "We have one-stop shops in every district, but each department still designs its own processes."
    assert 3 in _supported(engine, "2.1.2", answer, engine.tuning.support_threshold)
