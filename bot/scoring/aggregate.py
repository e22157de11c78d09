"""Per stakeholder and per characteristic: the confirmed levels, the consensus and the spread."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from bot.errors import InvalidInputError
from bot.knowledge.models import Characteristic
from bot.scoring.inputs import ConfirmedLevel, ConsensusLevel
from bot.scoring.results import CharacteristicResult, ConsensusSource, RatingStatus, StakeholderLevel
from bot.scoring.rounding import lower_median

DISAGREEMENT_SPREAD = 2


class LevelSpread(NamedTuple):
    """The lowest and the highest of the stakeholders' levels now of one characteristic."""

    low: int
    high: int

    @property
    def spread(self) -> int:
        return self.high - self.low

    @property
    def disagreement(self) -> bool:
        """Two or more apart (docs/scoring.md, "Disagreement"): the scored result, `mmssc review` and Slack's
        review all decide it here, so they count the same characteristics."""
        return self.spread >= DISAGREEMENT_SPREAD


def level_spread(levels: Iterable[int]) -> LevelSpread | None:
    """How far apart the levels are; None when there are none."""
    found = list(levels)
    return LevelSpread(min(found), max(found)) if found else None


def id_key(identifier: str) -> tuple[int, ...]:
    """Sort key for dotted ids, so that 1.2.10 follows 1.2.9: '1.2.3' -> (1, 2, 3)."""
    return tuple(int(part) if part.isdigit() else -1 for part in identifier.split("."))


def latest_confirmations(confirmed: Iterable[ConfirmedLevel]) -> dict[tuple[str, str], ConfirmedLevel]:
    """One confirmation per (stakeholder, characteristic): the latest `confirmed_at` wins.

    Ties (same or missing time) are broken by the record's own JSON, so input order never matters.
    """
    ordered = sorted(confirmed, key=lambda c: (c.confirmed_at or "", c.model_dump_json()))
    return {(c.stakeholder, c.characteristic): c for c in ordered}


def consensus_by_characteristic(consensus: Iterable[ConsensusLevel]) -> dict[str, ConsensusLevel]:
    """The facilitator's consensus per characteristic; two for the same characteristic is an error."""
    found: dict[str, ConsensusLevel] = {}
    for item in consensus:
        if item.characteristic in found and found[item.characteristic] != item:
            raise InvalidInputError(f"Two different consensus levels for characteristic {item.characteristic}.")
        found[item.characteristic] = item
    return found


def stakeholder_level(stakeholder: str, characteristic: str, confirmation: ConfirmedLevel | None) -> StakeholderLevel:
    """One row of the per-stakeholder table; a missing confirmation is `not_answered`."""
    if confirmation is None:
        return StakeholderLevel(stakeholder=stakeholder, characteristic=characteristic,
                                status=RatingStatus.NOT_ANSWERED)
    now, later = confirmation.level_now, confirmation.level_two_years
    return StakeholderLevel(
        stakeholder=stakeholder,
        characteristic=characteristic,
        status=RatingStatus.RATED if now is not None else RatingStatus.DONT_KNOW,
        level_now=now,
        level_two_years=later,
        gap=later - now if now is not None and later is not None else None,
        suggested_level=confirmation.suggested_level,
        overridden=confirmation.overridden,
        confirmed_by=confirmation.confirmed_by,
        confirmed_at=confirmation.confirmed_at,
    )


def characteristic_result(
    characteristic: Characteristic,
    rows: list[StakeholderLevel],
    consensus: ConsensusLevel | None,
) -> CharacteristicResult:
    """Aggregate one characteristic's rows (one per stakeholder) into its consensus, spread and gap."""
    now = [r.level_now for r in rows if r.level_now is not None]
    later = [r.level_two_years for r in rows if r.level_two_years is not None]
    median_now, median_later = lower_median(now), lower_median(later)

    consensus_now: int | None
    consensus_later: int | None
    if consensus is not None:
        consensus_now, now_source = consensus.level_now, ConsensusSource.FACILITATOR
    else:
        consensus_now = median_now
        now_source = ConsensusSource.MEDIAN if median_now is not None else ConsensusSource.NONE
    if consensus is not None and consensus.level_two_years is not None:
        consensus_later, later_source = consensus.level_two_years, ConsensusSource.FACILITATOR
    else:
        consensus_later = median_later
        later_source = ConsensusSource.MEDIAN if median_later is not None else ConsensusSource.NONE

    spread = level_spread(now)
    return CharacteristicResult(
        id=characteristic.id,
        name=characteristic.name,
        dimension=characteristic.dimension,
        sub_dimension=characteristic.sub_dimension,
        answered=sum(r.status != RatingStatus.NOT_ANSWERED for r in rows),
        rated=len(now),
        expected=len(rows),
        median_now=median_now,
        min_now=spread.low if spread else None,
        max_now=spread.high if spread else None,
        spread=spread.spread if spread else None,
        disagreement=spread is not None and spread.disagreement,
        consensus_now=consensus_now,
        consensus_now_source=now_source,
        consensus_two_years=consensus_later,
        consensus_two_years_source=later_source,
        consensus_set_by=consensus.set_by if consensus is not None else None,
        consensus_reason=consensus.reason if consensus is not None else "",
        gap=consensus_later - consensus_now if consensus_now is not None and consensus_later is not None else None,
    )
