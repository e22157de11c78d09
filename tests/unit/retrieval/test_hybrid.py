import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.retriever import EntryKind, RetrievalMode


@pytest.mark.parametrize("mode", list(RetrievalMode))
def test_search_returns_k_citable_entries_best_first(kb: KnowledgeBase, retriever, mode):
    entries = retriever.search("open data platform for startups and innovators", k=7, mode=mode)
    assert len(entries) == 7
    assert all(kb.has_entry(entry.id) for entry in entries)
    scores = [entry.score for entry in entries]
    assert scores == sorted(scores, reverse=True)


def test_modes_report_the_signals_they_computed(retriever):
    dense = retriever.search("open data", k=3, mode=RetrievalMode.DENSE)
    lexical = retriever.search("open data", k=3, mode=RetrievalMode.BM25)
    assert all(e.dense_similarity is not None and e.lexical_score is None for e in dense)
    assert all(e.lexical_score is not None and e.dense_similarity is None for e in lexical)


def test_filter_by_kind(retriever):
    kinds = [EntryKind.ANNEX_B, EntryKind.STANDARD]
    entries = retriever.search("a platform for open and shared city data", k=10, kinds=kinds)
    assert entries and {entry.kind for entry in entries} <= {EntryKind.ANNEX_B, EntryKind.STANDARD}
    assert entries[0].ref == "B8"


def test_filter_by_characteristic_keeps_its_criteria_and_annex_rows(kb: KnowledgeBase, retriever):
    entries = retriever.search("published vision and strategy", k=50, characteristic="1.1.1")
    criteria = [entry for entry in entries if entry.kind == EntryKind.CRITERION]
    assert {entry.id for entry in criteria} == {f"1.1.1/L{level}" for level in range(1, 6)}
    assert all(entry.kind in (EntryKind.CRITERION, EntryKind.ANNEX_B) for entry in entries)
    assert {e.id for e in entries if e.kind == EntryKind.ANNEX_B} == {e.id for e in kb.annex_b_for_sub_dimension("1.1")}


def test_filter_by_purpose_includes_its_iso_18091_functions(kb: KnowledgeBase, retriever):
    entries = retriever.search("recycling and waste", k=10, kinds=[EntryKind.ANNEX_C], characteristic="4.4")
    assert entries and {entry.id for entry in entries} <= {f.id for f in kb.annex_c_for_purpose("4.4")}
    assert entries[0].ref == "B.4.2"


def test_filters_that_match_nothing_and_empty_queries_return_nothing(retriever):
    assert retriever.search("open data", kinds=[EntryKind.ANNEX_C], characteristic="1.1.1") == []
    assert retriever.search("   ") == []
    assert retriever.search("open data", k=0) == []


def test_bm25_finds_nothing_for_words_the_model_never_uses(retriever):
    assert retriever.search("lasagna recipe", mode=RetrievalMode.BM25) == []


def test_one_text_is_embedded_for_ranking_the_gate_and_the_topics_and_numbers_stay_lexical(kb: KnowledgeBase,
                                                                                         documents):
    from bot.retrieval.embedder import HashingEmbedder, RecentTextsEmbedder
    from bot.retrieval.hybrid import HybridRetriever
    from bot.retrieval.topics import TopicIndex
    from tests.support.memory_index import InMemoryDenseIndex

    class Recording(HashingEmbedder):
        seen: list[str] = []

        def embed(self, texts):
            self.seen.extend(texts if len(texts) == 1 else [])
            return super().embed(texts)

    inner = Recording()
    embedder = RecentTextsEmbedder(inner)
    retriever = HybridRetriever(documents, InMemoryDenseIndex(documents, embedder), topics=TopicIndex(kb, embedder))
    question = "We report against ISO 37120. Is there an add-on indicator standard for the smart city side?"
    entries = retriever.search(question, k=5)
    retriever.relevance_signals(question)
    retriever.nearest_topics(question)
    assert inner.seen == ["We report against. Is there an add-on indicator for the smart city side?"]
    assert any(e.id == "ISO 37120" and (e.lexical_score or 0) > 0 for e in entries)  # BM25 still reads 37120
