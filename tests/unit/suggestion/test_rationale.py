"""The rationale reads well and never presents a denial as evidence for what it denies."""

import re

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.confidence import LOW_CONFIDENCE, ConfidenceBasis
from bot.suggestion.decision import LevelDecision
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.explanation import follow_up_question, plain_statement
from bot.suggestion.matching import ClauseMatch, ConditionEvidence
from bot.suggestion.models import Evidence
from bot.suggestion.rationale import levels_words, rationale_text
from bot.suggestion.text import Clause

ANSWERS = [
    ("1.1.1", "We don't have a vision. There is no strategy for the city; each department has its own plan."),
    ("1.1.1", "We have no published vision or strategy for the city."),
    ("1.1.1", "Our published vision sets out clear objectives for economic, social and environmental outcomes, "
              "mapped to the SDGs. We don't have KPIs for the objectives and nobody tracks progress."),
    ("1.1.1", "There is a yearly citizens' assembly that comments on the progress report."),
    ("2.3.2", "We've got a WhatsApp bot. But there's no overall channel strategy and nobody has a view of all "
              "our channels and what they cost."),
]


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> DefaultSuggestionEngine:
    return DefaultSuggestionEngine(kb, HashingEmbedder())


@pytest.mark.parametrize(("characteristic", "answer"), ANSWERS)
def test_denials_are_counter_evidence_never_evidence(engine: DefaultSuggestionEngine, characteristic: str,
                                                     answer: str) -> None:
    result = engine.suggest(characteristic, answer)
    assert "evidences" not in result.rationale
    denied = {(e.quote, e.criterion) for e in result.counter_evidence}
    assert not denied & {(e.quote, e.criterion) for e in result.evidence}
    for item in result.counter_evidence:
        assert item.quote in answer and engine.kb.has_entry(item.criterion)
        assert f"[{item.criterion}]" in result.rationale
        assert f"shows that {plain_statement(engine.kb.conditions_by_id[item.criterion].text)}" \
            not in result.rationale


def test_a_denied_vision_is_evidence_against_level_two(engine: DefaultSuggestionEngine) -> None:
    result = engine.suggest("1.1.1", ANSWERS[0][1])
    assert result.level == 1
    assert "1.1.1/2/a" in {e.criterion for e in result.counter_evidence}
    assert "1.1.1/2/a" not in {e.criterion for e in result.evidence}
    assert "not in place" in result.rationale


@pytest.mark.parametrize(("characteristic", "answer"), ANSWERS)
def test_ids_follow_their_text_in_brackets_and_all_resolve(engine: DefaultSuggestionEngine, characteristic: str,
                                                           answer: str) -> None:
    result = engine.suggest(characteristic, answer)
    ids = re.findall(r"\[([^\]]+)\]", result.rationale)
    assert ids and all(engine.kb.has_entry(i) for i in ids)
    assert not re.search(r"\d/[a-d] \(", result.rationale)  # no "1.1.1/2/a (text)": the id comes after
    assert result.rationale.startswith(f"Suggested level {result.level} ")  # the interview reply relies on it


def test_levels_are_listed_in_plain_english() -> None:
    assert levels_words([2, 3, 4]) == "Levels 2, 3 and 4 were"
    assert levels_words([2, 3]) == "Levels 2 and 3 were"
    assert levels_words([3]) == "Level 3 was"
    assert plain_statement("A clear focus of leadership.") == "a clear focus of leadership"
    assert plain_statement("ICT services are shared.") == "ICT services are shared"


def _bridged_decision(kb: KnowledgeBase) -> LevelDecision:
    condition = kb.characteristic("1.1.1").level(5).conditions[1]
    quote = "There is a yearly citizens' assembly that comments on the progress report."
    match = ClauseMatch(Clause(quote, 0, len(quote), 0), None, 0.7)  # type: ignore[arg-type]
    relied = [ConditionEvidence(condition, 5, match, None)]
    basis = ConfidenceBasis(0.2, 1, 1.0, 1.0, 3, 0, False)
    return LevelDecision(5, 0.2, None, relied, [], [], [2, 3, 4], basis)


def test_bridged_rationale_and_follow_up(kb: KnowledgeBase) -> None:
    decision = _bridged_decision(kb)
    characteristic = kb.characteristic("1.1.1")
    quote = decision.relied_on[0].support.clause.text  # type: ignore[union-attr]
    text = rationale_text(kb, characteristic, decision, [Evidence(quote=quote, criterion="1.1.1/5/b")], [], None)
    assert "Levels 2, 3 and 4 were not described" in text
    assert "Confidence is low" in text
    follow_up = follow_up_question(characteristic, decision, None)
    assert follow_up is not None and "Level 2" in follow_up
    assert characteristic.level(2).conditions[0].text.rstrip(".").lower()[:30] in follow_up.lower()


@pytest.mark.parametrize(("characteristic", "answer"), ANSWERS + [("1.2.1", "We have a CDO.")])
def test_low_confidence_always_comes_with_a_follow_up(engine: DefaultSuggestionEngine, characteristic: str,
                                                      answer: str) -> None:
    result = engine.suggest(characteristic, answer)
    if result.level is not None and result.confidence < LOW_CONFIDENCE:
        assert result.follow_up
