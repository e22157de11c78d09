"""decide_level is pure: synthetic evidence in, a level out."""

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.decision import decide_level
from bot.suggestion.matching import ClauseMatch, ConditionEvidence
from bot.suggestion.screening import AbstainReason
from bot.suggestion.tuning import Tuning

TUNING = Tuning()


def _evidence(spec: dict[int, list[str]]) -> list[ConditionEvidence]:
    """spec: level -> one letter per condition: '+' supported, '-' contradicted, '.' not mentioned."""
    items = []
    for level, marks in spec.items():
        for index, mark in enumerate(marks):
            condition = Condition(id=f"9.9/{level}/{'abcd'[index]}", text=f"condition {level}{index}", cues=[])
            clause = Clause(f"clause {level}{index}", 0, 1, 0)
            phrase = None
            match = ClauseMatch(clause, phrase, 0.7)  # type: ignore[arg-type]
            items.append(ConditionEvidence(condition, level, match if mark == "+" else None,
                                           match if mark == "-" else None))
    return items


def test_highest_level_with_every_lower_level_in_place() -> None:
    decision = decide_level(_evidence({1: ["."], 2: ["+"], 3: ["+", "+"], 4: ["+", "."], 5: ["."]}), TUNING)
    assert decision.level == 3
    assert [e.condition.id for e in decision.missing] == ["9.9/4/b"]


def test_an_explicit_absence_caps_the_level_below_it() -> None:
    decision = decide_level(_evidence({1: ["."], 2: ["+"], 3: ["-", "."], 4: ["+", "+"], 5: ["+"]}), TUNING)
    assert decision.level == 2
    assert [e.condition.id for e in decision.contradicted] == ["9.9/3/a"]


def test_unmentioned_lower_levels_are_bridged_by_higher_evidence() -> None:
    decision = decide_level(_evidence({1: ["."], 2: ["."], 3: ["+", "+"], 4: ["."], 5: ["."]}), TUNING)
    assert decision.level == 3
    assert decision.bridged_levels == [2]


def test_level_one_needs_a_sign_of_absence() -> None:
    assert decide_level(_evidence({1: ["+"], 2: ["."], 3: ["."], 4: ["."], 5: ["."]}), TUNING).level == 1
    assert decide_level(_evidence({1: ["."], 2: ["-"], 3: ["."], 4: ["."], 5: ["."]}), TUNING).level == 1


def test_no_evidence_at_all_is_an_abstention() -> None:
    decision = decide_level(_evidence({1: ["."], 2: ["."], 3: ["."], 4: ["."], 5: ["."]}), TUNING)
    assert decision.level is None
    assert decision.abstain_reason is AbstainReason.OFF_TOPIC


def test_without_a_full_level_the_highest_half_evidenced_level_is_taken() -> None:
    decision = decide_level(_evidence({1: ["."], 2: ["."], 3: [".", ".", "."], 4: ["+", "+", ".", "."],
                                       5: [".", ".", "."]}), TUNING)
    assert decision.level == 4
    assert decision.bridged_levels == [2, 3]


def test_half_a_level_needs_one_firm_match_to_outrank_a_lower_half_level() -> None:
    evidence = _evidence({1: ["."], 2: ["."], 3: ["+", "."], 4: ["."], 5: ["+", "."]})
    weak = [e if e.level != 5 or e.support is None else
            ConditionEvidence(e.condition, 5, ClauseMatch(e.support.clause, e.support.phrase, 0.5), None)
            for e in evidence]
    assert decide_level(evidence, TUNING).level == 5
    assert decide_level(weak, TUNING).level == 3


def test_climb_from_a_level_reaches_only_consecutive_rungs() -> None:
    from bot.suggestion.decision import climb_from

    evidence = _evidence({1: ["."], 2: ["+"], 3: ["+", "+"], 4: [".", "."], 5: ["+"]})
    assert climb_from(1, evidence, TUNING) == 3  # rung 5 is evidenced, but rung 4 is not: no skipping
    assert climb_from(3, evidence, TUNING) == 3


