"""What to act on: the weakest characteristics, the largest gaps and the disagreements."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.base import KnowledgeBase
from bot.scoring.aggregate import id_key
from bot.scoring.results import (
    CharacteristicResult,
    Disagreement,
    PriorityItem,
    RatingStatus,
    StakeholderLevel,
    StakeholderValue,
    StandardHelp,
)

TOP_N = 5


def standards_that_help(kb: KnowledgeBase, characteristic_id: str) -> list[StandardHelp]:
    """Annex B rows for the characteristic's sub-dimension, then the dimension-wide rows."""
    entries = kb.annex_b_for_characteristic(kb.characteristic(characteristic_id))
    return [
        StandardHelp(
            annex_b_id=entry.id,
            standard=entry.standard,
            title=kb.standards_by_id[entry.standard].title if entry.standard in kb.standards_by_id else "",
            ref=entry.ref,
            guidance=entry.guidance,
        )
        for entry in entries
    ]


def priority_item(kb: KnowledgeBase, result: CharacteristicResult) -> PriorityItem:
    """A characteristic with its next level's criteria (none at level 5) and the standards that help."""
    characteristic = kb.characteristic(result.id)
    now = result.consensus_now
    next_level = (now + 1 if now < 5 else None) if now is not None else 1
    return PriorityItem(
        characteristic=result.id,
        name=result.name,
        sub_dimension=result.sub_dimension,
        consensus_now=now,
        consensus_two_years=result.consensus_two_years,
        gap=result.gap,
        next_level=next_level,
        next_level_name=kb.level_name(next_level) if next_level else None,
        next_level_criteria=characteristic.level(next_level).criteria if next_level else None,
        standards=standards_that_help(kb, result.id),
    )


def weakest(kb: KnowledgeBase, results: Sequence[CharacteristicResult], top: int = TOP_N) -> list[PriorityItem]:
    """The `top` characteristics with the lowest consensus level now; ties by id."""
    scored = [r for r in results if r.consensus_now is not None]
    ranked = sorted(scored, key=lambda r: (r.consensus_now, id_key(r.id)))
    return [priority_item(kb, r) for r in ranked[:top]]


def largest_gaps(kb: KnowledgeBase, results: Sequence[CharacteristicResult], top: int = TOP_N) -> list[PriorityItem]:
    """The `top` characteristics with the largest positive gap (two years minus now); ties by id."""
    growing = [r for r in results if r.gap is not None and r.gap > 0]
    ranked = sorted(growing, key=lambda r: (-(r.gap or 0), id_key(r.id)))
    return [priority_item(kb, r) for r in ranked[:top]]


def disagreements(
    results: Sequence[CharacteristicResult], rows: Sequence[StakeholderLevel]
) -> list[Disagreement]:
    """Characteristics whose confirmed levels now are two or more apart; widest first, then by id."""
    flagged = sorted((r for r in results if r.disagreement), key=lambda r: (-(r.spread or 0), id_key(r.id)))
    found = []
    for result in flagged:
        levels = sorted(
            (StakeholderValue(stakeholder=row.stakeholder, level=row.level_now)
             for row in rows
             if row.characteristic == result.id and row.status == RatingStatus.RATED and row.level_now is not None),
            key=lambda value: (value.level, value.stakeholder),
        )
        assert result.min_now is not None and result.max_now is not None and result.spread is not None
        found.append(Disagreement(
            characteristic=result.id,
            name=result.name,
            min_now=result.min_now,
            max_now=result.max_now,
            spread=result.spread,
            consensus_now=result.consensus_now,
            consensus_now_source=result.consensus_now_source,
            levels=levels,
        ))
    return found
