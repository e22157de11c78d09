"""The cumulative ladder as probabilities: how likely each rung is in place, and what that says about the level.

Levels are cumulative: a city is at level L when every rung 2..L is in place and rung L+1 is not. Given
the probability that each rung is in place (`presence`, read from the answers by `rungs.py`), the
probability of each level follows:

    P(level = 1) = 1 - p2
    P(level = L) = p2 * ... * pL * (1 - pL+1)
    P(level = 5) = p2 * ... * p5

A missing lower rung therefore caps the level however impressive the evidence above it. The suggested
level is the most probable one; it is *settled* when that probability is high enough. When it is not,
the most informative rung to ask about is the one whose yes/no answer is expected to leave the least
uncertainty about the level (expected entropy after the answer). Pure functions, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

RUNGS = (2, 3, 4, 5)
LEVELS = (1, 2, 3, 4, 5)


def level_distribution(presence: Mapping[int, float]) -> dict[int, float]:
    """P(level = L) for L = 1..5 from the probability that each rung 2..5 is in place."""
    distribution: dict[int, float] = {}
    reached = 1.0
    for level in LEVELS:
        if level > 1:
            reached *= presence[level]
        above = presence[level + 1] if level < 5 else 0.0
        distribution[level] = reached * (1.0 - above)
    return distribution


def most_probable_level(distribution: Mapping[int, float]) -> int:
    """The level with the highest probability; a tie goes to the lower level (the cautious reading)."""
    return max(LEVELS, key=lambda level: (round(distribution[level], 9), -level))


def entropy(distribution: Mapping[int, float]) -> float:
    return -sum(p * math.log2(p) for p in distribution.values() if p > 0)


def weighed(distribution: Mapping[int, float], weights: Mapping[int, float] | None) -> dict[int, float]:
    """A distribution times per-level weights (a prior), normalised; unchanged without weights."""
    if weights is None:
        return dict(distribution)
    product = {level: p * weights[level] for level, p in distribution.items()}
    total = sum(product.values()) or 1.0
    return {level: p / total for level, p in product.items()}


def expected_entropy_after_asking(
    presence: Mapping[int, float], rung: int, yes: float, no: float, weights: Mapping[int, float] | None = None
) -> float:
    """The uncertainty left, on average, after asking whether `rung` is in place.

    A "yes" sets the rung's presence to `yes`, a "no" to `no`. The chance of each answer is what the
    (weighed) distribution says about the rung: the probability that the level is at least `rung`.
    """
    before = weighed(level_distribution(presence), weights)
    chance_yes = sum(p for level, p in before.items() if level >= rung)
    after_yes = weighed(level_distribution({**presence, rung: yes}), weights)
    after_no = weighed(level_distribution({**presence, rung: no}), weights)
    return chance_yes * entropy(after_yes) + (1 - chance_yes) * entropy(after_no)


def most_informative_rung(
    presence: Mapping[int, float], askable: Collection[int], yes: float, no: float,
    weights: Mapping[int, float] | None = None,
) -> int | None:
    """The askable rung whose answer is expected to settle the most; None when no question would help.

    Ties go to the lower rung: it is asked about first, as an assessor climbs the ladder.
    """
    current = entropy(weighed(level_distribution(presence), weights))
    best: tuple[float, int] | None = None
    for rung in sorted(askable):
        gain = current - expected_entropy_after_asking(presence, rung, yes, no, weights)
        if gain > 1e-6 and (best is None or gain > best[0] + 1e-9):
            best = (gain, rung)
    return best[1] if best else None
