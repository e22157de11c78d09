"""The qualifiers of each clause of an answer, by the clause's text: what the scope tests assert on."""

from bot.suggestion.clauses import split_clauses
from bot.suggestion.qualifiers import Qualifier
from bot.suggestion.scope import clause_qualifiers


def clause_marks(answer: str) -> dict[str, frozenset[Qualifier]]:
    clauses = split_clauses(answer)
    return {c.text: m for c, m in zip(clauses, clause_qualifiers(clauses), strict=True)}
