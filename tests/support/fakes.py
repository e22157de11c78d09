"""Deterministic fakes at the interfaces the core uses (no monkeypatching): one suggestion engine, one
"which standard" answerer, for every test tier and channel.

`FakeEngine` reads the level an answer names. The interview tests mark it "[L3]" (and probes "[P4]");
the Slack tests write "level 3", as a person would type it in a message (`SPOKEN_LEVEL`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from bot.errors import InvalidInputError
from bot.knowledge import KnowledgeBase, criterion_id
from bot.retrieval.relevance import AnswerKind
from bot.retrieval.standards import StandardHit, StandardsAnswer
from bot.suggestion.models import (
    MAX_ANSWER_CHARS,
    Citation,
    CitationKind,
    Horizon,
    Probe,
    ProbeAnswer,
    Suggestion,
    SuggestionContext,
)

BRACKETED_LEVEL = re.compile(r"\[L([1-5])\]")
SPOKEN_LEVEL = re.compile(r"\blevel ([1-5])\b", re.IGNORECASE)
PROBE_MARK = re.compile(r"\[P([1-5])\]")
FOLLOW_UP = "Who owns this, and is it written down?"


def fake_probe(kb: KnowledgeBase, characteristic_id: str, level: int) -> Probe:
    """The probe FakeEngine asks about one level: its first condition, in a recognisable question."""
    condition = kb.characteristic(characteristic_id).level(level).conditions[0]
    return Probe(level=level, conditions=[condition.id], question=f"Is level {level} of {characteristic_id} in place?")


@dataclass
class FakeEngine:
    """Suggests the level an answer or a probe reply names (`level_mark`, "[L3]" by default; the last mark
    wins); a probe answered yes (the button, or a reply starting with "yes") lifts it to the probe's level.
    Abstains with `follow_up` when there is none. Each "[P4]" mark in the answer is a probe it asks, in order,
    once; with none left the level is settled. Validates like the real engines; records every call and
    context (safe from several threads)."""

    kb: KnowledgeBase
    name: str = "fake"
    level_mark: re.Pattern[str] = BRACKETED_LEVEL
    follow_up: str = FOLLOW_UP
    calls: list[tuple[str, str]] = field(default_factory=list)
    contexts: list[SuggestionContext | None] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        characteristic = self.kb.characteristic(characteristic_id)
        if not answer.strip():
            raise InvalidInputError("The answer is empty.")
        if len(answer) > MAX_ANSWER_CHARS:
            raise InvalidInputError(f"The answer is too long ({len(answer)} characters).")
        with self._lock:
            self.calls.append((characteristic_id, answer))
            self.contexts.append(context)
        exchanges = context.exchanges if context else []
        marks = self.level_mark.findall(answer) + [m for e in exchanges for m in self.level_mark.findall(e.reply)]
        level = int(marks[-1]) if marks else None
        for exchange in exchanges:
            if exchange.answer == ProbeAnswer.YES or exchange.reply.lower().startswith("yes"):
                level = max(level or 0, exchange.probe.level)
        asked = {exchange.probe.level for exchange in exchanges}
        unasked = [int(mark) for mark in PROBE_MARK.findall(answer) if int(mark) not in asked]
        probe = fake_probe(self.kb, characteristic.id, unasked[0]) if unasked else None
        horizon = context.horizon if context else Horizon.NOW
        if level is None:
            return Suggestion(characteristic=characteristic.id, level=None, confidence=0.0,
                              rationale="No level can be placed.", follow_up=self.follow_up,
                              engine=self.name, knowledge_version=self.kb.version, abstain_reason="too vague",
                              probe=probe, horizon=horizon)
        cited = criterion_id(characteristic.id, level)
        return Suggestion(
            characteristic=characteristic.id, level=level, confidence=0.5 + level / 10,
            rationale=f"The answer matches level {level}.",
            citations=[Citation(kind=CitationKind.CRITERION, id=cited, characteristic=characteristic.id, level=level,
                                text=characteristic.level(level).criteria)],
            engine=self.name, knowledge_version=self.kb.version, probe=probe, horizon=horizon)


class InterruptedEngine(FakeEngine):
    """Ctrl-C arrives while the engine works on a suggestion."""

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        raise KeyboardInterrupt


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
