"""Which assessment a person means, decided from their memberships alone."""

from __future__ import annotations

from datetime import datetime

from bot.interview.messages import CardPosition, Horizon, Role, Step
from bot.services.memberships import (
    assessment_to_facilitate,
    card_may_still_apply,
    current_interview,
    facilitated,
    is_facilitator,
    own_names_close_to,
)
from bot.storage.memberships import MembershipRecord
from bot.storage.records import PositionRecord

MORNING, NOON = datetime(2026, 3, 1, 9), datetime(2026, 3, 1, 12)


def member(name: str, *roles: Role, touched: datetime | None = None, step: Step = Step.AWAIT_ANSWER_NOW,
           characteristic: str | None = "1.1.1") -> MembershipRecord:
    position = None if touched is None else PositionRecord(stakeholder="U1", step=step, characteristic=characteristic,
                                                           updated_at=touched)
    return MembershipRecord(assessment=name, created_at=MORNING, roles=tuple(sorted(roles)), position=position)


NEWEST_FIRST = [member("New 2026", Role.FACILITATOR), member("Mid 2025", Role.STAKEHOLDER, touched=MORNING),
                member("Old 2024", Role.FACILITATOR, Role.STAKEHOLDER, touched=NOON)]


def test_a_message_goes_to_the_interview_touched_last() -> None:
    assert current_interview(NEWEST_FIRST) == "Old 2024"
    assert current_interview([member("New 2026", Role.FACILITATOR)]) is None
    assert current_interview([]) is None


def test_a_facilitators_command_is_about_the_named_or_the_newest_facilitated_assessment() -> None:
    assert facilitated(NEWEST_FIRST) == ["New 2026", "Old 2024"]
    assert assessment_to_facilitate(NEWEST_FIRST) == NEWEST_FIRST[0]
    assert assessment_to_facilitate(NEWEST_FIRST, "Mid 2025") == NEWEST_FIRST[1]  # found; may not facilitate it
    assert assessment_to_facilitate(NEWEST_FIRST, "Elsewhere 2026") is None
    stakeholder_only = [member("Mid 2025", Role.STAKEHOLDER, touched=MORNING)]
    assert assessment_to_facilitate(stakeholder_only) == stakeholder_only[0]  # to be told who may
    assert assessment_to_facilitate([]) is None
    assert is_facilitator(NEWEST_FIRST, "Old 2024") and not is_facilitator(NEWEST_FIRST, "Mid 2025")
    assert not is_facilitator(NEWEST_FIRST, "Elsewhere 2026")


def test_hints_come_from_the_persons_own_assessments_only() -> None:
    assert own_names_close_to(NEWEST_FIRST, "Old 2025") == ["Old 2024", "Mid 2025", "New 2026"]
    assert own_names_close_to(NEWEST_FIRST, "Riverton") == []


def test_a_quick_look_lets_a_card_through_unless_it_surely_no_longer_applies() -> None:
    mine = [member("A", Role.STAKEHOLDER, touched=NOON, step=Step.AWAIT_CONFIRM_TWO_YEARS)]
    later = CardPosition(characteristic="1.1.1", horizon=Horizon.TWO_YEARS, suggestion_id=4)
    assert card_may_still_apply(mine, "A", later)
    assert not card_may_still_apply(mine, "A", later.model_copy(update={"horizon": Horizon.NOW}))
    assert not card_may_still_apply(mine, "A", later.model_copy(update={"characteristic": "1.1.2"}))
    assert card_may_still_apply(mine, "B", later)  # no interview there to compare with: the interview decides
    assert card_may_still_apply(mine, "A", None)
