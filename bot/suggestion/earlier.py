"""What the person already said in their answers to other characteristics, so it is not asked again.

Only word-for-word evidence counts here (a cue's informative words nearly all present, said in the
affirmative): an answer about another characteristic is about another topic, and a loose resemblance
would make the assistant skip a question it should ask. No embedding is needed, so the check is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.suggestion.clauses import split_clauses
from bot.suggestion.condition_index import CharacteristicIndex
from bot.suggestion.coverage import lexical_coverage
from bot.suggestion.qualifiers import polarity_agrees
from bot.suggestion.scope import clause_qualifiers
from bot.suggestion.tuning import Tuning
from bot.suggestion.words import content_tokens


def conditions_said_earlier(index: CharacteristicIndex, earlier_answers: Iterable[str], tuning: Tuning) -> set[str]:
    """Ids of this characteristic's conditions (levels 2-5) that an earlier answer states outright."""
    said: set[str] = set()
    for answer in earlier_answers:
        clauses = split_clauses(answer)
        for clause, marks in zip(clauses, clause_qualifiers(clauses), strict=True):
            words = set(content_tokens(clause.text))
            for phrase in index.phrases:
                if phrase.level < 2 or phrase.condition.id in said or len(phrase.words) < 2:
                    continue
                if (lexical_coverage(words, phrase, index.idf) >= tuning.earlier_coverage
                        and polarity_agrees(marks, phrase.marks)):
                    said.add(phrase.condition.id)
    return said
