"""Which assessment a person means, decided from their memberships, read in one query.

A channel that knows only who wrote (Slack: a user id) asks here which assessment they mean: a typed
message goes to the interview they touched last; a facilitator's command without a name goes to the
newest assessment they facilitate. Only members learn an assessment's name: every answer here is chosen
from the person's own memberships (`memberships_of`, one query whatever their number), so a channel
that words a refusal with them names nothing else.

>>> mine = memberships(database, "U0123ABC")
>>> current_interview(mine)                        # "Riverton 2026", or None: no interview
>>> assessment_to_facilitate(mine, "Riverton 2025")   # that membership, or None: not one of theirs
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from bot.interview.messages import CardPosition, Role
from bot.interview.state import card_may_apply
from bot.storage import Database
from bot.storage.memberships import MembershipRecord, memberships_of


def memberships(database: Database, person: str) -> list[MembershipRecord]:
    """Every assessment `person` takes part in (any role), newest first, with their interview position."""
    with database.reading() as session:
        return memberships_of(session, person)


def current_interview(mine: Sequence[MembershipRecord]) -> str | None:
    """The assessment whose interview the person touched last; None when they are nobody's stakeholder."""
    interviews = [m for m in mine if m.position is not None]
    if not interviews:
        return None
    return max(interviews, key=lambda m: m.position.updated_at if m.position else m.created_at).assessment


def facilitated(mine: Sequence[MembershipRecord]) -> list[str]:
    """The assessments the person facilitates, newest first."""
    return [m.assessment for m in mine if Role.FACILITATOR in m.roles]


def membership_in(mine: Sequence[MembershipRecord], assessment: str) -> MembershipRecord | None:
    return next((m for m in mine if m.assessment == assessment), None)


def assessment_to_facilitate(mine: Sequence[MembershipRecord], name: str | None = None) -> MembershipRecord | None:
    """What a facilitator's command is about: the assessment `name` among the person's own; without a name,
    the newest they facilitate, else the newest they take part in (so a stakeholder can be told who may).
    None when they take part in no such assessment. Whether they may act on it: `Role.FACILITATOR in .roles`."""
    if name:
        return membership_in(mine, name)
    return next((m for m in mine if Role.FACILITATOR in m.roles), mine[0] if mine else None)


def own_names_close_to(mine: Sequence[MembershipRecord], name: str) -> list[str]:
    """Up to three of the person's own assessments whose names are close to `name` (a hint for a typo)."""
    return difflib.get_close_matches(name, [m.assessment for m in mine], n=3, cutoff=0.5)


def is_facilitator(mine: Sequence[MembershipRecord], assessment: str) -> bool:
    """False also when there is no such assessment (nobody learns from this whether it exists)."""
    found = membership_in(mine, assessment)
    return found is not None and Role.FACILITATOR in found.roles


def card_may_still_apply(mine: Sequence[MembershipRecord], assessment: str, card: CardPosition | None) -> bool:
    """A quick look, without the interview's lock, whether a press on `card` may still apply to the person's
    interview in `assessment` (e.g. before opening a modal from it); see `bot.interview.state.card_may_apply`."""
    found = membership_in(mine, assessment)
    if found is None or found.position is None:
        return True  # nothing to compare: the interview decides
    return card_may_apply(found.position.step, found.position.characteristic, card)
