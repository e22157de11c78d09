"""Deterministic fakes at the interfaces the Slack bot uses (no monkeypatching of Slack or the core)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from bot.errors import InvalidInputError
from bot.knowledge import KnowledgeBase, criterion_id
from bot.suggestion.models import MAX_ANSWER_CHARS, Citation, CitationKind, Suggestion, SuggestionContext

LEVEL_MARK = re.compile(r"\blevel ([1-5])\b", re.IGNORECASE)


@dataclass
class FakeSuggestionEngine:
    """Suggests the level an answer names as "level 3" (the last one wins); abstains with a follow-up
    question when it names none. Validates input like the real engines."""

    kb: KnowledgeBase
    name: str = "fake-slack"
    calls: list[tuple[str, str]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        characteristic = self.kb.characteristic(characteristic_id)
        if not answer.strip():
            raise InvalidInputError("The answer is empty.")
        if len(answer) > MAX_ANSWER_CHARS:
            raise InvalidInputError(f"The answer is too long ({len(answer)} characters).")
        with self._lock:
            self.calls.append((characteristic_id, answer))
        marks = LEVEL_MARK.findall(answer)
        if not marks:
            return Suggestion(characteristic=characteristic.id, level=None, confidence=0.0,
                              rationale="No level can be placed from this answer.",
                              follow_up="Who owns the strategy, and is it written down?", engine=self.name,
                              knowledge_version=self.kb.version, abstain_reason="too vague")
        level = int(marks[-1])
        return Suggestion(
            characteristic=characteristic.id, level=level, confidence=0.5 + level / 10,
            rationale=f"The answer describes level {level}.",
            citations=[Citation(kind=CitationKind.CRITERION, id=criterion_id(characteristic.id, level),
                                characteristic=characteristic.id, level=level,
                                text=characteristic.level(level).criteria)],
            engine=self.name, knowledge_version=self.kb.version)

