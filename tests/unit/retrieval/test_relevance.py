import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder, RecentTextsEmbedder
from bot.retrieval.relevance import AnswerKind, RelevanceBands, RelevanceSignals, domain_score, judge_relevance
from bot.retrieval.topics import TopicIndex

BANDS = RelevanceBands(coverage_weight=0.5, clarify=0.7, closest_match=0.9, matched=1.1)


def test_the_domain_score_adds_both_similarities_and_weighted_coverage():
    signals = RelevanceSignals(best_similarity=0.3, topic_similarity=0.4, vocabulary_coverage=0.6)
    assert domain_score(signals, BANDS) == pytest.approx(1.0)
    assert domain_score(RelevanceSignals(best_similarity=0.3), BANDS) is None


@pytest.mark.parametrize(
    ("best", "agrees", "kind"),
    [
        (0.60, True, AnswerKind.MATCHED),
        (0.45, False, AnswerKind.CLOSEST_MATCH),
        (0.35, True, AnswerKind.CLOSEST_MATCH),
        (0.35, False, AnswerKind.CLARIFY),
        (0.20, True, AnswerKind.NOTHING),
    ],
)
def test_bands_and_agreement_decide_the_kind(best, agrees, kind):
    signals = RelevanceSignals(best_similarity=best, topic_similarity=best, vocabulary_coverage=0.0)
    assert judge_relevance(signals, BANDS, evidence_agrees=agrees) == kind


def test_shared_words_alone_never_list_a_standard_when_the_meaning_is_far():
    bands = BANDS.model_copy(update={"meaning": 0.32})
    far = RelevanceSignals(best_similarity=0.30, topic_similarity=0.30, vocabulary_coverage=0.9)  # 1.05
    assert judge_relevance(far, BANDS, evidence_agrees=True) == AnswerKind.CLOSEST_MATCH
    assert judge_relevance(far, bands, evidence_agrees=True) == AnswerKind.CLARIFY
    near = far.model_copy(update={"topic_similarity": 0.33})
    assert judge_relevance(near, bands, evidence_agrees=True) == AnswerKind.CLOSEST_MATCH


def test_a_named_standard_is_a_match_and_without_bands_words_decide():
    assert judge_relevance(RelevanceSignals(names_a_standard=True), BANDS) == AnswerKind.MATCHED
    assert judge_relevance(RelevanceSignals(vocabulary_coverage=0.2), None) == AnswerKind.MATCHED
    assert judge_relevance(RelevanceSignals(best_similarity=0.9, topic_similarity=0.9), None) == AnswerKind.NOTHING


def test_topics_are_the_characteristics_by_their_own_questions(kb: KnowledgeBase):
    index = TopicIndex(kb, HashingEmbedder())
    question = kb.characteristic("2.3.1").question
    nearest = index.nearest(question, 3)
    assert nearest[0].characteristic == "2.3.1" and nearest[0].similarity == pytest.approx(1.0, abs=1e-6)
    assert (nearest[0].name, nearest[0].sub_dimension) == ("Digital inclusion", "2.3")
    assert [t.similarity for t in nearest] == sorted((t.similarity for t in nearest), reverse=True)
    assert index.nearest(question, 0) == []


class CountingEmbedder(HashingEmbedder):
    def __init__(self):
        self.calls: list[int] = []

    def embed(self, texts):
        self.calls.append(len(texts))
        return super().embed(texts)


def test_one_question_is_embedded_once_and_batches_pass_through():
    inner = CountingEmbedder()
    recent = RecentTextsEmbedder(inner, size=2)
    first = recent.embed(["open data"])
    assert recent.embed(["open data"]) == first and inner.calls == [1]
    recent.embed(["a", "b"])  # a batch (an index build) is neither cached nor served from the cache
    recent.embed(["procurement"])
    recent.embed(["inclusion"])
    recent.embed(["open data"])  # evicted by the two newer questions
    assert inner.calls == [1, 2, 1, 1, 1] and recent.name == inner.name


def test_a_fact_lookup_is_never_answered_with_a_standard() -> None:
    bands = RelevanceBands(coverage_weight=0.3, clarify=0.75, closest_match=0.95, matched=1.1)
    near = RelevanceSignals(best_similarity=0.6, topic_similarity=0.5, vocabulary_coverage=1.0, looks_up_a_fact=True)
    far = near.model_copy(update={"best_similarity": 0.2, "topic_similarity": 0.2})
    assert judge_relevance(near, bands, evidence_agrees=True) == AnswerKind.CLARIFY
    assert judge_relevance(far, bands) == AnswerKind.NOTHING
    named = far.model_copy(update={"names_a_standard": True})
    assert judge_relevance(named, bands) == AnswerKind.CLARIFY  # "who chaired ISO 37106?": its topics at most


def test_a_chore_or_a_price_is_never_answered_with_a_standard_even_one_it_names() -> None:
    bands = RelevanceBands(coverage_weight=0.3, clarify=0.75, closest_match=0.95, matched=1.1)
    chore = RelevanceSignals(best_similarity=0.9, topic_similarity=0.9, vocabulary_coverage=1.0, names_a_standard=True,
                             asks_a_chore=True)
    assert judge_relevance(chore, bands, evidence_agrees=True) == AnswerKind.NOTHING
    assert judge_relevance(chore, None) == AnswerKind.NOTHING


def test_a_message_that_asks_for_no_guidance_gets_topics_at_most_even_naming_a_standard() -> None:
    bands = RelevanceBands(coverage_weight=0.3, clarify=0.75, closest_match=0.95, matched=1.1)
    news = RelevanceSignals(best_similarity=0.7, topic_similarity=0.6, vocabulary_coverage=1.0, names_a_standard=True,
                            asks_for_guidance=False)
    assert judge_relevance(news, bands, evidence_agrees=True) == AnswerKind.CLARIFY
    far = news.model_copy(update={"best_similarity": 0.2, "topic_similarity": 0.2, "names_a_standard": False})
    assert judge_relevance(far, bands) == AnswerKind.NOTHING
    assert judge_relevance(news.model_copy(update={"asks_for_guidance": True}), bands) == AnswerKind.MATCHED
