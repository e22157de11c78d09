"""A measured change already seen ("down 40% since 2019") is the purposes' level-4 evidence that things improve;
a target or a plan is not."""

from types import SimpleNamespace

import pytest

from bot.knowledge.models import Condition
from bot.suggestion.condition_index import Phrase
from bot.suggestion.matching import _improvement_shown
from bot.suggestion.trends import asks_for_improvement_shown, reports_a_measured_change
from bot.suggestion.tuning import Tuning


@pytest.mark.parametrize("text", [
    "flood-related disruption hours are down 40% since 2019.",
    "recycling went from 38% to 52%",
    "emissions have fallen by a third compared with 2015",
    "visitor numbers up 12%",
    "30% fewer outages than in 2020",
    "flood response and recovery times better every year since 2021",
])
def test_a_change_already_measured_is_reported(text: str) -> None:
    assert reports_a_measured_change(text)


@pytest.mark.parametrize("text", [
    "a target to cut emissions by 50% by 2030",
    "we aim for 20% fewer car trips",
    "we will reduce waste by 10%",
    "the trajectory is down 5% a year",
    "we track emissions every year",  # tracking, not a change seen
    "38% of residents recycle",  # a level, not a change
    "more than 40% of residents use the app",  # a share
    "the figures are broken down by 5 wards",
])
def test_a_target_a_plan_or_a_level_is_not_a_change_seen(text: str) -> None:
    assert not reports_a_measured_change(text)


def test_only_the_criteria_that_ask_for_improvement_shown() -> None:
    assert asks_for_improvement_shown(Condition(id="4.3/4/c", text="There is demonstrable evidence that resilience is "
                                                "improving.", cues=[]))
    assert not asks_for_improvement_shown(Condition(id="4.3/3/b", text="Leading and lagging indicators of resilience "
                                                    "are identified and monitored.", cues=[]))


def test_a_change_seen_firmly_evidences_the_improvement_criterion_whatever_else_it_resembles() -> None:
    improving = Condition(id="4.3/4/c", text="There is demonstrable evidence that resilience is improving.", cues=[])
    plan = Condition(id="4.3/2/a", text="City leaders have developed a resilience action plan.", cues=[])
    phrases = [Phrase(improving, 4, improving.text, False, frozenset(), frozenset()),
               Phrase(improving, 4, "fewer outages", True, frozenset(), frozenset()),
               Phrase(plan, 2, plan.text, False, frozenset(), frozenset())]
    tuning = Tuning()
    found = _improvement_shown(SimpleNamespace(phrases=phrases), {"4.3/2/a": (0.67, False, phrases[2])},  # type: ignore[arg-type]
                               tuning)
    assert list(found) == ["4.3/4/c"]
    score, literal, phrase = found["4.3/4/c"]
    assert score == tuning.strong_support and literal and phrase is phrases[0]
