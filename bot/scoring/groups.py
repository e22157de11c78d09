"""Sub-dimension, dimension and overall scores, and completeness, from characteristic results."""

from __future__ import annotations

from collections.abc import Sequence

from bot.scoring.results import CharacteristicResult, Completeness, GroupScore, RatingStatus, StakeholderLevel
from bot.scoring.rounding import mean_score, percent, score_difference

OVERALL_ID = "overall"
OVERALL_NAME = "All 31 characteristics"


def group_score(group_id: str, name: str, members: Sequence[CharacteristicResult]) -> GroupScore:
    """Mean consensus levels (now, in two years) of the characteristics in one group.

    Characteristics without a consensus are left out of the mean but stay in `characteristics`, so
    `scored < characteristics` shows a score that rests on part of the group.
    """
    now = mean_score([c.consensus_now for c in members if c.consensus_now is not None])
    later = mean_score([c.consensus_two_years for c in members if c.consensus_two_years is not None])
    answered = sum(c.answered for c in members)
    rated = sum(c.rated for c in members)
    expected = sum(c.expected for c in members)
    return GroupScore(
        id=group_id,
        name=name,
        characteristics=len(members),
        scored=sum(c.consensus_now is not None for c in members),
        score_now=now,
        score_two_years=later,
        gap=score_difference(later, now),
        answered=answered,
        expected=expected,
        completeness_percent=percent(answered, expected),
        rated=rated,
        dont_know_or_skipped=answered - rated,
        rated_percent=percent(rated, expected),
    )


def completeness(rows: Sequence[StakeholderLevel]) -> Completeness:
    """Answered (a confirmation, "don't know" included) and rated (a level now) over expected."""
    answered = sum(r.status != RatingStatus.NOT_ANSWERED for r in rows)
    rated = sum(r.status == RatingStatus.RATED for r in rows)
    return Completeness(
        answered=answered,
        rated=rated,
        expected=len(rows),
        percent=percent(answered, len(rows)),
        dont_know_or_skipped=answered - rated,
        rated_percent=percent(rated, len(rows)),
    )
