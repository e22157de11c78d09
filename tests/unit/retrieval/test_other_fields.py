"""A management system for a field the draft's standards do not cover is outside the model
(bot/retrieval/other_fields.py)."""

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.other_fields import management_system_field, management_titles, other_field_asked_about
from bot.retrieval.relevance import AnswerKind, RelevanceSignals, judge_relevance
from bot.retrieval.standards import answer_standards_question


@pytest.fixture
def titles(kb: KnowledgeBase) -> list[str]:
    return management_titles(standard.title for standard in kb.standards)


def test_the_knowledge_bases_management_system_standards_are_found_by_title(titles: list[str]) -> None:
    assert len(titles) == 2  # ISO 37101 (sustainable development in communities) and ISO 18091 (quality)


@pytest.mark.parametrize(("question", "field"), [
    ("should we set up a formal information security management system for the city network?",
     "information security"),
    ("facilities wants an energy management system for our 40 municipal buildings", "energy"),
    ("is there a standard for an occupational health and safety management system?",
     "occupational health and safety"),
    ("council wants an anti-bribery management system in procurement", "anti-bribery"),
])
def test_a_management_system_for_another_field_is_asked_about(titles: list[str], question: str, field: str) -> None:
    assert other_field_asked_about(question, titles) == field


@pytest.mark.parametrize("question", [
    "which standard for our sustainable development management system?",
    "we're folding it into our sustainability management system",
    "we want a proper management system for the whole city",
    "is there guidance on a quality management system for the council?",
    "> % of traffic lights connected to a real-time traffic management system\nWhich standard has these?",
    "which standard helps with open data?",
])
def test_a_covered_field_no_field_or_a_quoted_line_is_not(titles: list[str], question: str) -> None:
    assert other_field_asked_about(question, titles) is None


def test_the_field_is_read_from_the_words_before_management_system() -> None:
    assert management_system_field("a certified ISO-style road traffic safety management system") == \
        "road traffic safety"
    assert management_system_field("our own management system") is None


def test_the_gate_says_nothing_for_another_field_and_the_answer_says_why(kb: KnowledgeBase, retriever) -> None:
    other = RelevanceSignals(best_similarity=0.9, topic_similarity=0.9, other_field="energy")
    assert judge_relevance(other, None) == AnswerKind.NOTHING
    answer = answer_standards_question("Which standard covers anti-bribery management systems?", kb, retriever)
    assert answer.kind == AnswerKind.NOTHING and not answer.standards
    assert answer.answer.startswith("The MMSSC draft maps no standard for an anti-bribery management system")
