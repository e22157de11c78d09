import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.errors import InvalidInputError
from bot.knowledge import KnowledgeBase
from bot.retrieval.relevance import AnswerKind, RelevanceBands, RelevanceSignals
from bot.retrieval.retriever import RetrievalMode
from bot.retrieval.standards import (
    MAX_QUESTION_CHARS,
    NOTHING_RELEVANT,
    StandardsAnswer,
    answer_standards_question,
    validate_question,
)
from bot.retrieval.standards_text import NOT_ENGLISH
from bot.retrieval.topics import TopicHit

# The issue's own example is answered with the real model in tests/integration/retrieval; the hashing
# embedder used here only knows words, so this question names the things Annex B says.
OPEN_DATA = "is there an ISO standard for a platform of open and shared city data that startups re-use?"
BANDS = RelevanceBands(coverage_weight=0.0, clarify=0.7, closest_match=0.9, matched=1.2)


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
    assert first.reference == kb.reference_label("annexB:2.2:1") == "ISO 37106, sub-component B8 (Annex B)"
    assert answer.kind == AnswerKind.MATCHED
    assert "1. ISO 37106, sub-component B8 (Annex B): " in answer.answer and "annexB" not in answer.answer


def test_json_shape_and_every_listed_standard_and_source_exist(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("KPIs and indicators for a resilient city", kb, retriever, limit=3)
    data = json.loads(answer.model_dump_json())
    assert {"question", "answer", "standards", "relevant", "kind", "topics", "relevance"} <= set(data)
    assert 1 <= len(data["standards"]) <= 3
    for hit in data["standards"]:
        assert {"id", "ref", "why", "source", "reference", "paired_with", "pair_source"} <= set(hit)
        assert hit["reference"] == kb.reference_label(hit["source"])
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


def test_shorthand_is_matched_spelt_out_and_the_question_kept_as_typed(kb: KnowledgeBase, retriever):
    typed = "which std helps w/ open data mgmt?"
    answer = answer_standards_question(typed, kb, retriever)
    spelt = answer_standards_question("which standard helps with open data management?", kb, retriever)
    assert answer.question == typed
    assert [hit.id for hit in answer.standards] == [hit.id for hit in spelt.standards] != []


def test_a_question_sharing_no_word_with_the_model_is_answered_plainly(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("How do I bake sourdough bread?", kb, retriever)
    assert (answer.relevant, answer.kind, answer.standards, answer.answer) == (
        False, AnswerKind.NOTHING, [], NOTHING_RELEVANT)


class FixedRelevance:
    """The hashing retriever's search, with relevance signals and topics fixed by the test."""

    def __init__(self, inner, signals: RelevanceSignals, topics: list[TopicHit], bands: RelevanceBands | None = BANDS):
        self.inner, self.signals, self.topics, self.relevance_bands = inner, signals, topics, bands

    def search(self, query, **kwargs):
        return self.inner.search(query, **kwargs)

    def relevance_signals(self, query):
        return self.signals

    def nearest_topics(self, query, n=3):
        return self.topics[:n]


def topic(kb: KnowledgeBase, characteristic_id: str, similarity: float = 0.4) -> TopicHit:
    characteristic = kb.characteristic(characteristic_id)
    sub = kb.sub_dimension(characteristic.sub_dimension)
    return TopicHit(characteristic=characteristic.id, name=characteristic.name, sub_dimension=sub.id,
                    sub_dimension_name=sub.name, similarity=similarity)


def signals(score: float) -> RelevanceSignals:
    return RelevanceSignals(best_similarity=score / 2, topic_similarity=score / 2, vocabulary_coverage=0.0)


@pytest.mark.parametrize(
    ("score", "nearest", "kind"),
    [
        (1.5, "2.2.1", AnswerKind.MATCHED),
        (1.0, "1.1.1", AnswerKind.CLOSEST_MATCH),  # above the closest-match band whatever the topic
        (0.8, "2.2.1", AnswerKind.CLOSEST_MATCH),  # weak, but the best evidence is about the nearest topic
        (0.8, "1.1.1", AnswerKind.CLARIFY),  # weak, and the evidence and the topic disagree
        (0.5, "2.2.1", AnswerKind.NOTHING),
    ],
)
def test_the_kind_of_answer_follows_the_bands_and_the_agreement(kb: KnowledgeBase, retriever, score, nearest, kind):
    judged = FixedRelevance(retriever, signals(score), [topic(kb, nearest), topic(kb, "3.2.1")])
    answer = answer_standards_question(OPEN_DATA, kb, judged)
    assert answer.kind == kind and answer.relevance == pytest.approx(score)
    assert answer.relevant == bool(answer.standards) == (kind in (AnswerKind.MATCHED, AnswerKind.CLOSEST_MATCH))
    if kind == AnswerKind.CLARIFY:
        assert [t.characteristic for t in answer.topics] == [nearest, "3.2.1"]
        assert kb.characteristic(nearest).name in answer.answer and "Which of them do you mean?" in answer.answer
    if kind == AnswerKind.CLOSEST_MATCH:
        assert answer.answer.startswith("Closest match") and answer.standards[0].id == "ISO 37106"
    if kind == AnswerKind.NOTHING:
        assert answer.topics == [] and answer.answer == NOTHING_RELEVANT


def test_naming_a_known_standard_is_always_on_topic(kb: KnowledgeBase, retriever):
    named = RelevanceSignals(best_similarity=0.0, topic_similarity=0.0, names_a_standard=True)
    answer = answer_standards_question("ISO 37120 add-on indicators?", kb, FixedRelevance(retriever, named, []))
    assert answer.kind == AnswerKind.MATCHED and "ISO 37120" in [hit.id for hit in answer.standards]


def test_a_clarifying_answer_needs_topics_to_offer(kb: KnowledgeBase, retriever):
    answer = answer_standards_question(OPEN_DATA, kb, FixedRelevance(retriever, signals(0.8), []))
    assert answer.kind == AnswerKind.NOTHING and answer.answer == NOTHING_RELEVANT


def test_the_hashing_retriever_judges_by_shared_words(kb: KnowledgeBase, retriever):
    assert retriever.relevance_bands is None
    assert retriever.relevance_signals(OPEN_DATA).shares_a_word
    assert not retriever.relevance_signals("bake sourdough bread").shares_a_word
    assert retriever.relevance_signals("What does ISO 37120 add?").names_a_standard
    assert not retriever.relevance_signals("ISO 9001 for a bakery").names_a_standard


def test_answers_never_show_machine_ids(kb: KnowledgeBase, retriever):
    for question in (OPEN_DATA, "waste collection and recycling", "smart city vocabulary and concept model",
                     "management system for sustainable development of communities"):
        answer = answer_standards_question(question, kb, retriever)
        assert answer.standards and not any(marker in answer.answer for marker in ("annexB:", "annexC:", "/L"))


def test_a_partner_follows_with_the_reason_in_the_answer(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("management system for sustainable development of communities", kb, retriever)
    ids = [hit.id for hit in answer.standards]
    assert ids[:2] == ["ISO 37101", "ISO 37104"]
    follower = answer.standards[1]
    assert follower.paired_with == "ISO 37101" and kb.has_entry(follower.pair_source or "")
    assert "(named with ISO 37101 in the draft)" in answer.answer.splitlines()[2]


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
    assert all(hit.id in prompt and hit.reference in prompt for hit in hits)
    assert "annexB" not in prompt  # the model is shown readable references, so it cannot echo machine ids
    assert isinstance(StandardsAnswer.model_json_schema(), dict)


def test_a_question_in_another_language_is_asked_again_in_english(kb: KnowledgeBase, retriever):
    answer = answer_standards_question("¿Qué norma nos ayuda con los datos abiertos de la ciudad?", kb, retriever)
    assert answer.kind == AnswerKind.NOTHING and answer.standards == []
    assert answer.answer == NOT_ENGLISH
