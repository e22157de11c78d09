"""Which card a press may apply to: a quick look before a modal opens (Slack's card, the core's decision)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.adapters.slack.refs import CardRef
from bot.interview.messages import Role, Step
from bot.services.memberships import card_may_still_apply
from bot.storage.memberships import MembershipRecord
from bot.storage.records import PositionRecord

NOW = datetime(2026, 3, 1, 12, 0)


def at(step: Step, characteristic: str | None = "1.1.1") -> PositionRecord:
    return PositionRecord(stakeholder="UANA", step=step, characteristic=characteristic, updated_at=NOW)


@pytest.mark.parametrize("position, characteristic, horizon, applies", [
    (at(Step.AWAIT_CONFIRM_NOW), "1.1.1", "now", True),
    (at(Step.AWAIT_CONFIRM_NOW), "1.1.1", "two_years", False),
    (at(Step.AWAIT_CONFIRM_TWO_YEARS), "1.1.1", "two_years", True),
    (at(Step.AWAIT_ANSWER_TWO_YEARS), "1.1.1", "now", False),
    (at(Step.AWAIT_ANSWER_NOW, "1.1.2"), "1.1.1", "now", False),
    (at(Step.AWAIT_REASON), "1.1.1", "two_years", True),
    (at(Step.PAUSED), "1.1.1", "now", True),  # the interview itself says it is paused
    (None, "1.1.1", "now", True),
    (at(Step.AWAIT_CONFIRM_NOW), "", "now", True),
])
def test_a_card_applies_only_where_the_interview_is(position: PositionRecord | None, characteristic: str,
                                                    horizon: str, applies: bool) -> None:
    mine = [MembershipRecord(assessment="A", created_at=NOW, roles=(Role.STAKEHOLDER,), position=position)]
    card = CardRef(assessment="A", characteristic=characteristic, horizon=horizon).position()
    assert card_may_still_apply(mine, "A", card) is applies