def test_climb_from_a_level_takes_a_half_evidenced_first_rung_and_stops_there() -> None:
    from bot.suggestion.decision import climb_from

    evidence = _evidence({1: ["."], 2: ["+"], 3: ["+", "+"], 4: ["+", "."], 5: ["+", "."]})
    assert climb_from(3, evidence, TUNING) == 4  # half of rung 4, firmly; half of rung 5 is not climbed after it
    assert climb_from(2, evidence, TUNING) == 3  # only the first rung above may be half evidenced
    against = _evidence({1: ["."], 2: ["+"], 3: ["+", "+"], 4: ["+", "-"], 5: ["."]})
    assert climb_from(3, against, TUNING) == 3


def test_climb_from_a_level_reads_a_gap_today_followed_by_a_plan_as_the_plan() -> None:
    from bot.suggestion.decision import climb_from

    condition = Condition(id="9.9/3/a", text="baselines", cues=[])
    gap_today = ClauseMatch(Clause("nothing is baselined", 0, 20, 0), None, 0.9)  # type: ignore[arg-type]
    plan = ClauseMatch(Clause("the university is contracted to do the baselines", 22, 70, 1), None, 0.7)  # type: ignore[arg-type]
    rung_two = _evidence({2: ["+"]})
    assert climb_from(2, [*rung_two, ConditionEvidence(condition, 3, plan, gap_today)], TUNING) == 3
    plan_first = ClauseMatch(Clause("the university is contracted", 0, 20, 0), None, 0.7)  # type: ignore[arg-type]
    dropped_after = ClauseMatch(Clause("but that fell through", 22, 40, 1), None, 0.9)  # type: ignore[arg-type]
    assert climb_from(2, [*rung_two, ConditionEvidence(condition, 3, plan_first, dropped_after)], TUNING) == 2
    # a hope said first is no gap today: what follows it is no plan for it
    hope = ClauseMatch(Clause("we'd like baselines", 0, 19, 0), None, 0.9)  # type: ignore[arg-type]
    assert climb_from(2, [*rung_two, ConditionEvidence(condition, 3, plan, hope)], TUNING) == 2


def test_climb_from_a_level_needs_a_firm_match_on_each_rung_past_the_first() -> None:
    from bot.suggestion.decision import climb_from

    rung_two = _evidence({2: ["+"]})
    loose = ClauseMatch(Clause("platform and policy are there", 0, 30, 0), None, 0.52)  # type: ignore[arg-type]
    condition = Condition(id="9.9/3/a", text="marketplace", cues=[])
    # from level 1, rung 2 is climbed firmly; rung 3, loosely said and not the first above, is not
    assert climb_from(1, [*rung_two, ConditionEvidence(condition, 3, loose, None)], TUNING) == 2


def test_half_a_level_is_taken_when_the_answer_names_the_gap_just_above_it() -> None:
    named_gap = decide_level(_evidence({1: ["."], 2: ["+"], 3: ["+", "+"], 4: ["+", "."], 5: ["-"]}), TUNING)
    assert named_gap.level == 4
    no_gap_named = decide_level(_evidence({1: ["."], 2: ["+"], 3: ["+", "+"], 4: ["+", ".", "."], 5: ["."]}), TUNING)
    assert no_gap_named.level == 3
    gap_below = decide_level(_evidence({1: ["."], 2: ["+"], 3: ["+", "-"], 4: ["+", "+"], 5: ["-"]}), TUNING)
    assert gap_below.level == 2


def test_climb_from_a_level_takes_half_a_later_rung_when_the_gap_above_it_is_named() -> None:
    from bot.suggestion.decision import climb_from

    assert climb_from(2, _evidence({2: ["+"], 3: ["+", "+"], 4: ["+", "."], 5: ["-"]}), TUNING) == 4
    assert climb_from(2, _evidence({2: ["+"], 3: ["+", "+"], 4: ["+", "."], 5: ["."]}), TUNING) == 3


def test_levels_above_the_beginnings_need_a_firm_match() -> None:
    def loose(level: int, letter: str) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/{letter}", text="c", cues=[])
        return ConditionEvidence(condition, level, ClauseMatch(Clause("c", 0, 1, 0), None, 0.52),  # type: ignore[arg-type]
                                 None)

    firm_two = _evidence({1: ["."], 2: ["+"]})
    assert decide_level([*firm_two, loose(3, "a"), *_evidence({4: ["."], 5: ["."]})], TUNING).level == 2
    assert decide_level([*_evidence({1: ["."]}), loose(2, "a"), *_evidence({3: ["."], 4: ["."], 5: ["."]})],
                        TUNING).level == 2


