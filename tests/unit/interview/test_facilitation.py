"""Disagreements: confirmed levels two or more apart."""

from __future__ import annotations

from datetime import datetime

from bot.interview.facilitation import find_disagreements
from bot.interview.messages import Horizon, Outcome
from bot.knowledge import KnowledgeBase
from bot.storage.records import ConfirmationRecord, ConsensusRecord

NOW = datetime(2026, 3, 2)


def _confirmed(who: str, characteristic: str, level: int | None, horizon: Horizon = Horizon.NOW) -> ConfirmationRecord:
    return ConfirmationRecord(stakeholder=who, characteristic=characteristic, horizon=horizon, level=level,
                              outcome=Outcome.CONFIRMED if level else Outcome.DONT_KNOW, suggested_level=None,
                              reason="", confirmed_by=who, created_at=NOW)


def test_a_spread_of_two_or_more_is_a_disagreement(kb: KnowledgeBase) -> None:
    records = [_confirmed("ann", "1.1.1", 2), _confirmed("bob", "1.1.1", 4), _confirmed("cy", "1.1.1", None),
               _confirmed("ann", "1.1.2", 2), _confirmed("bob", "1.1.2", 3),
               _confirmed("ann", "2.1.1", 1, Horizon.TWO_YEARS), _confirmed("bob", "2.1.1", 5, Horizon.TWO_YEARS)]
    consensus = [ConsensusRecord(characteristic="1.1.1", level_now=3, level_two_years=None, set_by="fac",
                                 reason="r", created_at=NOW)]
    found = find_disagreements(kb, records, consensus)
    assert [(d.characteristic, d.horizon, d.spread, d.consensus) for d in found] == [
        ("1.1.1", Horizon.NOW, 2, 3), ("2.1.1", Horizon.TWO_YEARS, 4, None)]
    assert found[0].levels == {"ann": 2, "bob": 4}
