import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.errors import InvalidInputError
from bot.knowledge import KnowledgeBase
from bot.retrieval.retriever import RetrievalMode
from bot.retrieval.standards import (
    MAX_QUESTION_CHARS,
    NOTHING_RELEVANT,
    StandardsAnswer,
    answer_standards_question,
    is_on_topic,
    validate_question,
)

# The issue's own example is answered with the real model in tests/integration/retrieval; the hashing
# embedder used here only knows words, so this question names the things Annex B says.
OPEN_DATA = "is there an ISO standard for a platform of open and shared city data that startups re-use?"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * (MAX_QUESTION_CHARS + 1), "too long (10,001 characters; the limit is 10,000)"),
        (42, "must be text, not int"),
        (None, "must be text, not NoneType"),
        (b"open data", "must be text, not bytes"),
        ("open\x00data", "control or binary characters"),
        ("12345 ;;; ???", "no words"),
    ],
)
def test_invalid_questions_get_a_clear_message(kb: KnowledgeBase, retriever, question, message):
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        answer_standards_question(question, kb, retriever)


def test_a_question_of_exactly_the_limit_is_accepted():
    assert validate_question(" " + "a" * MAX_QUESTION_CHARS + "\n") == "a" * MAX_QUESTION_CHARS


def test_open_data_gets_iso_37106_b8_from_annex_b(kb: KnowledgeBase, retriever):
    answer = answer_standards_question(OPEN_DATA, kb, retriever)
    assert answer.relevant
    first = answer.standards[0]
    assert (first.id, first.ref, first.source) == ("ISO 37106", "B8", "annexB:2.2:1")
    assert first.why == next(row.guidance for row in kb.annex_b if row.id == "annexB:2.2:1")
    assert "ISO 37106, sub-component B8" in answer.answer and "[annexB:2.2:1]" in answer.answer


def test_json_shape_and_every_listed_standard_and_source_exist(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("KPIs and indicators for a resilient city", kb, retriever, limit=3)
    data = json.loads(answer.model_dump_json())
    assert {"question", "answer", "standards", "relevant"} <= set(data)
    assert 1 <= len(data["standards"]) <= 3
    for hit in data["standards"]:
        assert {"id", "ref", "why", "source"} <= set(hit)
        assert hit["id"] in kb.standards_by_id  # normalised ids, as in the knowledge base
        assert kb.has_entry(hit["source"])
    ids = [hit["id"] for hit in data["standards"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("question", "standard", "ref"),
    [
        ("Clean and responsible management of waste by the local government", "ISO 18091", "B.4.2"),
        ("A lot of older residents cannot use online services; anything on digital inclusion?", "ISO 37106", "B11"),
        ("Innovation-friendly procurement and supplier management for a city", "ISO 37106", "B4"),
        ("Is there a vocabulary of smart city terms?", "ISO 37100", None),
    ],
)
def test_own_questions_find_the_right_standard_in_the_top_three(kb, retriever, question, standard, ref):
    hits = answer_standards_question(question, kb, retriever).standards[:3]
    assert standard in [hit.id for hit in hits]
    if ref:
        assert ref in [r for hit in hits for r in hit.refs]


@pytest.mark.parametrize("mode", list(RetrievalMode))
def test_every_mode_answers(kb: KnowledgeBase, retriever, mode):
    answer = answer_standards_question(OPEN_DATA, kb, retriever, mode=mode)
    assert answer.mode == mode and answer.standards[0].id == "ISO 37106"


def test_a_question_sharing_no_word_with_the_model_is_answered_plainly(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("How do I bake sourdough bread?", kb, retriever)
    assert (answer.relevant, answer.standards, answer.answer) == (False, [], NOTHING_RELEVANT)


def test_relevance_uses_the_dense_floor_when_the_embedder_has_one(kb: KnowledgeBase, retriever):
    entries = retriever.search(OPEN_DATA, k=20)
    best = max(e.dense_similarity for e in entries if e.dense_similarity is not None)
    assert is_on_topic(entries, relevance_floor=best)
    assert not is_on_topic(entries, relevance_floor=best + 0.01)
    assert not is_on_topic([], relevance_floor=None)


def test_a_chat_model_may_phrase_the_answer_but_not_change_the_standards(kb: KnowledgeBase, retriever):
    plain = answer_standards_question(OPEN_DATA, kb, retriever)
    phrased = "ISO 37106, in its sub-component B8, is the one to read for an open data platform."
    answer = answer_standards_question(OPEN_DATA, kb, retriever, chat_model=FakeListChatModel(responses=[phrased]))
    assert (answer.answer, answer.phrased_by, answer.fallback_reason) == (phrased, "llm", None)
    assert answer.standards == plain.standards


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("Read ISO 9001 and ISO 27001 for that.", "named standards that were not retrieved: 27001, 9001"),
        ("   ", "returned no text"),
        ("x" * 5000, "too long"),
    ],
)
def test_an_unusable_llm_answer_falls_back_to_the_template(kb: KnowledgeBase, retriever, reply, reason):
    plain = answer_standards_question(OPEN_DATA, kb, retriever)
    answer = answer_standards_question(OPEN_DATA, kb, retriever, chat_model=FakeListChatModel(responses=[reply]))
    assert answer.answer == plain.answer and answer.phrased_by == "template"
    assert reason in (answer.fallback_reason or "")
    assert answer.standards == plain.standards


def test_a_failing_chat_model_falls_back_to_the_template(kb: KnowledgeBase, retriever):
    class Broken(FakeListChatModel):
        def _call(self, *args, **kwargs):  # type: ignore[override]
            raise TimeoutError("no answer in 30 s")

    answer = answer_standards_question(OPEN_DATA, kb, retriever, chat_model=Broken(responses=["unused"]))
    assert answer.phrased_by == "template" and "TimeoutError" in (answer.fallback_reason or "")


def test_the_chat_model_is_not_asked_when_nothing_is_relevant(kb: KnowledgeBase, retriever):
    model = FakeListChatModel(responses=["ISO 37106 is great"])
    answer = answer_standards_question("How do I bake sourdough bread?", kb, retriever, chat_model=model)
    assert not answer.relevant and answer.phrased_by == "template" and model.i == 0


def test_the_prompt_file_lists_the_retrieved_standards(kb: KnowledgeBase, retriever, tmp_path):
    from bot.retrieval.phrasing import DEFAULT_PROMPT_PATH, render_standards_prompt

    hits = answer_standards_question(OPEN_DATA, kb, retriever).standards
    prompt = render_standards_prompt(OPEN_DATA, hits, DEFAULT_PROMPT_PATH)
    assert OPEN_DATA in prompt and "$" not in prompt
    assert all(hit.id in prompt and hit.source in prompt for hit in hits)
    assert isinstance(StandardsAnswer.model_json_schema(), dict)
