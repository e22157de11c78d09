"""A small assessment caught half-way, as a facilitator sees one: skipped and "don't know" answers,
characteristics nobody rated yet, and a facilitator's consensus with its reason."""

from __future__ import annotations

from bot.knowledge import KnowledgeBase
from bot.scoring.inputs import ConfirmedLevel, ConsensusLevel, ScoringInput

CONSENSUS_REASON = "Agreed at the March workshop: the flood plan is tested every year & published"
STAKEHOLDERS = ["ana", "bruno", "chloe"]


def _level(stakeholder: str, characteristic: str, now: int | None, later: int | None = None) -> ConfirmedLevel:
    return ConfirmedLevel(stakeholder=stakeholder, characteristic=characteristic, level_now=now,
                          level_two_years=later, confirmed_by=stakeholder, confirmed_at="2026-03-02T10:00:00+00:00")


def partial_scoring_input(kb: KnowledgeBase, stakeholders: list[str] | None = None) -> ScoringInput:
    """1.1.1 rated 3 by everyone; in 1.2 only 1.2.1 is rated and the rest skipped or "don't know";
    4.3 has a facilitator's consensus over a disagreement; 1.3.1 is rated 1 by one stakeholder only
    (the weakest); every other characteristic is not rated."""
    people = stakeholders or STAKEHOLDERS
    rows = [_level(s, "1.1.1", 3, 4) for s in people]
    sub_1_2 = [c.id for c in kb.characteristics if c.sub_dimension == "1.2"]
    rows += [_level(people[0], sub_1_2[0], 2, 3)]
    rows += [_level(s, c, None) for s in people for c in sub_1_2[1:]]  # skipped or "don't know"
    rows += [_level(people[0], "4.3", 1, 2), _level(people[-1], "4.3", 4, 4)]
    rows += [_level(people[-1], "1.3.1", 1, 3)]
    consensus = [ConsensusLevel(characteristic="4.3", level_now=3, level_two_years=4, set_by="fay",
                                reason=CONSENSUS_REASON)]
    return ScoringInput(assessment="Riverton 2026", community="Riverton", cycle="2026",
                        knowledge_version=kb.version, stakeholders=people, confirmed=rows, consensus=consensus,
                        as_of="2026-03-02T10:00:00+00:00")
