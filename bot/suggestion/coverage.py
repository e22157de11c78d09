"""Lexical coverage: the share of a condition phrase's informative words (idf-weighted) that a clause contains.

`lexical_coverage` reads one phrase. Matching reads every phrase of a characteristic for every clause of an
answer, and most phrases share no word with a clause, so `PhraseWords` keeps each phrase's weighted words
and which phrases hold each word, built once per index: `lexical_coverages` then visits only the phrases a
clause shares a word with, and gives each exactly the number `lexical_coverage` gives it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.suggestion.condition_index import Phrase

SINGLE_WORD_DISCOUNT = 0.7


def lexical_coverage(clause_words: set[str], phrase: Phrase, idf: Mapping[str, float]) -> float:
    """Share of the phrase's informative words (idf-weighted) that the clause contains."""
    if not phrase.words:
        return 0.0
    total = sum(idf.get(word, 1.0) for word in phrase.words)
    found = sum(idf.get(word, 1.0) for word in phrase.words if word in clause_words)
    coverage = found / total
    if len(phrase.words) == 1:
        coverage *= SINGLE_WORD_DISCOUNT  # one shared word is weaker evidence than a shared phrase
    return coverage


@dataclass(frozen=True)
class PhraseWords:
    """The informative words of an index's phrases, by phrase position."""

    weighted: tuple[tuple[tuple[str, float], ...], ...]  # (word, idf) in the order the phrase's set yields them
    totals: tuple[float, ...]
    holding: Mapping[str, tuple[int, ...]]  # word -> positions of the phrases that hold it


def phrase_words(word_sets: Sequence[frozenset[str]], idf: Mapping[str, float]) -> PhraseWords:
    """Index the words of each phrase (`Phrase.words`, in order)."""
    weighted = tuple(tuple((word, idf.get(word, 1.0)) for word in words) for words in word_sets)
    # summed as `lexical_coverage` sums: the same order gives the same float
    totals = tuple(sum(weight for _, weight in pairs) for pairs in weighted)
    holding: dict[str, list[int]] = {}
    for position, words in enumerate(word_sets):
        for word in words:
            holding.setdefault(word, []).append(position)
    return PhraseWords(weighted, totals, {word: tuple(positions) for word, positions in holding.items()})


def lexical_coverages(index_words: PhraseWords, clause_words: set[str]) -> dict[int, float]:
    """`lexical_coverage` of every phrase that shares a word with the clause, by phrase position (the others
    cover nothing: 0.0)."""
    sharing = {position for word in clause_words for position in index_words.holding.get(word, ())}
    coverages: dict[int, float] = {}
    for position in sharing:
        pairs = index_words.weighted[position]
        coverage = sum(weight for word, weight in pairs if word in clause_words) / index_words.totals[position]
        coverages[position] = coverage * SINGLE_WORD_DISCOUNT if len(pairs) == 1 else coverage
    return coverages
