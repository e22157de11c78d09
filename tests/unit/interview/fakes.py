"""Deterministic fakes at the interfaces the interview uses (no monkeypatching)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.errors import InvalidInputError
from bot.knowledge import KnowledgeBase, criterion_id
from bot.retrieval.relevance import AnswerKind
from bot.retrieval.standards import StandardHit, StandardsAnswer
from bot.suggestion.models import MAX_ANSWER_CHARS, Citation, CitationKind, Suggestion

LEVEL_MARK = re.compile(r"\[L([1-5])\]")


@dataclass
class FakeEngine:
    """Suggests the level written as "[L3]" in the answer (the last mark wins); abstains with a
    follow-up question when there is none. Validates like the real engines."""

    kb: KnowledgeBase
    name: str = "fake"
    calls: list[tuple[str, str]] = field(default_factory=list)

    def suggest(self, characteristic_id: str, answer: str) -> Suggestion:
        characteristic = self.kb.characteristic(characteristic_id)
        if not answer.strip():
            raise InvalidInputError("The answer is empty.")
        if len(answer) > MAX_ANSWER_CHARS:
            raise InvalidInputError(f"The answer is too long ({len(answer)} characters).")
        self.calls.append((characteristic_id, answer))
        marks = LEVEL_MARK.findall(answer)
        if not marks:
            return Suggestion(characteristic=characteristic.id, level=None, confidence=0.0,
                              rationale="No level can be placed.", follow_up="Who owns this, and is it written down?",
                              engine=self.name, knowledge_version=self.kb.version, abstain_reason="too vague")
        level = int(marks[-1])
        cited = criterion_id(characteristic.id, level)
        return Suggestion(
            characteristic=characteristic.id, level=level, confidence=0.5 + level / 10,
            rationale=f"The answer matches level {level}.",
            citations=[Citation(kind=CitationKind.CRITERION, id=cited, characteristic=characteristic.id, level=level,
                                text=characteristic.level(level).criteria)],
            engine=self.name, knowledge_version=self.kb.version)


@dataclass
class FakeStandardsAnswerer:
    """Answers every question with ISO 37106; rejects questions of more than 100 characters."""

    questions: list[str] = field(default_factory=list)

    def __call__(self, question: str) -> StandardsAnswer:
        if len(question) > 100:
            raise InvalidInputError("The question is too long.")
        self.questions.append(question)
        return StandardsAnswer(question=question, answer="ISO 37106 helps.", relevant=True, kind=AnswerKind.MATCHED,
                               standards=[StandardHit(id="ISO 37106", ref="B8", why="operating model guidance",
                                                      source="annexB:2.2:1", score=1.0,
                                                      reference="ISO 37106, sub-component B8 (Annex B)")])
