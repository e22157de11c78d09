"""How sure the default engine is of the level it chose, from the evidence behind it.

The level is decided first (`decision.decide_level`); confidence never changes it. Four things are
weighed, all read from the matched evidence:

- **pieces**: how many distinct clauses of the answer support the level. One sentence that matches one
  condition is one piece, however well it matches; each further piece adds less (1 - 0.5 ** pieces).
- **strength**: how firmly those clauses match, from the support threshold (0) to a strong match (1),
  averaged over the conditions relied on.
- **completeness**: the share of the conditions of the *described* levels (2 up to the level, leaving
  out bridged ones) that the answer evidences; 1 at level 1.
- **doubts**: bridged levels (levels the answer did not describe, assumed from evidence above them),
  hedges in the supporting clauses ("I think", "probably", "on paper"), limitations that were
  overruled, and evidence of the next level (an adjacent level is plausible).

    confidence = 0.15 + 0.8 * (strength + completeness) / 2 * (1 - 0.5 ** pieces)
                 - 0.1 per hedge or overruled limitation - 0.15 if the next level is partly evidenced
                 - 0.1 per bridged level, and never above 0.45 when a level was bridged

clipped to [0.05, 0.95]. So one sentence with a single match stays below `LOW_CONFIDENCE` (at most
0.55), a bridged level is always low, and high confidence needs several firm pieces of evidence. Below
`LOW_CONFIDENCE` the engine always asks a follow-up question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.suggestion.matching import ClauseMatch, ConditionEvidence
from bot.suggestion.tuning import Tuning

LOW_CONFIDENCE = 0.6  # below this a suggestion comes with a follow-up question
BRIDGED_CEILING = 0.45  # a level assumed rather than described is never more than this sure
HEDGE_PENALTY = 0.1
ADJACENT_PENALTY = 0.15
BRIDGED_PENALTY = 0.1

_HEDGE = re.compile(
    r"\b(?:i|we) (?:think|believe|guess|assume|hope|suppose)\b|\b(?:probably|maybe|perhaps|possibly|"
    r"supposedly|apparently|presumably|sort of|kind of|more or less|in theory|on paper|as far as i know|"
    r"not sure|to some extent|i'm told|i am told|if i remember)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ConfidenceBasis:
    """What the confidence was computed from, so the rationale can say why it is low."""

    value: float
    pieces: int
    strength: float
    completeness: float
    bridged: int
    hedges: int
    adjacent: bool

    @property
    def low(self) -> bool:
        return self.value < LOW_CONFIDENCE


def is_hedged(text: str) -> bool:
    """Whether a clause hedges what it says ("I think we publish ...", "on paper we have ...")."""
    return bool(_HEDGE.search(text.replace("’", "'")))


def relied_matches(relied_on: list[ConditionEvidence]) -> list[ClauseMatch]:
    """The clause behind each condition relied on: its support, or (a denied level 2 at level 1) its denial."""
    matches = []
    for item in relied_on:
        match = item.support if item.support and item.support_score >= item.against_score else item.against
        if match is not None:
            matches.append(match)
    return matches


def confidence_basis(
    level: int,
    relied_on: list[ConditionEvidence],
    described: list[ConditionEvidence],
    next_level: list[ConditionEvidence],
    bridged: list[int],
    overruled: int,
    tuning: Tuning,
) -> ConfidenceBasis:
    """Pure: the confidence of `level` (see the module docstring).

    `described`: the conditions of the levels 2..level the answer described (not bridged); `next_level`:
    the conditions of level + 1; `overruled`: limitations said of levels at or below `level`.
    """
    matches = relied_matches(relied_on)
    pieces = len({(m.clause.start, m.clause.end, m.clause.text) for m in matches})
    span = max(tuning.strong_support - tuning.support_threshold, 1e-6)
    scores = [m.score for m in matches] or [tuning.support_threshold]
    strength = sum(min(1.0, max(0.0, (s - tuning.support_threshold) / span)) for s in scores) / len(scores)
    met = [e for e in described if _met(e, tuning)]
    completeness = len(met) / len(described) if described and level > 1 else 1.0
    hedges = len({m.clause.text for m in matches if is_hedged(m.clause.text)}) + overruled
    adjacent = level < 5 and any(_met(e, tuning) for e in next_level)

    value = 0.15 + 0.8 * (strength + completeness) / 2 * (1 - 0.5 ** pieces)
    value -= HEDGE_PENALTY * hedges + (ADJACENT_PENALTY if adjacent else 0.0) + BRIDGED_PENALTY * len(bridged)
    if bridged:
        value = min(value, BRIDGED_CEILING)
    value = round(min(0.95, max(0.05, value)), 3)
    return ConfidenceBasis(value, pieces, round(strength, 3), round(completeness, 3), len(bridged), hedges, adjacent)


def _met(evidence: ConditionEvidence, tuning: Tuning) -> bool:
    return evidence.support_score >= tuning.support_threshold and evidence.support_score >= evidence.against_score
