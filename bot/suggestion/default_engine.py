"""The default suggestion engine: deterministic, no LLM, one embedding batch per answer.

    engine = DefaultSuggestionEngine(kb, MiniLMEmbedder())
    suggestion = engine.suggest("1.1.1", "Our City Strategy 2030 was adopted by council in 2019 ...")
    suggestion.level, suggestion.confidence, suggestion.citations

Same answer, same knowledge version, same embedder: same suggestion, every time.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import Embedder
from bot.suggestion.condition_index import characteristic_index, knowledge_vocabulary
from bot.suggestion.decision import LevelDecision, decide_level
from bot.suggestion.explanation import (
    counter_quotes,
    criterion_citation,
    evidence_quotes,
    follow_up_question,
    gap_standard,
    missing_lines,
    standard_citation,
)
from bot.suggestion.matching import match_conditions
from bot.suggestion.models import Citation, Suggestion, SuggestionContext
from bot.suggestion.rationale import rationale_text
from bot.suggestion.screening import (
    AbstainReason,
    looks_like_gibberish,
    looks_like_instruction,
    only_asks_questions,
    says_dont_know,
    validate_answer,
)
from bot.suggestion.text import split_clauses
from bot.suggestion.tuning import DEFAULT_TUNING, Tuning

ENGINE_NAME = "default"


class DefaultSuggestionEngine:
    name = ENGINE_NAME

    def __init__(
        self, kb: KnowledgeBase, embedder: Embedder, tuning: Tuning = DEFAULT_TUNING, cache_dir: Path | None = None
    ):
        self.kb = kb
        self.embedder = embedder
        self.tuning = tuning
        self.cache_dir = cache_dir  # on-disk condition vectors; None keeps them in memory only

    def warm_up(self, characteristic_ids: list[str] | None = None) -> None:
        """Embed the conditions of these characteristics (all by default) ahead of the first answer."""
        for characteristic_id in characteristic_ids or self.kb.characteristic_ids:
            characteristic_index(self.kb, self.embedder, characteristic_id, self.cache_dir)
        knowledge_vocabulary(self.kb)
        self.embedder.embed(["We publish the strategy.", "Residents comment on it online."])

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        """Suggest a level, or abstain with a follow-up question; see `SuggestionEngine`."""
        characteristic = self.kb.characteristic(characteristic_id)
        text = validate_answer(answer)
        screened = screen_answer(text, self.kb)
        if screened is not None:
            return self._abstention(characteristic.id, LevelDecision(None, 0.0, screened))

        index = characteristic_index(self.kb, self.embedder, characteristic.id, self.cache_dir)
        clauses = split_clauses(text)
        vectors = np.asarray(self.embedder.embed([c.text for c in clauses]), dtype=np.float32)
        vectors = vectors.reshape(len(clauses), -1) if clauses else vectors
        evidence = match_conditions(index, clauses, vectors, self.tuning)
        decision = decide_level(evidence, self.tuning)
        if decision.level is None:
            return self._abstention(characteristic.id, decision)

        quotes = evidence_quotes(decision.relied_on)
        counter = counter_quotes(decision.contradicted)
        gap = gap_standard(index, [e.condition for e in decision.missing])
        citations = [criterion_citation(characteristic, lv) for lv in sorted({e.level for e in decision.relied_on})]
        if decision.level not in {c.level for c in citations}:
            citations.append(criterion_citation(characteristic, decision.level))
        if gap is not None:
            citations.append(standard_citation(gap, characteristic))
        return Suggestion(
            characteristic=characteristic.id,
            level=decision.level,
            confidence=decision.confidence,
            rationale=rationale_text(self.kb, characteristic, decision, quotes, counter, gap),
            citations=citations,
            evidence=quotes,
            counter_evidence=counter,
            missing=missing_lines(decision.missing),
            follow_up=follow_up_question(characteristic, decision, None),
            engine=self.name,
            knowledge_version=self.kb.version,
        )

    def _abstention(self, characteristic_id: str, decision: LevelDecision) -> Suggestion:
        characteristic = self.kb.characteristic(characteristic_id)
        asked_level = decision.missing[0].level if decision.missing else 2
        citations: list[Citation] = [criterion_citation(characteristic, asked_level)]
        return Suggestion(
            characteristic=characteristic.id,
            level=None,
            confidence=0.0,
            rationale=rationale_text(self.kb, characteristic, decision, [], [], None),
            citations=citations,
            evidence=[],
            missing=missing_lines(decision.missing),
            follow_up=follow_up_question(characteristic, decision, decision.abstain_reason),
            engine=self.name,
            knowledge_version=self.kb.version,
            abstain_reason=decision.abstain_reason.value if decision.abstain_reason else None,
        )


def screen_answer(text: str, kb: KnowledgeBase) -> AbstainReason | None:
    """Reasons to abstain that show before any matching: instructions, gibberish, "don't know"."""
    if looks_like_instruction(text):
        return AbstainReason.INSTRUCTION
    if looks_like_gibberish(text, knowledge_vocabulary(kb)):
        return AbstainReason.GIBBERISH
    if says_dont_know(text):
        return AbstainReason.DONT_KNOW
    if only_asks_questions(text):
        return AbstainReason.QUESTION
    return None
