"""The fixed arithmetic of scoring: exact means, one rounding rule, the lower median.

Every score is computed exactly (as a `Fraction` of integer levels) and rounded once, at the end,
half up to two decimal places. Scores travel as `Decimal` and serialise as strings such as "2.50",
so the JSON of a result never depends on how a platform prints a float.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

SCORE_PLACES = Decimal("0.01")

AGGREGATION_RULE = (
    "A characteristic's consensus level is the facilitator's consensus level where one is set; otherwise it is "
    "the median of the stakeholders' confirmed levels, and when the number of levels is even the lower of the "
    "two middle levels is taken (ties resolved downwards). The two-year consensus follows the same rule on the "
    "two-year levels (a facilitator's consensus without a two-year level leaves the two-year median in place). "
    "'Don't know' and skipped answers are counted and reported, but count towards no level, score or "
    "completeness."
)
ROUNDING_RULE = (
    "Sub-dimension, dimension and overall scores are the exact mean of the consensus levels of the "
    "characteristics they contain (characteristics without a consensus are left out), rounded once, half up, "
    "to two decimal places. A score's gap is its two-year score minus its current score, both as rounded. "
    "Completeness counts confirmed levels only: rated / expected, rounded half up to a whole percent."
)


def round_score(value: Fraction) -> Decimal:
    """Round an exact value half up to two decimals: 5/2 -> Decimal('2.50'), 7/3 -> Decimal('2.33')."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)


def exact_mean(levels: Sequence[int]) -> Fraction | None:
    """The exact mean of integer levels, or None when there are none."""
    if not levels:
        return None
    return Fraction(sum(levels), len(levels))


def mean_score(levels: Sequence[int]) -> Decimal | None:
    """The rounded mean of integer levels (None when there are none)."""
    mean = exact_mean(levels)
    return None if mean is None else round_score(mean)


def lower_median(levels: Sequence[int]) -> int | None:
    """The median of integer levels with ties resolved downwards: [2, 3] -> 2, [1, 3, 4] -> 3."""
    if not levels:
        return None
    ordered = sorted(levels)
    return ordered[(len(ordered) - 1) // 2]


def percent(part: int, whole: int) -> int:
    """`part / whole` as a whole percent, rounded half up; 0 when `whole` is 0."""
    if whole <= 0:
        return 0
    exact = Decimal(part * 100) / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def score_difference(later: Decimal | None, earlier: Decimal | None) -> Decimal | None:
    """`later - earlier` for two rounded scores; None when either is missing."""
    if later is None or earlier is None:
        return None
    return (later - earlier).quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)
