"""Which assessment a Slack person means, in Slack's words.

In Slack a person is their user id (e.g. "U0123ABC"): the stakeholder and facilitator names stored
with an assessment. The decisions are the core's (`bot.services.memberships`, from one query of the
person's memberships): a typed direct message goes to the interview the person touched last,
`/assess` without a name acts on the newest assessment the person facilitates, and only members learn
an assessment's name. This module words the refusals for Slack (its commands, its Home tab).
"""

from __future__ import annotations

from bot.adapters.slack.limits import escape
from bot.errors import NotFoundError, PermissionDeniedError
from bot.interview.messages import CardPosition, Role
from bot.services import memberships as people
from bot.storage import Database

NOT_INVITED = ("You are not taking part in an assessment yet. A facilitator can invite you with "
               "`/assess invite @you`.")
NOT_A_STAKEHOLDER = "You are not a stakeholder of that assessment, so this is not for you."


class RefusedForPerson(PermissionDeniedError):
    """A refusal whose message is written for the person (it names only what they may see)."""


class SlackDirectory:
    def __init__(self, database: Database):
        self.database = database

    def memberships(self, user: str) -> list[people.MembershipRecord]:
        """Every assessment `user` takes part in, newest first."""
        return people.memberships(self.database, user)

    def current_interview(self, user: str) -> str:
        """The assessment whose interview `user` touched last; `NotFoundError` when they have none."""
        found = people.current_interview(self.memberships(user))
        if found is None:
            raise NotFoundError(NOT_INVITED)
        return found

    def facilitated_assessment(self, user: str, name: str | None = None, doing: str = "do this") -> str:
        """`name` (or else the newest assessment `user` facilitates), if `user` facilitates it.

        `NotFoundError` when `user` takes part in no assessment of that name (whether or not one exists),
        `RefusedForPerson` saying who may `doing` when they take part in it but do not facilitate it.
        """
        mine = self.memberships(user)
        found = people.assessment_to_facilitate(mine, name)
        if found is None and name:
            close = people.own_names_close_to(mine, name)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise NotFoundError(f"You take part in no assessment named '{name}'.{hint}")
        if found is None:
            raise NotFoundError("You do not facilitate an assessment yet. Start one with "
                                "`/assess new <community> <cycle>`, or name one at the end of the command.")
        if Role.FACILITATOR not in found.roles:
            raise RefusedForPerson(f"Only facilitators of '{found.assessment}' can {doing}. You take part in it as "
                                   "a stakeholder: your interview is in your direct messages with me.")
        return found.assessment

    def facilitator_help(self, user: str) -> str | None:
        """What a facilitator who writes to the bot can do (mrkdwn); None for someone who facilitates nothing."""
        facilitated = people.facilitated(self.memberships(user))
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
        return people.is_facilitator(self.memberships(user), assessment)

    def card_may_still_apply(self, assessment: str, user: str, card: CardPosition | None) -> bool:
        """A quick look before opening a modal from a card; the interview checks the card again under its lock."""
        return people.card_may_still_apply(self.memberships(user), assessment, card)
