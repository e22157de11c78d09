"""One clause, one rung; a problem said to be there; work that finishes and gaps that close; refusals; stand-ins and
other bodies' work; names in quotes; who people are; the one gap named as such."""

from bot.knowledge import KnowledgeBase
from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause, split_clauses
from bot.suggestion.condition_index import Phrase, says_no_problem_is_left
from bot.suggestion.decision import decide_level
from bot.suggestion.matching import ClauseMatch, ConditionEvidence, _evidences_a_rung_above
from bot.suggestion.qualifiers import Qualifier, qualifiers, states_a_problem
from bot.suggestion.silos import describes_silos
from bot.suggestion.tuning import Tuning
from tests.support.clause_marks import clause_marks as _marks
from tests.support.condition_scores import condition_scores

TUNING = Tuning()
CLAUSE = Clause("smart change isn't the digital team's thing any more", 0, 52, 0)


def _match(level: int, score: float) -> ClauseMatch:
    condition = Condition(id=f"1.2.1/{level}/a", text=f"condition {level}", cues=[])
    return ClauseMatch(CLAUSE, Phrase(condition, level, condition.text, False, frozenset(), frozenset()), score)


def test_a_clause_that_evidences_a_rung_does_not_deny_one_below_it() -> None:
    # "not seen as the responsibility of a central team" (level 4) and the central focus of level 2
    assert _evidences_a_rung_above({"1.2.1/4/a": _match(4, 0.81)}, _match(2, 0.80))
    assert not _evidences_a_rung_above({"1.2.1/4/a": _match(4, 0.70)}, _match(2, 0.80))  # denies it more closely
    assert not _evidences_a_rung_above({"1.2.1/2/a": _match(2, 0.90)}, _match(4, 0.80))  # the rung above is denied
    assert not _evidences_a_rung_above({"1.2.1/4/a": _match(4, 0.90)}, _match(1, 0.80))  # the start is no rung


def test_a_problem_said_to_be_there_goes_against_the_criterion_that_says_none_is_left(kb: KnowledgeBase) -> None:
    assert says_no_problem_is_left("No significant skill gaps remain")
    assert not says_no_problem_is_left("Significant skill gaps exist")
    assert states_a_problem("and frankly the gaps are big")
    assert states_a_problem("significant skill gaps remain in commercial and technology")
    assert not states_a_problem("Last review we couldn't find any real gaps.")
    assert not states_a_problem("the skills gaps are closed now")
    assert not states_a_problem("no significant gaps")
    support, against = condition_scores(kb, "1.2.3", "Significant skill gaps remain in the change team.")["1.2.3/4/b"]
    assert against > support


def test_work_that_finishes_and_gaps_that_close_are_no_loss() -> None:
    assert Qualifier.LOSS not in qualifiers("due to finish next year")
    assert Qualifier.LOSS not in qualifiers("I don't expect the gaps to be closed in two years")
    assert Qualifier.LOSS in qualifiers("the grant is due to end in 2026")
    assert Qualifier.LOSS in qualifiers("the hub is going to be closed next year")


def test_a_refusal_is_a_denial() -> None:
    assert Qualifier.NEGATED in qualifiers("the utility and the bus operator have both declined to publish")
    assert Qualifier.NEGATED in qualifiers("the hospital refused to share its data")


def test_a_stand_in_and_another_bodys_work_are_no_evidence_of_the_city() -> None:
    assert Qualifier.UNSURE in qualifiers("The closest thing we have is the water company's digital officer")
    marks = _marks("The university's lab built an online 3D model and ran a survey on it, but that was their "
                   "research project.")
    assert Qualifier.UNSURE in marks["The university's lab built an online 3D model and ran a survey on it"]
    marks = _marks("The observatory measures air quality continuously, but that's their monitoring.")
    assert Qualifier.UNSURE in marks["The observatory measures air quality continuously"]
    # a clause of the city's own after it is its own
    marks = _marks("We publish the data, and it's used by the university.")
    assert all(Qualifier.UNSURE not in m for m in marks.values())


def test_a_name_in_quotes_is_one_clause_whatever_commas_it_holds() -> None:
    marks = _marks("What we've never managed is publishing it - the 'you said, we did' page died after one update.")
    assert marks["the 'you said, we did' page died after one update."] == {Qualifier.NEGATED}
    # commas outside the quotes still split; an apostrophe is no quote
    assert list(_marks("We've got maps, dashboards and the 'Smart Town' brand.")) == [
        "We've got maps, dashboards", "the 'Smart Town' brand."]
    assert list(_marks("We run the \"Ask, Tell, Do\" sessions every quarter in the town hall.")) == [
        "We run the \"Ask, Tell, Do\" sessions every quarter in the town hall."]


def test_who_people_are_is_no_denial_of_the_fact() -> None:
    assert Qualifier.NEGATED not in qualifiers("Strategy's in place with targeted outreach to the groups that aren't "
                                               "online.")
    assert Qualifier.NEGATED not in qualifiers("outreach workers go to the care homes so those groups aren't left out")
    assert Qualifier.NEGATED in qualifiers("those groups aren't online")


def test_practice_that_varies_with_the_head_of_service_is_partial() -> None:
    marks = qualifiers("Yes, a handful of examples, but it depends on the HoS.")
    assert Qualifier.PARTIAL in marks and Qualifier.UNCOMMITTED not in marks


