"""The rationale a city official reads: short, quoted, readable references, no machine ids."""

import re

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.explanation import plain_statement
from bot.suggestion.models import ProbeExchange, SuggestionContext
from bot.suggestion.rationale import MAX_LINES

ANSWERS = [
    ("1.1.1", "We don't have a vision. There is no strategy for the city; each department has its own plan."),
    ("1.1.1", "We have no published vision or strategy for the city."),
    ("1.1.1", "Our published vision sets out clear objectives for economic, social and environmental outcomes, "
              "mapped to the SDGs. There are no measures of success, and nobody tracks progress."),
    ("1.1.1", "There is a yearly citizens' assembly that comments on the progress report."),
    ("2.3.2", "We've got a WhatsApp bot. But there's no overall channel strategy and nobody has a view of all "
              "our channels and what they cost."),
    ("1.1.1", "Our published vision sets out clear objectives for economic, social and environmental outcomes, "
              "mapped to the SDGs. There are KPIs for each objective and a quarterly performance review by the "
              "management team. We publish an annual progress report on the website and residents can comment on "
              "progress online. The strategy was refreshed in 2023 and the KPIs were reset at the same time."),
]
MACHINE_ID = re.compile(r"annex[BC]:|\b\d\.\d(?:\.\d)?/(?:L?\d)")


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> DefaultSuggestionEngine:
    return DefaultSuggestionEngine(kb, HashingEmbedder())


@pytest.mark.parametrize(("characteristic", "answer"), ANSWERS)
def test_at_most_six_short_lines_without_machine_ids_or_cut_text(engine: DefaultSuggestionEngine,
                                                                   characteristic: str, answer: str) -> None:
    result = engine.suggest(characteristic, answer)
    lines = result.rationale.splitlines()
    assert 1 <= len(lines) <= MAX_LINES
    assert len(lines) == len(set(lines))
    assert not MACHINE_ID.search(result.rationale), result.rationale
    assert "…" not in result.rationale and "..." not in result.rationale


@pytest.mark.parametrize(("characteristic", "answer"), ANSWERS)
def test_every_quote_is_the_persons_own_words(engine: DefaultSuggestionEngine, characteristic: str,
                                              answer: str) -> None:
    result = engine.suggest(characteristic, answer)
    for quote in re.findall(r"“([^”]+)”", result.rationale):
        assert quote in answer or quote in engine.kb.characteristic(characteristic).name
    if result.level is not None:
        assert result.rationale.startswith(f"Level {result.level} ({engine.kb.level_name(result.level)})")
        assert f"MMSSC {characteristic}, level {result.level}" in result.rationale


@pytest.mark.parametrize(("characteristic", "answer"), ANSWERS)
def test_denials_are_counter_evidence_never_evidence(engine: DefaultSuggestionEngine, characteristic: str,
                                                     answer: str) -> None:
    result = engine.suggest(characteristic, answer)
    denied = {(e.quote, e.criterion) for e in result.counter_evidence}
    assert not denied & {(e.quote, e.criterion) for e in result.evidence}
    for item in result.counter_evidence:
        assert item.quote in answer and engine.kb.has_entry(item.criterion)


def test_a_denied_vision_is_level_one_and_says_why(engine: DefaultSuggestionEngine) -> None:
    result = engine.suggest("1.1.1", ANSWERS[0][1])
    assert result.level == 1
    assert "1.1.1/2/a" in {e.criterion for e in result.counter_evidence}
    assert "Not level 2" in result.rationale and "you said “" in result.rationale


def test_what_stops_the_next_level_and_the_standard_that_helps(engine: DefaultSuggestionEngine) -> None:
    result = engine.suggest("1.1.1", ANSWERS[2][1])
    assert result.level == 3
    assert "Not level 4" in result.rationale
    standard = next(c for c in result.citations if c.kind == "standard")
    assert f"{engine.kb.reference_label(standard.id)} helps with level 4." in result.rationale


def test_a_reply_the_level_relies_on_is_quoted(engine: DefaultSuggestionEngine) -> None:
    opening = ANSWERS[2][1].split(" There are no")[0]
    first = engine.suggest("1.1.1", opening)
    assert first.probe is not None
    reply = "Yes, the executive board tracks a KPI for every objective each quarter."
    after = engine.suggest("1.1.1", opening, SuggestionContext(exchanges=[ProbeExchange(probe=first.probe,
                                                                                        reply=reply)]))
    assert after.level is not None and after.level >= first.probe.level
    assert f"Asked about level {first.probe.level}, you said “{reply.rstrip('.')}”." in after.rationale
    assert {(reply, c) for c in first.probe.conditions} <= {(e.quote, e.criterion) for e in after.evidence}


def test_plain_statements_read_inside_a_sentence() -> None:
    assert plain_statement("A clear focus of leadership.") == "a clear focus of leadership"
    assert plain_statement("ICT services are shared.") == "ICT services are shared"
