"""Turn a level decision into what a person reads: citations, quoted evidence (and counter-evidence:
quotes saying a condition is not in place), what is missing, the Annex B standard that helps close
the gap, and a plain follow-up question (always one when the confidence is low). The rationale text
itself is written by `rationale.py`.

Every citation id comes from the knowledge base itself, so each one resolves with `has_entry`.
"""

from __future__ import annotations

import numpy as np

from bot.knowledge.base import criterion_id
from bot.knowledge.models import AnnexBEntry, Characteristic, Condition
from bot.suggestion.condition_index import CharacteristicIndex
from bot.suggestion.confidence import LOW_CONFIDENCE
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
    """One verbatim quote per condition relied on, for the conditions the quote supports (a denial, such
    as the level-2 fact denied at level 1, is counter-evidence: see `counter_quotes`)."""
    return [Evidence(quote=item.support.clause.text, criterion=item.condition.id) for item in relied_on
            if item.support is not None and item.support_score >= item.against_score]


def counter_quotes(contradicted: list[ConditionEvidence]) -> list[Evidence]:
    """One verbatim quote per contradicted condition: the clause saying it is not in place."""
    return [Evidence(quote=item.against.clause.text, criterion=item.condition.id) for item in contradicted
            if item.against is not None]


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


def plain_statement(text: str) -> str:
    """A condition's text as part of a sentence: no final stop, lower-case start (unless an acronym)."""
    statement = text.strip().rstrip(".")
    first = statement.split(" ", 1)[0]
    acronym = len(first) > 1 and first.isupper()
    return statement if acronym or not statement else statement[0].lower() + statement[1:]


def plain_question(condition: Condition) -> str:
    """A yes/no question about one condition, with everyday examples from its cues."""
    examples = ", ".join(f"“{cue}”" for cue in condition.cues[:3])
    hint = f" For example: {examples}." if examples else ""
    return f"Could you tell me whether this is true for your city: {plain_statement(condition.text)}?{hint}"


def follow_up_question(
    characteristic: Characteristic, decision: LevelDecision, reason: AbstainReason | None
) -> str | None:
    """What to ask next: about the first missing condition, in plain words; always something when the
    confidence is low (see `bot.suggestion.confidence`), about a bridged level first."""
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
    if decision.level is not None and decision.confidence < LOW_CONFIDENCE:
        return low_confidence_question(characteristic, decision)
    return None


def low_confidence_question(characteristic: Characteristic, decision: LevelDecision) -> str:
    """The question that would most firm up a suggestion: a bridged level, then the next level, then the
    level itself."""
    relied = {e.condition.id for e in decision.relied_on}
    denied = {e.condition.id for e in decision.contradicted}
    for level in decision.bridged_levels:
        unmet = [c for c in characteristic.level(level).conditions if c.id not in relied]
        if unmet:
            return f"Level {level} was not described, so I assumed it. {plain_question(unmet[0])}"
    open_items = [e.condition for e in decision.missing if e.condition.id not in denied]
    if open_items:
        return plain_question(open_items[0])
    if decision.missing:
        statement = plain_statement(decision.missing[0].condition.text)
        return (f"You said this is not in place yet: {statement}. Is any of it under way, even in one "
                "department or as a pilot?")
    level = decision.level or 1
    unmet = [c for c in characteristic.level(level).conditions if c.id not in relied]
    if unmet:
        return plain_question(unmet[0])
    statement = plain_statement(characteristic.level(level).conditions[0].text)
    return f"Could you give one more example of how this works in your city: {statement}?"


def missing_lines(items: list[ConditionEvidence]) -> list[str]:
    return [f"{e.condition.id}: {e.condition.text}" for e in items]
