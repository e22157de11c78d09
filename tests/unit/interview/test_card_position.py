"""A press on a card counts only while the interview is where the card was shown."""

from __future__ import annotations

import pytest

from bot.interview.messages import CardPosition, Horizon, Step
from bot.interview.state import InterviewState, card_is_current, card_may_apply

NOW = CardPosition(characteristic="1.1.1", horizon=Horizon.NOW)
SUGGESTED = CardPosition(characteristic="1.1.1", horizon=Horizon.NOW, suggestion_id=7)
LATER = CardPosition(characteristic="1.1.1", horizon=Horizon.TWO_YEARS)
PROBED = CardPosition(characteristic="1.1.1", horizon=Horizon.NOW, suggestion_id=7, probe=True)


def at(step: Step, characteristic: str | None = "1.1.1", suggestion: int | None = None) -> InterviewState:
    return InterviewState(step=step, characteristic=characteristic, pending_suggestion_id=suggestion)


@pytest.mark.parametrize("state, card, current", [
    (at(Step.AWAIT_ANSWER_NOW), NOW, True),
    (at(Step.AWAIT_CONFIRM_NOW, suggestion=7), SUGGESTED, True),
    (at(Step.AWAIT_CONFIRM_NOW, suggestion=8), SUGGESTED, False),  # a newer suggestion is on show
    (at(Step.AWAIT_CONFIRM_NOW, suggestion=8), NOW, True),  # the question card's buttons still apply
    (at(Step.AWAIT_REASON, suggestion=7), SUGGESTED, True),
    (at(Step.AWAIT_ANSWER_TWO_YEARS), SUGGESTED, False),  # the second click of a double click
    (at(Step.AWAIT_ANSWER_TWO_YEARS), LATER, True),
    (at(Step.AWAIT_ANSWER_NOW, "1.1.2"), LATER, False),
    (at(Step.COMPLETE, None), LATER, False),
    (at(Step.PAUSED), NOW, True),  # the interview itself says it is paused
    (at(Step.AWAIT_PROBE_NOW, suggestion=7), PROBED, True),
    (at(Step.AWAIT_PROBE_NOW, suggestion=8), PROBED, False),  # answered: the next probe is asked
    (at(Step.AWAIT_CONFIRM_NOW, suggestion=7), PROBED, False),  # "suggest now" shows the same suggestion
    (at(Step.AWAIT_REASON, suggestion=7), PROBED, False),  # a level typed at the probe waits for its reason
    (at(Step.AWAIT_PROBE_NOW, suggestion=7), NOW, True),  # the question card's Skip still applies
    # a reply to the probe is with the engine: a second press is the other half of a double click
    (at(Step.AWAIT_PROBE_NOW, suggestion=7).model_copy(update={"unsuggested_answer_id": 5}), PROBED, False),
])
def test_a_card_is_current_only_where_the_interview_is(state: InterviewState, card: CardPosition,
                                                       current: bool) -> None:
    assert card_is_current(state, card) is current


@pytest.mark.parametrize("step, characteristic, card, may", [
    (Step.AWAIT_ANSWER_NOW, "1.1.1", NOW, True),
    (Step.AWAIT_CONFIRM_NOW, "1.1.1", SUGGESTED, True),
    (Step.AWAIT_CONFIRM_TWO_YEARS, "1.1.1", SUGGESTED, False),  # the other horizon
    (Step.AWAIT_PROBE_TWO_YEARS, "1.1.1", LATER, True),
    (Step.AWAIT_ANSWER_NOW, "1.1.2", NOW, False),  # another characteristic
    (Step.AWAIT_REASON, "1.1.1", LATER, True),  # waiting for a reason: the interview says what to do
    (Step.PAUSED, "1.1.2", NOW, True),
    (Step.COMPLETE, None, NOW, True),
    (Step.NOT_STARTED, None, LATER, True),
    (Step.AWAIT_ANSWER_NOW, "1.1.1", None, True),  # a card of no characteristic (Start)
])
def test_a_quick_look_refuses_only_a_card_of_another_question(step: Step, characteristic: str | None,
                                                              card: CardPosition | None, may: bool) -> None:
    assert card_may_apply(step, characteristic, card) is may
