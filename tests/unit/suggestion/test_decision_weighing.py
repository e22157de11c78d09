"""Weighing evidence across levels: firm bridges, clauses counted once, limitations outweighed."""

from dataclasses import replace

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.decision import decide_level
from bot.suggestion.matching import ClauseMatch, ConditionEvidence
from bot.suggestion.tuning import Tuning

TUNING = Tuning()
FIRM, WEAK = 0.8, 0.52  # above and below `strong_support`; both above `support_threshold`

Mark = tuple[str, float, int]  # ('+' supported / '-' contradicted / '.' unmentioned, score, clause number)
NOTHING: Mark = (".", 0.0, 0)


def _evidence(spec: dict[int, list[Mark]]) -> list[ConditionEvidence]:
    items = []
    for level in range(1, 6):
        for index, (mark, score, clause_number) in enumerate(spec.get(level, [NOTHING])):
            condition = Condition(id=f"9.9/{level}/{'abcd'[index]}", text=f"condition {level}{index}", cues=[])
            clause = Clause(f"clause {clause_number}", clause_number * 10, clause_number * 10 + 5, clause_number)
            match = ClauseMatch(clause, None, score)  # type: ignore[arg-type]
            items.append(ConditionEvidence(condition, level, match if mark == "+" else None,
                                           match if mark == "-" else None))
    return items


def test_a_borderline_match_cannot_bridge_unmentioned_levels_over_a_firm_starting_point() -> None:
    decision = decide_level(_evidence({1: [("+", FIRM, 1)], 4: [("+", WEAK, 2)]}), TUNING)
    assert decision.level == 1


def test_a_firm_match_still_bridges_unmentioned_levels() -> None:
    decision = decide_level(_evidence({4: [("+", FIRM, 2)]}), TUNING)
    assert decision.level == 4
    assert decision.bridged_levels == [2, 3]


def test_a_loose_rung_is_carried_by_the_rung_above_it_said_in_another_clause() -> None:
    assert decide_level(_evidence({2: [("+", WEAK, 1)], 3: [("+", WEAK, 2)]}), TUNING).level == 2
    spec = {2: [("+", WEAK, 1)], 3: [("+", WEAK, 2)], 4: [("+", WEAK, 3)]}
    assert decide_level(_evidence(spec), TUNING).level == 3  # the top rung of the chain is still loose
    one_clause = {2: [("+", WEAK, 1)], 3: [("+", WEAK, 2)], 4: [("+", WEAK, 2)]}
    assert decide_level(_evidence(one_clause), TUNING).level == 2


def test_one_clause_resembling_two_levels_is_one_piece_of_evidence() -> None:
    spec = {1: [("+", FIRM, 1)], 3: [("+", FIRM, 2), NOTHING], 4: [("+", FIRM, 2), NOTHING]}
    assert decide_level(_evidence(spec), TUNING).level == 1


def test_as_many_clauses_but_firmer_outweigh_a_borderline_starting_point() -> None:
    spec = {1: [("+", WEAK, 1)], 2: [("+", FIRM, 2), NOTHING]}
    assert decide_level(_evidence(spec), TUNING).level == 2


def test_a_limitation_is_outweighed_by_a_higher_level_evidenced_by_many_clauses() -> None:
    four = [("+", FIRM, n) for n in (2, 3, 4, 5)]
    decision = decide_level(_evidence({2: [("-", FIRM, 1)], 4: four}), TUNING)
    assert decision.level == 4
    assert [e.condition.id for e in decision.contradicted] == ["9.9/2/a"]


def test_a_caveat_is_never_outweighed() -> None:
    # "... a public version with 40 indicators, updated overnight. Thing is, for most of them we never set baselines
    # or targets": the speaker corrects the picture on purpose
    four = [("+", FIRM, n) for n in (2, 3, 4, 5)]
    evidence = _evidence({2: [("-", FIRM, 1)], 4: four})
    caveat = Clause("for most of them we never set baselines or targets", 10, 15, 1, caveat=True)
    evidence = [replace(e, against=replace(e.against, clause=caveat)) if e.against else e for e in evidence]
    assert decide_level(evidence, TUNING).level == 1


def test_a_limitation_still_caps_the_level_when_little_stands_above_it() -> None:
    four = [("+", FIRM, 2), ("+", FIRM, 3)]
    assert decide_level(_evidence({2: [("-", FIRM, 1)], 4: four}), TUNING).level != 4


def test_three_clauses_of_impressive_detail_do_not_outweigh_a_stated_limitation() -> None:
    # "a live dashboard of all partners ... a smart city team ... flags slippage early. They're advisory only,
    # no budget of their own": the detail is one level's worth, the limitation is the truth of the rung below it
    three = [("+", FIRM, n) for n in (2, 3, 4)]
    assert decide_level(_evidence({2: [("-", FIRM, 1)], 4: three + [NOTHING]}), TUNING).level == 1


def _limited(evidence: list[ConditionEvidence], condition_id: str, text: str, score: float) -> list[ConditionEvidence]:
    limit = ClauseMatch(Clause(text, 90, 90 + len(text), 9), None, score)  # type: ignore[arg-type]
    return [replace(e, against=limit) if e.condition.id == condition_id else e for e in evidence]


def test_a_limit_said_of_a_level_not_reached_stops_the_climb_unless_outweighed() -> None:
    # "Data Standards Policy adopted ... reported to the Information Governance Board. Honestly compliance is hit and
    # miss ... the board is advisory only": the governance rung resembles the board, and the answer limits it
    spec = {2: [("+", FIRM, 1)], 3: [("+", FIRM, 2), NOTHING], 4: [("+", FIRM, 3), ("+", FIRM, 4)]}
    assert decide_level(_evidence(spec), TUNING).level == 4  # level 3 bridged
    limited = _limited(_evidence(spec), "9.9/3/a", "the board is advisory only", 0.6)
    assert decide_level(limited, TUNING).level == 2
    # a limit that is a hope, not a denial or a partial scope, says nothing of the level today
    hoped = _limited(_evidence(spec), "9.9/3/a", "maybe we'd get there", 0.6)
    assert decide_level(hoped, TUNING).level == 4
    # outweighed by a higher level said in four other clauses
    many = {**spec, 4: [("+", FIRM, n) for n in (3, 4)], 5: [("+", FIRM, n) for n in (5, 6)]}
    assert decide_level(_limited(_evidence(many), "9.9/3/a", "the board is advisory only", 0.6), TUNING).level == 5


def test_an_answer_too_thin_to_place_that_denies_a_level_names_the_level_below_it() -> None:
    # "Volunteers help in the library, take-up is tiny. There's no strategy behind it."
    thin = decide_level(_evidence({3: [("-", FIRM, 2), NOTHING]}), TUNING)
    assert (thin.level, thin.below_the_gap) == (None, 2)
    assert decide_level(_evidence({4: [("-", FIRM, 2)]}), TUNING).below_the_gap == 3
    assert decide_level(_evidence({}), TUNING).below_the_gap is None  # nothing denied: nothing named
    # something said firmly above the gap as well: evidence both ways, left to a probe
    both_ways = decide_level(_evidence({3: [("-", FIRM, 2), NOTHING], 5: [("+", FIRM, 3), NOTHING, NOTHING]}), TUNING)
    assert (both_ways.level, both_ways.below_the_gap) == (None, None)
