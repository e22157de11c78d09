"""The pieces of a suggestion a person reads besides the rationale: citations, the Annex B standard that
helps close the gap, and the question to ask next. The rationale text itself is written by `rationale.py`.

Every citation id comes from the knowledge base itself, so each one resolves with `has_entry`.
"""

from __future__ import annotations

import numpy as np

from bot.knowledge.base import criterion_id
from bot.knowledge.models import AnnexBEntry, Characteristic, Condition
from bot.suggestion.condition_index import CharacteristicIndex
from bot.suggestion.models import Citation, CitationKind, Probe
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


def follow_up_question(characteristic: Characteristic, reason: AbstainReason | None, probe: Probe | None) -> str | None:
    """What to ask next in words: the probe's question, or, when the engine abstains without one, the
    question again with why."""
    if reason is AbstainReason.INSTRUCTION:
        return ("I can only suggest a level from a description of what your city actually does, so I have "
                f"not acted on that. {characteristic.question}")
    if reason is AbstainReason.GIBBERISH:
        return f"I could not read that answer. {characteristic.question}"
    if reason is AbstainReason.DONT_KNOW:
        ask = probe.question if probe else plain_question(characteristic.level(2).conditions[0])
        return f"That's fine. If you can find out, or know someone who can: {ask}"
    if reason is AbstainReason.QUESTION:
        return (f"Good question. This is about “{characteristic.name}”: {characteristic.level(2).summary} is "
                f"the first step, {characteristic.level(5).summary.lower()} the most mature. {characteristic.question}")
    if reason is AbstainReason.OFF_TOPIC:
        return f"That answer does not seem to be about “{characteristic.name}”. {characteristic.question}"
    if probe is not None:
        return probe.question
    if reason is AbstainReason.THIN_EVIDENCE:
        return f"I need a little more to go on. {plain_question(characteristic.level(2).conditions[0])}"
    return None
