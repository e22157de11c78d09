from decimal import Decimal
from fractions import Fraction

import pytest

from bot.scoring.rounding import exact_mean, lower_median, mean_score, percent, round_score, score_difference


@pytest.mark.parametrize(
    ("levels", "expected"),
    [([], None), ([3], 3), ([2, 3], 2), ([3, 2], 2), ([1, 3, 4], 3), ([1, 2, 4, 5], 2), ([5, 5, 1, 1], 1),
     ([4, 1, 4, 1, 4], 4)],
)
def test_lower_median_resolves_ties_downwards(levels: list[int], expected: int | None) -> None:
    assert lower_median(levels) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(5, 2), "2.50"), (Fraction(7, 3), "2.33"), (Fraction(8, 3), "2.67"), (Fraction(5, 8), "0.63"),
     (Fraction(1, 8), "0.13"), (Fraction(3, 1), "3.00"), (Fraction(2005, 1000), "2.01"), (Fraction(-5, 8), "-0.63")],
)
def test_round_score_is_half_up_to_two_places(value: Fraction, expected: str) -> None:
    rounded = round_score(value)
    assert isinstance(rounded, Decimal)
    assert str(rounded) == expected


def test_mean_is_exact_before_the_one_rounding() -> None:
    # 2.005 cannot be represented as a float; exact arithmetic still rounds it up.
    levels = [2] * 199 + [3]
    assert exact_mean(levels) == Fraction(401, 200)
    assert str(mean_score(levels)) == "2.01"
    assert mean_score([]) is None


def test_percent_and_differences() -> None:
    assert percent(603, 620) == 97
    assert percent(1, 8) == 13  # 12.5 rounds half up
    assert percent(0, 0) == 0
    assert str(score_difference(Decimal("3.48"), Decimal("2.58"))) == "0.90"
    assert score_difference(None, Decimal("1.00")) is None
