"""Which assessment a Slack person means, and what they may see of the others.

In Slack a person is their user id (e.g. "U0123ABC"): the stakeholder and facilitator names stored
with an assessment. A typed direct message carries no assessment, so it goes to the interview the
person touched last; `/assess` without a name acts on the newest assessment the person facilitates.
Only members of an assessment learn its name: a name given by anyone else is answered as if it did
not exist, and close-match hints come from the person's own assessments only. Everything is read
from the database (storage's functions, no SQL here), so every `mmssc serve` process answers the same.
"""

from __future__ import annotations

import difflib
from datetime import datetime

from pydantic import BaseModel

from bot.adapters.slack.limits import escape
from bot.errors import NotFoundError, PermissionDeniedError
from bot.interview.messages import Horizon, Role, Step
from bot.interview.state import TWO_YEAR_STEPS
from bot.storage import Database
from bot.storage.assessments import find_assessment, find_participant
from bot.storage.memberships import memberships_of
from bot.storage.records import PositionRecord
from bot.storage.review import positions

NOT_INVITED = ("You are not taking part in an assessment yet. A facilitator can invite you with "
               "`/assess invite @you`.")
NOT_A_STAKEHOLDER = "You are not a stakeholder of that assessment, so this is not for you."


class RefusedForPerson(PermissionDeniedError):
    """A refusal whose message is written for the person (it names only what they may see)."""


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
        with self.database.session() as session:
            return [Membership(assessment=m.assessment, created_at=m.created_at, roles=list(m.roles),
                               position=m.position) for m in memberships_of(session, user)]

    def current_interview(self, user: str) -> str:
        """The assessment whose interview `user` touched last; `NotFoundError` when they have none."""
        interviews = [m for m in self.memberships(user) if m.position is not None]
        if not interviews:
            raise NotFoundError(NOT_INVITED)
        return max(interviews, key=lambda m: (m.position.updated_at if m.position else m.created_at)).assessment

    def facilitated_assessment(self, user: str, name: str | None = None, doing: str = "do this") -> str:
        """`name` (or else the newest assessment `user` facilitates), if `user` facilitates it.

        `NotFoundError` when `user` takes part in no assessment of that name (whether or not one exists),
        `RefusedForPerson` saying who may `doing` when they take part in it but do not facilitate it.
        """
        memberships = self.memberships(user)
        if name:
            found = next((m for m in memberships if m.assessment == name), None)
            if found is None:
                close = difflib.get_close_matches(name, [m.assessment for m in memberships], n=3, cutoff=0.5)
                hint = f" Did you mean: {', '.join(close)}?" if close else ""
                raise NotFoundError(f"You take part in no assessment named '{name}'.{hint}")
        else:
            found = next((m for m in memberships if Role.FACILITATOR in m.roles), None)
            if found is None and memberships:
                found = memberships[0]
            if found is None:
                raise NotFoundError("You do not facilitate an assessment yet. Start one with "
                                    "`/assess new <community> <cycle>`, or name one at the end of the command.")
        if Role.FACILITATOR not in found.roles:
            raise RefusedForPerson(f"Only facilitators of '{found.assessment}' can {doing}. You take part in it as "
                                   "a stakeholder: your interview is in your direct messages with me.")
        return found.assessment

    def facilitator_help(self, user: str) -> str | None:
        """What a facilitator who writes to the bot can do (mrkdwn); None for someone who facilitates nothing."""
        facilitated = [m.assessment for m in self.memberships(user) if Role.FACILITATOR in m.roles]
        if not facilitated:
            return None
        names = ", ".join(f"*{escape(name)}*" for name in facilitated[:3])
        names += " and more" if len(facilitated) > 3 else ""
        return (f"You facilitate {names}; you are not a stakeholder of it, so there is no interview for you here. "
                "In a channel with me: `/assess invite @a @b` adds stakeholders, `/assess status` shows their "
                "progress, `/assess report` posts the results. My *Home* tab shows what waits for confirmation "
                "and where stakeholders disagree, with a *Set consensus* button. Ask me about standards any time: "
                "`/standards &lt;question&gt;`.")

    def is_facilitator(self, assessment: str, user: str) -> bool:
        """False also when there is no such assessment (nobody learns from this whether it exists)."""
        with self.database.session() as session:
            record = find_assessment(session, assessment)
            return record is not None and find_participant(session, record.id, user, Role.FACILITATOR) is not None

    def position(self, assessment: str, user: str) -> PositionRecord | None:
        with self.database.session() as session:
            record = find_assessment(session, assessment)
            if record is None:
                return None
            return next((p for p in positions(session, record.id) if p.stakeholder == user), None)


def position_matches_card(position: PositionRecord | None, characteristic: str, horizon: str) -> bool:
    """A quick look, without a lock, whether a card still applies (e.g. before opening a modal from it);
    the interview itself decides under its position lock (`InterviewEvent.card`)."""
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