def test_a_loosely_reached_level_is_taken_when_the_answer_names_the_gap_just_above_it() -> None:
    def said(level: int, letter: str, score: float, *, against: bool = False) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/{letter}", text="c", cues=[])
        match = ClauseMatch(Clause(f"c{level}{letter}", level, level + 1, 0), None, score)  # type: ignore[arg-type]
        return ConditionEvidence(condition, level, None if against else match, match if against else None)

    firm_two, nothing_above = _evidence({2: ["+"]}), _evidence({5: ["."]})
    loose_three = [said(3, "a", 0.55), said(3, "b", 0.55)]
    gap_named = [said(4, "a", 0.9, against=True)]
    assert decide_level([said(1, "a", 0.0), *firm_two, *loose_three, *gap_named, *nothing_above], TUNING).level == 3
    assert decide_level([said(1, "a", 0.0), *firm_two, *loose_three, *_evidence({4: ["."]}), *nothing_above],
                        TUNING).level == 2
    # a firm sign of the starting point stands against a loose rung
    assert decide_level([said(1, "a", 0.9), *firm_two, *loose_three, *gap_named, *nothing_above], TUNING).level == 2


def test_half_of_level_five_said_clearly_reaches_it() -> None:
    def said(level: int, letter: str, score: float) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/{letter}", text="c", cues=[])
        return ConditionEvidence(condition, level, ClauseMatch(Clause(f"c{level}{letter}", level, level + 1, 0), None,  # type: ignore[arg-type]
                                                               score), None)

    below = _evidence({2: ["+"], 3: ["+"], 4: ["+"]})
    assert decide_level([said(1, "a", 0.0), *below, said(5, "a", 1.0), said(5, "b", 0.0)], TUNING).level == 5
    assert decide_level([said(1, "a", 0.9), *below, said(5, "a", 1.0), said(5, "b", 0.0)], TUNING).level == 4


def test_half_of_level_five_said_firmly_reaches_it_in_a_clause_of_its_own() -> None:
    below = _evidence({2: ["+"], 3: ["+"], 4: ["+"]})  # each said by the clause at (0, 1)
    blank = ConditionEvidence(Condition(id="9.9/5/b", text="c", cues=[]), 5, None, None)

    def top(start: int, score: float) -> ConditionEvidence:
        return ConditionEvidence(Condition(id="9.9/5/a", text="c", cues=[]), 5,
                                 ClauseMatch(Clause("c5a", start, start + 1, 0), None, score), None)  # type: ignore[arg-type]

    assert decide_level([*below, top(5, 0.7), blank], TUNING).level == 5
    assert decide_level([*below, top(0, 0.7), blank], TUNING).level == 4  # the clause that said level 4 already
    assert decide_level([*below, top(5, 0.55), blank], TUNING).level == 4  # loosely


def test_all_of_level_five_said_loosely_in_clauses_of_their_own_reaches_it() -> None:
    below = _evidence({2: ["+"], 3: ["+"], 4: ["+"]})  # each said by the clause at (0, 1)

    def top(letter: str, start: int, score: float) -> ConditionEvidence:
        return ConditionEvidence(Condition(id=f"9.9/5/{letter}", text="c", cues=[]), 5,
                                 ClauseMatch(Clause("c5", start, start + 1, 0), None, score), None)  # type: ignore[arg-type]

    assert decide_level([*below, top("a", 5, 0.55), top("b", 7, 0.52)], TUNING).level == 5
    assert decide_level([*below, top("a", 5, 0.55), top("b", 0, 0.52)], TUNING).level == 4  # said with level 4
    assert decide_level([*below, top("a", 5, 0.55), top("b", 7, 0.3)], TUNING).level == 4  # half of it, loosely


