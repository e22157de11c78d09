"""A management system for a field the draft's standards do not cover, or a field of other standards altogether, is
outside the model (bot/retrieval/other_fields.py)."""

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.retrieval.other_fields import (
    OtherFieldIndex,
    management_system_field,
    management_titles,
    other_field_asked_about,
)
from bot.retrieval.relevance import (
    AnswerKind,
    RelevanceBands,
    RelevanceSignals,
    field_of_other_standards,
    judge_relevance,
)
from bot.retrieval.standards import answer_standards_question
from bot.retrieval.standards_text import in_another_field


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


FIELDS = RelevanceBands(coverage_weight=0.3, clarify=0.75, closest_match=0.95, matched=1.1, other_field_margin=0.05)


def test_a_question_clearly_nearer_a_field_of_other_standards_gets_nothing() -> None:
    lifts = RelevanceSignals(best_similarity=0.41, topic_similarity=0.40, vocabulary_coverage=0.64,
                             nearest_other_field="lifts", other_field_similarity=0.69)  # 0.999: closest match
    assert field_of_other_standards(lifts, FIELDS) == "lifts"
    assert judge_relevance(lifts, FIELDS, evidence_agrees=True) == AnswerKind.NOTHING
    # near the model as well as the field: the model's
    close = lifts.model_copy(update={"other_field_similarity": 0.45})
    assert field_of_other_standards(close, FIELDS) is None
    assert judge_relevance(close, FIELDS, evidence_agrees=True) == AnswerKind.CLOSEST_MATCH
    # a confident match, a named standard of the model, or bands that do not judge fields: the model's
    matched = lifts.model_copy(update={"best_similarity": 0.55, "vocabulary_coverage": 1.0})
    assert field_of_other_standards(matched, FIELDS) is None
    assert field_of_other_standards(lifts.model_copy(update={"names_a_standard": True}), FIELDS) is None
    assert field_of_other_standards(lifts, FIELDS.model_copy(update={"other_field_margin": None})) is None
    # ... unless the field is far nearer still ("which ISO do they need for food safety at the market stalls?")
    assert field_of_other_standards(matched.model_copy(update={"other_field_similarity": 0.75}), FIELDS) == "lifts"


def test_the_fields_of_other_standards_are_found_by_meaning() -> None:
    index = OtherFieldIndex(HashingEmbedder(), ["food hygiene in kitchens", "lifts and escalators"])
    field, similarity = index.nearest("lifts and escalators") or ("", 0.0)
    assert field == "lifts and escalators" and similarity == pytest.approx(1.0, abs=1e-6)
    assert OtherFieldIndex(HashingEmbedder(), []).nearest("anything") is None


def test_the_answer_names_the_field_it_belongs_to() -> None:
    assert in_another_field("lifts").startswith("This looks like a question for the standards of another field "
                                                "(lifts)")


def test_what_a_management_system_is_like_is_no_field(titles: list[str]) -> None:
    assert other_field_asked_about("we run our development agenda through an auditable management system", titles) \
        is None
    # ... nor what it is modelled on: "a certified-style management system", "an ISO 37101-style management system"
    assert other_field_asked_about("We want certified-style management system for sustainable community",
                                   titles) is None
    assert management_system_field("We run an ISO 37101-style management system.") is None


@pytest.mark.parametrize(("question", "field"), [
    ("Which standard should we certify our city data platform against for information security management?",
     "information security"),
    ("which standard should our contractors be certified to for environmental management on building sites?",
     "environmental"),
])
def test_certification_for_another_fields_management_names_it(titles: list[str], question: str, field: str) -> None:
    assert other_field_asked_about(question, titles) == field


def test_management_without_certification_or_in_a_covered_field_is_no_other_field(titles: list[str]) -> None:
    assert other_field_asked_about("which standard helps with asset management?", titles) is None
    assert other_field_asked_about("can we certify our sustainable development management?", titles) is None
