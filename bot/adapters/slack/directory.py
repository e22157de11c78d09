"""Which assessment a Slack person means: their current interview, their newest facilitated assessment.

In Slack a person is their user id (e.g. "U0123ABC"): the stakeholder and facilitator names stored
with an assessment. A typed direct message carries no assessment, so it goes to the interview the
person touched last; `/assess` without a name acts on the newest assessment the person facilitates.
Everything is read from the database (storage's functions, no SQL here), so every `mmssc serve`
process answers the same.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from bot.errors import NotFoundError
from bot.interview.messages import Horizon, Role, Step
from bot.interview.state import TWO_YEAR_STEPS
from bot.storage import Database
from bot.storage.assessments import find_participant, get_assessment, list_assessments
from bot.storage.records import PositionRecord
from bot.storage.review import positions

NOT_INVITED = ("You are not taking part in an assessment yet. A facilitator can invite you with "
               "`/assess invite @you`.")


class Membership(BaseModel):
    assessment: str
    created_at: datetime
    roles: list[Role]
    position: PositionRecord | None = None  # the person's interview, when they are a stakeholder


class SlackDirectory:
    def __init__(self, database: Database):
        self.database = database

    def memberships(self, user: str) -> list[Membership]:
        """Every assessment `user` takes part in, newest first."""
        found: list[Membership] = []
        with self.database.session() as session:
            for record in list_assessments(session):
                roles = [role for role in Role if find_participant(session, record.id, user, role) is not None]
                if not roles:
                    continue
                position = None
                if Role.STAKEHOLDER in roles:
                    position = next((p for p in positions(session, record.id) if p.stakeholder == user), None)
                found.append(Membership(assessment=record.name, created_at=record.created_at, roles=roles,
                                        position=position))
        return sorted(found, key=lambda m: (m.created_at, m.assessment), reverse=True)

    def current_interview(self, user: str) -> str:
        """The assessment whose interview `user` touched last; `NotFoundError` when they have none."""
        interviews = [m for m in self.memberships(user) if m.position is not None]
        if not interviews:
            raise NotFoundError(NOT_INVITED)
        return max(interviews, key=lambda m: (m.position.updated_at if m.position else m.created_at)).assessment

    def facilitated_assessment(self, user: str, name: str | None = None) -> str:
        """`name` if given (checked to exist), else the newest assessment `user` facilitates."""
        if name:
            with self.database.session() as session:
                return get_assessment(session, name).name
        for membership in self.memberships(user):
            if Role.FACILITATOR in membership.roles:
                return membership.assessment
        raise NotFoundError("You do not facilitate an assessment yet. Start one with "
                            "`/assess new <community> <cycle>`, or name one at the end of the command.")

    def is_facilitator(self, assessment: str, user: str) -> bool:
        with self.database.session() as session:
            record = get_assessment(session, assessment)
            return find_participant(session, record.id, user, Role.FACILITATOR) is not None

    def position(self, assessment: str, user: str) -> PositionRecord | None:
        with self.database.session() as session:
            record = get_assessment(session, assessment)
            return next((p for p in positions(session, record.id) if p.stakeholder == user), None)


def position_matches_card(position: PositionRecord | None, characteristic: str, horizon: str) -> bool:
    """Whether a button on the card for (characteristic, horizon) applies to where the interview is now."""
    if position is None or not characteristic:
        return True  # nothing to compare: let the interview decide
    if position.step in (Step.PAUSED, Step.COMPLETE, Step.NOT_STARTED):
        return True  # the interview itself says what to do
    if position.characteristic != characteristic:
        return False
    if position.step == Step.AWAIT_REASON:
        return True
    now_or_later = Horizon.TWO_YEARS if position.step in TWO_YEAR_STEPS else Horizon.NOW
    return now_or_later.value == horizon