def test_two_unmentioned_levels_are_not_bridged_over_a_clear_sign_of_the_starting_point() -> None:
    def said(level: int, letter: str, score: float) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/{letter}", text="c", cues=[])
        return ConditionEvidence(condition, level, ClauseMatch(Clause(f"c{level}{letter}", level, level + 1, 0), None,  # type: ignore[arg-type]
                                                               score), None)

    top = _evidence({2: ["."], 3: ["."], 4: ["+"], 5: ["+"]})  # firm evidence of 4 and 5, nothing below
    assert decide_level([said(1, "a", 0.0), *top], TUNING).level == 5
    assert decide_level([said(1, "a", 1.0), *top], TUNING).level != 5  # "no one has set KPIs for the vision"
    one_level = _evidence({2: ["+"], 3: ["."], 4: ["+"], 5: ["."]})  # one level bridged is still bridged
    assert decide_level([said(1, "a", 1.0), *one_level], TUNING).level == 4


def test_climb_from_level_one_takes_unmentioned_beginnings_as_implied_by_a_firm_level_three() -> None:
    from bot.suggestion.decision import climb_from

    assert climb_from(1, _evidence({2: ["."], 3: ["+", "+"], 4: [".", "."]}), TUNING) == 3
    assert climb_from(1, _evidence({2: ["-"], 3: ["+", "+"], 4: [".", "."]}), TUNING) == 1
    assert climb_from(1, _evidence({2: ["."], 3: ["."], 4: ["+", "+"]}), TUNING) == 1


def test_climb_from_level_one_takes_beginnings_said_loosely_with_a_firm_level_three() -> None:
    from bot.suggestion.decision import climb_from

    loose_two = ConditionEvidence(Condition(id="9.9/2/a", text="c", cues=[]), 2,
                                  ClauseMatch(Clause("c", 0, 1, 0), None, 0.55), None)  # type: ignore[arg-type]
    assert climb_from(1, [loose_two, *_evidence({3: ["+", "+"], 4: [".", "."]})], TUNING) == 3


def test_half_a_specific_level_said_loosely_does_not_outweigh_a_sign_of_the_starting_point() -> None:
    def loose(level: int, letter: str) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/{letter}", text="c", cues=[])
        start = level * 10 + "abcd".index(letter) * 2  # one clause per condition
        clause = Clause(f"clause {level}{letter}", start, start + 1, level)
        return ConditionEvidence(condition, level, ClauseMatch(clause, None, 0.55), None)  # type: ignore[arg-type]

    start = loose(1, "a")
    half_four = [loose(4, "a"), loose(4, "b"), *_evidence({4: [".", "."]})]  # two of four, in two clauses
    silent = _evidence({2: ["."], 3: ["."], 5: ["."]})
    assert decide_level([start, *silent, *half_four], TUNING).level == 1
    assert decide_level([*_evidence({1: ["."]}), *silent, *half_four], TUNING).level == 4  # no sign of level 1


def test_loose_evidence_of_a_specific_level_does_not_count_against_the_starting_point() -> None:
    def matched(level: int, letter: str, score: float) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/{letter}", text="c", cues=[])
        start = level * 10 + "abcd".index(letter) * 2
        clause = Clause(f"clause {level}{letter}", start, start + 1, level)
        return ConditionEvidence(condition, level, ClauseMatch(clause, None, score), None)  # type: ignore[arg-type]

    silent = _evidence({2: ["."], 4: ["."]})
    firm_start, half_three = matched(1, "a", 0.7), [matched(3, "a", 0.66), *_evidence({3: [".", "."]})[1:]]
    loose_five = [matched(5, "a", 0.55), *_evidence({5: [".", "."]})[1:]]
    assert decide_level([firm_start, *silent, *half_three, *loose_five], TUNING).level == 1
    firm_five = [matched(5, "a", 0.7), *_evidence({5: [".", "."]})[1:]]
    assert decide_level([firm_start, *silent, *half_three, *firm_five], TUNING).level == 5  # firm: two clauses


def test_climb_from_a_level_takes_the_next_rung_fully_planned_in_loose_words_and_stops_there() -> None:
    from bot.suggestion.decision import climb_from

    def loose(level: int, count: int) -> list[ConditionEvidence]:
        items = []
        for index in range(count):
            condition = Condition(id=f"9.9/{level}/{'abcd'[index]}", text=f"condition {level}{index}", cues=[])
            match = ClauseMatch(Clause(f"plan {level}{index}", 0, 1, 0), None, 0.55)  # type: ignore[arg-type]
            items.append(ConditionEvidence(condition, level, match, None))
        return items

    evidence = [*_evidence({1: ["."], 2: ["+"], 3: ["+"], 4: ["+"]}), *loose(5, 2)]
    assert climb_from(4, evidence, TUNING) == 5  # every condition of rung 5, none firmly: one step
    both_loose = [*_evidence({2: ["+"], 3: ["+"]}), *loose(4, 2), *loose(5, 2)]
    assert climb_from(3, both_loose, TUNING) == 4  # and no further
    half = [*_evidence({2: ["+"], 3: ["+"], 4: ["+"]}), *loose(5, 1)]
    assert climb_from(4, [*half, ConditionEvidence(Condition(id="9.9/5/b", text="c", cues=[]), 5, None, None)],
                      TUNING) == 4  # half of it, loosely: not enough


