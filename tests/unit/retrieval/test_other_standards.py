"""A question about a standard the draft does not map is outside the model (bot/retrieval/other_standards.py)."""

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.other_standards import other_standard_asked_about
from bot.retrieval.pairs import standard_number
from bot.retrieval.relevance import AnswerKind, RelevanceSignals, judge_relevance
from bot.retrieval.standards import answer_standards_question


@pytest.fixture
def known(kb: KnowledgeBase) -> set[str]:
    return {standard_number(standard.id) for standard in kb.standards}


@pytest.mark.parametrize(("question", "standard"), [
    ("what's the difference between ISO 9001 and ISO 9004?", "ISO 9001"),
    ("We want to certify our office buildings - is ISO 50001 the one?", "ISO 50001"),
    ("Our bribery policy is old. Is ISO 37001 certification worth it for a council our size?", "ISO 37001"),
    ("do we need ISO/IEC 27001 for the data platform", "ISO/IEC 27001"),
    ("which ISO covers information security for the city's IT? 27001 I think, but what does the audit involve",
     "27001"),
    # other bodies' standards
    ("Finance want to know if the sensor depreciation follows IPSAS 17 - does the model say?", "IPSAS 17"),
    ("is IEEE 802.11ax what we should specify for the public wifi?", "IEEE 802.11ax"),
    ("Should our KPIs follow ITU-T Y.4903 instead?", "ITU-T Y.4903"),
    ("do we have to comply with NIST SP 800-53 for the data platform?", "NIST SP 800-53"),
])
def test_a_question_about_another_standard_names_it(known, question, standard):
    assert other_standard_asked_about(question, known) == standard


@pytest.mark.parametrize("question", [
    "Is there a management system standard for a whole city, something like ISO 14001 but for a town?",
    "We'd like an ISO 9001-style management system for sustainable development. What's out there?",
    "We are ISO 9001 certified already. Which standard helps with a city-wide strategy?",  # not the sentence that asks
    "Does ISO 37101 replace ISO 14001 for us?",  # names one of the draft's standards
    "Is ISO/TS 37107 the maturity model we use?",  # the model itself
    "Which standard helps with open data?",
    "We have 40000 users on the app. Which standard helps us run it as a one-stop shop?",  # no standard's number
    "we signed up to 37101 last year, is there a how-to that goes with it?",
])
def test_a_comparison_a_passing_mention_or_a_known_standard_is_not_asked_about(known, question):
    assert other_standard_asked_about(question, known) is None


def test_the_gate_says_nothing_for_another_standard_unless_a_known_one_is_named():
    other = RelevanceSignals(best_similarity=0.9, topic_similarity=0.9, other_standard="ISO 50001")
    assert judge_relevance(other, None) == AnswerKind.NOTHING
    both = other.model_copy(update={"names_a_standard": True})
    assert judge_relevance(both, None) == AnswerKind.MATCHED


def test_the_answer_names_the_standard_it_cannot_speak_for(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("Is ISO 50001 the right standard for energy management in our buildings?",
                                       kb, retriever)
    assert answer.kind == AnswerKind.NOTHING and not answer.standards
    assert answer.answer.startswith("ISO 50001 is not among the standards the MMSSC draft maps")


def test_two_swapped_digits_of_a_known_standard_are_put_right() -> None:
    from bot.retrieval.other_standards import with_known_numbers
    known = {"18091", "37101", "30145"}
    assert with_known_numbers("is it ISO 18901?", known) == "is it ISO 18091?"
    assert with_known_numbers("ISO/IEC 30154 or ISO 50001", known) == "ISO/IEC 30145 or ISO 50001"
    assert other_standard_asked_about(with_known_numbers("is it ISO 18901?", known), known) is None


def test_a_number_put_forward_as_the_answer_is_asked_about() -> None:
    known = {"37101", "18091"}
    question = "Is there an ISO standard for energy management in our civic buildings? thinking 50001 for the leisure"
    assert other_standard_asked_about(question, known) == "thinking 50001"
    assert other_standard_asked_about("which standard for quality in local government? maybe 18091", known) is None
    # a comparison is no candidate: "something like ISO 14001 but for a whole city"
    assert other_standard_asked_about("Is there a management system standard for sustainable development, something "
                                      "like ISO 14001 but for a whole city?", known) is None



def test_a_standard_someone_asked_about_is_asked_about(known: set[str]) -> None:
    assert other_standard_asked_about("the facilities team asked if we should go for ISO 50001 at the pools. worth it?",
                                      known) == "ISO 50001"


def test_another_standard_named_in_a_sentence_that_does_not_ask_is_not_asked_about(known: set[str]) -> None:
    question = ("The ISO 27001 audit went well, thanks to everyone who pulled the logs together. New topic: which of "
                "the draft's standards covers engaging residents online?")
    assert other_standard_asked_about(question, known) is None
    assert other_standard_asked_about("Thanks to everyone who pulled the logs together. Does ISO 27001 cover our "
                                      "data centre?", known) == "ISO 27001"
