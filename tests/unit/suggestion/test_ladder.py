"""The cumulative ladder as probabilities: pure functions."""

import pytest

from bot.suggestion.ladder import (
    entropy,
    level_distribution,
    most_informative_rung,
    most_probable_level,
    weighed,
)

SURE, DOUBT, NO = 0.97, 0.5, 0.03


def test_the_distribution_sums_to_one_and_follows_the_ladder() -> None:
    distribution = level_distribution({2: SURE, 3: SURE, 4: NO, 5: NO})
    assert sum(distribution.values()) == pytest.approx(1.0)
    assert most_probable_level(distribution) == 3


def test_a_missing_lower_rung_caps_the_level_however_strong_the_rungs_above() -> None:
    distribution = level_distribution({2: SURE, 3: NO, 4: SURE, 5: SURE})
    assert most_probable_level(distribution) == 2


def test_a_tie_goes_to_the_lower_level() -> None:
    assert most_probable_level({1: 0.0, 2: 0.4, 3: 0.4, 4: 0.1, 5: 0.1}) == 2


def test_the_most_informative_rung_is_the_uncertain_one() -> None:
    presence = {2: SURE, 3: SURE, 4: DOUBT, 5: 0.2}
    assert most_informative_rung(presence, [2, 3, 4, 5], SURE, NO) == 4


def test_nothing_is_asked_when_only_settled_rungs_are_askable() -> None:
    presence = {2: SURE, 3: SURE, 4: DOUBT, 5: 0.2}
    assert most_informative_rung(presence, [], SURE, NO) is None
    assert most_informative_rung({2: 1.0, 3: 1.0, 4: 0.0, 5: 0.0}, [2, 3, 4, 5], 1.0, 0.0) is None


def test_weights_act_as_a_prior_and_keep_a_distribution() -> None:
    distribution = level_distribution({2: DOUBT, 3: DOUBT, 4: DOUBT, 5: DOUBT})
    prior = {1: 0.1, 2: 0.1, 3: 1.0, 4: 0.1, 5: 0.1}
    result = weighed(distribution, prior)
    assert sum(result.values()) == pytest.approx(1.0)
    assert most_probable_level(result) == 3
    assert entropy(result) < entropy(distribution)