def test_registers_that_are_still_departmental_describe_silos() -> None:
    assert describes_silos("the risk registers are still directorate ones")
    assert not describes_silos("the risk register covers every directorate")


def _ladder(top_denial: str) -> list[ConditionEvidence]:
    items = []
    for level, mark in {1: ".", 2: "+", 3: "+", 4: ".", 5: "-"}.items():
        condition = Condition(id=f"9.9/{level}/a", text=f"condition {level}", cues=[])
        text = top_denial if mark == "-" else f"clause {level}"
        match = ClauseMatch(Clause(text, 0, len(text), 0), None, 0.9)  # type: ignore[arg-type]
        items.append(ConditionEvidence(condition, level, match if mark == "+" else None,
                                       match if mark == "-" else None))
    return items


def test_the_one_gap_named_as_such_places_the_speaker_just_below_it() -> None:
    assert decide_level(_ladder("What we don't do is formal impact evaluation"), TUNING).level == 4
    assert decide_level(_ladder("what's missing is an evaluation"), TUNING).level == 4
    # a denial that does not say it is the one thing missing leaves the rung between unsaid
    assert decide_level(_ladder("there's no formal impact evaluation"), TUNING).level == 3


def test_dropping_what_nobody_used_prunes_and_stops_nothing() -> None:
    marks = _marks("After every campaign we look at the analytics and change the tools; that's how we dropped the app "
                   "nobody used and moved to map-based commenting.")
    assert all(Qualifier.NEGATED not in m for m in marks.values())
    assert Qualifier.NEGATED in qualifiers("we dropped the app last year")  # what was stopped, said plainly


def test_silos_described_evidence_the_starting_point_of_fragmentation_loosely(kb: KnowledgeBase) -> None:
    support, _ = condition_scores(kb, "4.1", "Tourism, marketing and investment: it's all separate pots doing separate "
                                      "things.")["4.1/1/b"]  # "Actions ... are ad hoc and fragmented"
    assert TUNING.support_threshold <= support < TUNING.strong_support
    # not said of the start when it is denied or planned away
    support, _ = condition_scores(kb, "4.1", "we will stop each team doing its own thing")["4.1/1/b"]
    assert support < TUNING.support_threshold


def test_what_is_not_done_with_it_reads_as_done_with_the_thing_named_before() -> None:
    clauses = split_clauses("Those progress reports are internal board papers though, we don't publish them. We have a "
                            "strategy. We don't publish it.")
    readings = {c.text: c.said for c in clauses}
    assert readings["we don't publish them."] == "we don't publish progress reports."
    assert readings["We don't publish it."] == "We don't publish strategy."
    assert readings["We have a strategy."] == "We have a strategy."  # nothing to resolve


def test_an_emoji_ends_what_it_marks() -> None:
    assert [c.text for c in split_clauses("priorities + plan ✅ baseline + targets ✅ cohesion board ✅")] == [
        "priorities + plan", "baseline + targets", "cohesion board"]


def test_what_was_meant_to_happen_or_ran_until_a_past_year_is_not_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("The new vision was supposed to be published last spring")
    assert Qualifier.NEGATED in qualifiers("The library ran computer classes until 2020")
    assert Qualifier.NEGATED not in qualifiers("The library runs computer classes until 8pm")
    assert Qualifier.NEGATED not in qualifiers("the policy is supposed to apply to every directorate")


def test_a_bid_or_a_proposal_is_no_commitment() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("There's an open data platform in the digital bid we sent to the fund")
    assert Qualifier.UNCOMMITTED in qualifiers("The draft strategy proposes a properly resourced reuse programme")
    assert Qualifier.LOSS in qualifiers("the budget approved last week deletes that post from April")


def test_nothing_else_planned_does_not_narrow_the_plans_told() -> None:
    marks = _marks("The 3D visualisation is funded in next year's budget. Beyond that, honestly, nothing is planned.")
    assert Qualifier.PARTIAL not in marks["The 3D visualisation is funded in next year's budget."]
    marks = _marks("The waste team has a recycling plan. Beyond that, nothing joined up.")
    assert Qualifier.PARTIAL in marks["The waste team has a recycling plan."]


def test_what_people_told_us_is_what_was_acted_on_not_hearsay() -> None:
    assert Qualifier.UNSURE not in qualifiers("we publish a report showing what changed because of what people told us")
    assert Qualifier.UNSURE in qualifiers("people told us there's a policy somewhere")
    assert Qualifier.NEGATED not in qualifiers("a lot of outreach to people who usually don't take part")


def test_something_planned_for_later_is_a_plan() -> None:
    marks = _marks("Letting residents see who looked at their data is planned for later, but it isn't funded.")
    plan = marks["Letting residents see who looked at their data is planned for later"]
    assert {Qualifier.FUTURE, Qualifier.UNCOMMITTED} <= plan
    assert Qualifier.FUTURE not in qualifiers("services are planned around life events")


def test_a_story_that_ends_with_the_team_gone_since_is_over() -> None:
    marks = _marks("In 2018 we ran a big participatory process for the masterplan, but that was a one-off and the team "
                   "has since left. These days planning does the statutory minimum.")
    assert Qualifier.NEGATED in marks["In 2018 we ran a big participatory process for the masterplan"]
    assert Qualifier.NEGATED not in marks["These days planning does the statutory minimum."]
    assert Qualifier.NEGATED not in qualifiers("the board has since grown to twelve members")
