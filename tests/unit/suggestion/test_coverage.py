"""Lexical coverage: the indexed reading of every phrase gives exactly what reading one phrase gives."""

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.clauses import split_clauses
from bot.suggestion.condition_index import characteristic_index
from bot.suggestion.coverage import lexical_coverage, lexical_coverages
from bot.suggestion.words import content_tokens


def test_indexed_coverages_are_exactly_those_of_each_phrase(kb: KnowledgeBase) -> None:
    answer = ("Our City Strategy 2030 was adopted by council in 2019, with KPIs for each objective. "
              "Residents comment on it online, but only some departments report progress against it.")
    for characteristic_id in ("1.1.1", "3.2.1"):
        index = characteristic_index(kb, HashingEmbedder(), characteristic_id)
        for clause in split_clauses(answer):
            words = set(content_tokens(clause.text))
            found = lexical_coverages(index.words, words)
            expected = [lexical_coverage(words, phrase, index.idf) for phrase in index.phrases]
            assert [found.get(j, 0.0) for j in range(len(index.phrases))] == expected
            assert all(coverage > 0.0 for coverage in found.values())


def test_a_clause_sharing_no_word_covers_no_phrase(kb: KnowledgeBase) -> None:
    index = characteristic_index(kb, HashingEmbedder(), "1.1.1")
    assert lexical_coverages(index.words, set()) == {}
    assert lexical_coverages(index.words, {"zzyzx"}) == {}
