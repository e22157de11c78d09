"""Disagreements: confirmed levels two or more apart."""

from __future__ import annotations

from datetime import datetime

from bot.interview.messages import Horizon, Outcome
from bot.knowledge import KnowledgeBase
from bot.scoring.inputs import ConfirmedLevel, ConsensusLevel, ScoringInput
from bot.scoring.score import score_assessment
from bot.services.facilitation import find_disagreements
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
    # a consensus does not hide a disagreement; two-year expectations apart are not one (docs/scoring.md)
    assert [(d.characteristic, d.horizon, d.spread, d.consensus) for d in found] == [("1.1.1", Horizon.NOW, 2, 3)]
    assert found[0].levels == {"ann": 2, "bob": 4}


def test_the_review_and_the_scored_result_flag_the_same_characteristics(kb: KnowledgeBase) -> None:
    ids = kb.characteristic_ids
    levels = {"ann": [1, 3, 2, 5, None], "bob": [3, 3, 4, 5, 1], "cy": [2, 4, 4, 2, 5]}
    later = {"ann": [1, 1, 5, 5, 1], "bob": [5, 5, 5, 5, 5], "cy": [None, 3, 1, 5, 2]}
    records = [_confirmed(who, ids[i], level) for who, row in levels.items() for i, level in enumerate(row)]
    records += [_confirmed(who, ids[i], level, Horizon.TWO_YEARS) for who, row in later.items()
                for i, level in enumerate(row)]
    consensus = [ConsensusRecord(characteristic=ids[2], level_now=3, level_two_years=5, set_by="fac", reason="r",
                                 created_at=NOW)]
    inputs = ScoringInput(
        assessment="A", community="C", cycle="2026", knowledge_version=kb.version, stakeholders=sorted(levels),
        confirmed=[ConfirmedLevel(stakeholder=who, characteristic=ids[i], level_now=levels[who][i],
                                  level_two_years=later[who][i], confirmed_by=who)
                   for who in levels for i in range(5)],
        consensus=[ConsensusLevel(characteristic=ids[2], level_now=3, level_two_years=5, set_by="fac")])
    scored = score_assessment(inputs, kb).disagreements
    reviewed = find_disagreements(kb, records, consensus)
    assert sorted(d.characteristic for d in scored) == [d.characteristic for d in reviewed] == [
        ids[0], ids[2], ids[3], ids[4]]
    assert all(d.levels == {v.stakeholder: v.level for v in s.levels}
               for d, s in zip(reviewed, sorted(scored, key=lambda s: ids.index(s.characteristic)), strict=True))


def test_suggested_levels_kept_are_counted_per_horizon_and_overall() -> None:
    from bot.adapters.terminal.review import kept_line
    from bot.services.facilitation import ReviewReport, suggestions_kept

    def settled(outcome: Outcome, horizon: Horizon = Horizon.NOW) -> ConfirmationRecord:
        return ConfirmationRecord(stakeholder="ann", characteristic="1.1.1", horizon=horizon, level=3,
                                  outcome=outcome, suggested_level=3, reason="", confirmed_by="ann", created_at=NOW)

    records = [settled(Outcome.CONFIRMED), settled(Outcome.CONFIRMED), settled(Outcome.OVERRIDDEN),
               settled(Outcome.CHOSEN), settled(Outcome.OVERRIDDEN, Horizon.TWO_YEARS),
               _confirmed("bob", "1.1.1", None)]
    kept = suggestions_kept(records)
    assert (kept.now.confirmed, kept.now.overridden, kept.now.share) == (2, 1, 0.6667)
    assert (kept.two_years.confirmed, kept.two_years.overridden, kept.two_years.share) == (0, 1, 0.0)
    assert (kept.overall.confirmed, kept.overall.overridden, kept.overall.share) == (2, 2, 0.5)
    empty = ReviewReport(assessment="a", pending=[], confirmations=[], disagreements=[], consensus=[])
    assert empty.kept.overall.share is None
    assert kept_line(empty) == "Suggested levels kept: no level settled on a suggestion yet."
    full = empty.model_copy(update={"kept": kept})
    assert kept_line(full) == ("Suggested levels kept: 2 of 4 (50%; the rest overridden) — now 2 of 3, "
                               "in two years 0 of 1")


def test_a_review_gives_each_stakeholders_levels_of_a_characteristic_per_horizon() -> None:
    from bot.services.facilitation import ReviewReport, levels_by_characteristic

    records = [_confirmed("ann", "1.1.1", 2), _confirmed("bob", "1.1.1", 4), _confirmed("cy", "1.1.1", None),
               _confirmed("ann", "1.1.1", 3, Horizon.TWO_YEARS), _confirmed("bob", "1.1.2", 1)]
    assert levels_by_characteristic(records, Horizon.NOW) == {"1.1.1": {"ann": 2, "bob": 4}, "1.1.2": {"bob": 1}}
    review = ReviewReport(assessment="A", pending=[], confirmations=records, disagreements=[], consensus=[])
    assert review.levels("1.1.1", Horizon.TWO_YEARS) == {"ann": 3}
    assert review.levels("1.1.1", Horizon.NOW) == {"ann": 2, "bob": 4} and review.levels("4.1", Horizon.NOW) == {}
