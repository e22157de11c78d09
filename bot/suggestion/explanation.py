"""Turn a level decision into what a person reads: citations, quoted evidence, what is missing,
the Annex B standard that helps close the gap, and a plain follow-up question.

Every citation id comes from the knowledge base itself, so each one resolves with `has_entry`.
"""

from __future__ import annotations

import numpy as np

from bot.knowledge import KnowledgeBase
from bot.knowledge.base import criterion_id
from bot.knowledge.models import AnnexBEntry, Characteristic, Condition
from bot.suggestion.condition_index import CharacteristicIndex
from bot.suggestion.decision import LevelDecision
from bot.suggestion.matching import ConditionEvidence
from bot.suggestion.models import Citation, CitationKind, Evidence
from bot.suggestion.screening import AbstainReason


def criterion_citation(characteristic: Characteristic, level: int) -> Citation:
    return Citation(
        kind=CitationKind.CRITERION,
        id=criterion_id(characteristic.id, level),
        characteristic=characteristic.id,
        level=level,
        text=characteristic.level(level).criteria,
    )


def standard_citation(entry: AnnexBEntry, characteristic: Characteristic) -> Citation:
    ref = f" ({entry.ref})" if entry.ref else ""
    return Citation(
        kind=CitationKind.STANDARD,
        id=entry.id,
        characteristic=characteristic.id,
        level=None,
        text=f"{entry.standard}{ref}: {entry.guidance}",
    )


def evidence_quotes(relied_on: list[ConditionEvidence]) -> list[Evidence]:
    """One verbatim quote per condition relied on (the supporting or, at level 1, the denying clause)."""
    quotes = []
    for item in relied_on:
        match = item.support if item.support and item.support_score >= item.against_score else item.against
        if match is not None:
            quotes.append(Evidence(quote=match.clause.text, criterion=item.condition.id))
    return quotes


def gap_standard(index: CharacteristicIndex, missing: list[Condition]) -> AnnexBEntry | None:
    """The Annex B entry whose guidance is closest to the conditions still missing."""
    if not index.standards or not missing:
        return None
    ids = {c.id for c in missing}
    rows = [i for i, p in enumerate(index.phrases) if not p.is_cue and p.condition.id in ids]
    if not rows:
        return index.standards[0]
    similarity = index.vectors[rows] @ index.standard_vectors.T  # missing conditions x standards
    best = int(np.argmax(similarity.max(axis=0)))
    return index.standards[best]


def plain_question(condition: Condition) -> str:
    """A yes/no question about one condition, with everyday examples from its cues."""
    statement = condition.text.strip().rstrip(".")
    statement = statement[0].lower() + statement[1:] if statement[:2] != statement[:2].upper() else statement
    examples = ", ".join(f"“{cue}”" for cue in condition.cues[:3])
    hint = f" For example: {examples}." if examples else ""
    return f"Could you tell me whether this is true for your city: {statement}?{hint}"


def follow_up_question(
    characteristic: Characteristic, decision: LevelDecision, reason: AbstainReason | None
) -> str | None:
    """What to ask next: about the first missing condition, in plain words."""
    target = decision.missing[0].condition if decision.missing else characteristic.level(2).conditions[0]
    ask = plain_question(target)
    if reason is AbstainReason.INSTRUCTION:
        return ("I can only suggest a level from a description of what your city actually does, so I have "
                f"not acted on that. {characteristic.question}")
    if reason is AbstainReason.GIBBERISH:
        return f"I could not read that answer. {characteristic.question}"
    if reason is AbstainReason.DONT_KNOW:
        return f"That's fine. If you can find out, or know someone who can: {ask}"
    if reason is AbstainReason.QUESTION:
        return (f"Good question. This is about “{characteristic.name}”: {characteristic.level(2).summary} is "
                f"the first step, {characteristic.level(5).summary.lower()} the most mature. {characteristic.question}")
    if reason is AbstainReason.OFF_TOPIC:
        return f"That answer does not seem to be about “{characteristic.name}”. {characteristic.question}"
    if reason is AbstainReason.THIN_EVIDENCE:
        return f"I need a little more to go on. {ask}"
    if decision.level is not None and decision.confidence < 0.5 and decision.missing:
        return ask
    return None


def missing_lines(items: list[ConditionEvidence]) -> list[str]:
    return [f"{e.condition.id}: {e.condition.text}" for e in items]


ABSTAIN_WORDS = {
    AbstainReason.DONT_KNOW: "the answer says it is not known",
    AbstainReason.GIBBERISH: "the answer could not be read as text about the city",
    AbstainReason.INSTRUCTION: "the answer tries to instruct the assistant instead of describing the city",
    AbstainReason.OFF_TOPIC: "the answer does not seem to be about this characteristic",
    AbstainReason.QUESTION: "the answer is a question rather than a description",
    AbstainReason.THIN_EVIDENCE: "there is not enough evidence yet",
}


def rationale_text(
    kb: KnowledgeBase,
    characteristic: Characteristic,
    decision: LevelDecision,
    quotes: list[Evidence],
    gap: AnnexBEntry | None,
) -> str:
    head = f"{characteristic.id} {characteristic.name}"
    if decision.level is None:
        reason = ABSTAIN_WORDS[decision.abstain_reason or AbstainReason.THIN_EVIDENCE]
        if decision.abstain_reason == AbstainReason.INSTRUCTION:
            reason += "; the answer is kept as data and nothing in it was obeyed"
        return f"No level suggested for {head}: {reason}."
    parts = [f"Suggested level {decision.level} ({kb.level_name(decision.level)}) for {head}."]
    for quote in quotes:
        condition = kb.conditions_by_id[quote.criterion]
        parts.append(f"“{quote.quote}” evidences {quote.criterion} ({condition.text.rstrip('.')}).")
    if decision.bridged_levels:
        if len(decision.bridged_levels) == 1:
            parts.append(f"Level {decision.bridged_levels[0]} was not described directly; it is assumed from the "
                         "higher-level evidence.")
        else:
            levels = " and ".join(str(level) for level in decision.bridged_levels)
            parts.append(f"Levels {levels} were not described directly; they are assumed from the higher-level "
                         "evidence.")
    for item in decision.contradicted:
        if item.against is not None and item.level > decision.level:
            parts.append(f"“{item.against.clause.text}” says {item.condition.id} is not (yet) in place.")
    if decision.missing:
        names = "; ".join(f"{e.condition.id} ({e.condition.text.rstrip('.')})" for e in decision.missing)
        parts.append(f"Missing for level {decision.level + 1}: {names}.")
        if gap is not None:
            ref = f" {gap.ref}" if gap.ref else ""
            parts.append(f"{gap.standard}{ref} helps close that gap ({gap.id}).")
    return " ".join(parts)