def test_climb_from_a_level_bridges_a_half_evidenced_rung_under_one_firmly_reached() -> None:
    from bot.suggestion.decision import climb_from

    evidence = _evidence({1: ["."], 2: ["+"], 3: ["+", "."], 4: ["+", "+"], 5: ["."]})
    assert climb_from(2, evidence, TUNING) == 4  # half of rung 3, then all of rung 4 firmly
    no_more = _evidence({1: ["."], 2: ["+"], 3: ["+", "."], 4: ["+", "."], 5: ["."]})
    assert climb_from(2, no_more, TUNING) == 3


def _loose(level: int, letter: str, clause: Clause) -> ConditionEvidence:
    condition = Condition(id=f"9.9/{level}/{letter}", text=f"condition {level}{letter}", cues=[])
    return ConditionEvidence(condition, level, ClauseMatch(clause, None, 0.55), None)  # type: ignore[arg-type]


def test_one_clause_loosely_resembling_several_rungs_is_too_thin_to_place() -> None:
    clause = Clause("we work with the city quite a lot", 0, 33, 0)
    evidence = [_loose(3, "b", clause), _loose(4, "c", clause), _loose(5, "b", clause)]
    blanks = [ConditionEvidence(Condition(id=f"9.9/{lv}/a", text="c", cues=[]), lv, None, None) for lv in (2, 3, 4, 5)]
    decision = decide_level(evidence + blanks, TUNING)
    assert decision.level is None and decision.abstain_reason == AbstainReason.THIN_EVIDENCE
    other = Clause("and residents reuse the data", 40, 68, 1)
    spread = [_loose(3, "b", clause), _loose(4, "c", other), _loose(5, "b", other)]
    assert decide_level(spread + blanks, TUNING).level == 5


def test_half_of_each_rung_up_to_a_named_gap_reaches_the_last_of_them() -> None:
    decision = decide_level(_evidence({1: [".", "."], 2: ["+"], 3: ["+", "."], 4: [".", "+"], 5: ["-", "."]}), TUNING)
    assert decision.level == 4 and decision.bridged_levels == [3]
    assert decide_level(_evidence({1: ["."], 2: ["+"], 3: ["+", "."], 4: [".", "+"], 5: [".", "."]}), TUNING).level \
        == 2  # no gap named above


def _said(level: int, letter: str, start: int, support: float = 0.0, against: float = 0.0) -> ConditionEvidence:
    condition = Condition(id=f"9.9/{level}/{letter}", text=f"condition {level}{letter}", cues=[])
    clause = Clause(f"clause at {start}", start, start + 10, start)
    match = {score: ClauseMatch(clause, None, score) for score in (support, against) if score}  # type: ignore[arg-type]
    return ConditionEvidence(condition, level, match.get(support), match.get(against))


def _two_firm_rungs_over_a_denial(denial: float) -> list[ConditionEvidence]:
    return [_said(1, "a", 900), _said(2, "a", 300, against=denial),
            _said(3, "a", 0, support=0.78), _said(3, "b", 50, support=0.77),
            _said(4, "a", 100, support=0.8), _said(4, "b", 300, support=0.53), _said(5, "a", 900)]


def test_a_loose_denial_below_two_firm_rungs_is_outweighed_by_fewer_clauses() -> None:
    # three other clauses say levels 3 and 4 firmly; a denial that barely resembles level 2 does not hold them down
    assert decide_level(_two_firm_rungs_over_a_denial(0.57), TUNING).level == 4
    # a denial that resembles level 2 firmly still needs four clauses against it
    assert decide_level(_two_firm_rungs_over_a_denial(0.7), TUNING).level != 4
