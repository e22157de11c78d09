"""The starting point said as a scarcity, plans kept in a roadmap or waiting on an answer, the place where something is
done, denied governance, and the shapes of English written as a second language ("if approved we start 2026")."""

from bot.knowledge import KnowledgeBase
from bot.suggestion.condition_index import is_narrow_start, phrase_qualifiers
from bot.suggestion.matching import _NEGATED_ARTEFACT
from bot.suggestion.qualifiers import Qualifier, qualifiers
from tests.support.clause_marks import clause_marks as _marks


def test_a_level_one_criterion_said_as_a_scarcity_is_a_denial(kb: KnowledgeBase) -> None:
    # "with little consultation" is what "consultation is almost none" says: they agree instead of contradicting
    little = "Service design is managed with little consultation or engagement with users"
    assert Qualifier.NEGATED in phrase_qualifiers(little, 1, is_cue=False)
    assert Qualifier.NEGATED in phrase_qualifiers("planning is done with minimal consultation", 1, is_cue=False)
    # above the starting point the criteria's words state a requirement, whatever they say
    assert phrase_qualifiers(little, 2, is_cue=False) == frozenset()
    # "limited" is a scope ("limited ability to fund"), not a scarcity of the thing
    assert Qualifier.NEGATED not in phrase_qualifiers("the city has limited ability to fund solutions", 1, is_cue=False)


def test_what_a_plan_waits_on_leaves_it_uncommitted() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("if approved we start 2026.")
    assert Qualifier.UNCOMMITTED in qualifiers("if successful, the pilot extends to all wards")
    assert Qualifier.UNCOMMITTED in qualifiers("we submitted proposal to national fund")  # without its article
    assert Qualifier.UNCOMMITTED in qualifiers("Bringing leaders onto the board is something the leader has mentioned")
    assert Qualifier.UNCOMMITTED not in qualifiers("the cabinet approved it in March")


def test_a_thing_in_the_roadmap_is_a_plan() -> None:
    assert Qualifier.FUTURE in qualifiers("A single sign-on for all council services is in the digital roadmap")
    assert Qualifier.FUTURE in qualifiers("it's in our roadmap")
    assert Qualifier.FUTURE not in qualifiers("the roadmap was adopted in 2022")


def test_a_denial_in_the_place_where_it_is_done_is_not_a_denial_of_it() -> None:
    assert Qualifier.NEGATED not in qualifiers(
        "strategic partnerships with two universities on agri-tech where there's basically no local market yet")
    assert Qualifier.NEGATED not in qualifiers("we build partnerships where markets don't exist")
    assert Qualifier.NEGATED in qualifiers("there's no partnership where it matters")  # the main clause's own denial


def test_the_exception_a_rule_makes_is_not_a_denial_of_the_rule() -> None:
    marks = _marks("Cabinet adopted an open data policy that applies to all council data unless there's a reason "
                   "not to publish.")
    assert Qualifier.NEGATED not in next(iter(marks.values()))


def test_an_adverb_before_not_keeps_the_predicate_whole() -> None:
    marks = _marks("Real city assets mostly not connected, no real-time data coming from them.")
    assert marks["Real city assets mostly not connected"] == {Qualifier.NEGATED}
    # a contrast of two kinds still splits: "organised around life events not departments"
    assert list(_marks("Services are organised around life events not departments.")) == [
        "Services are organised around life events", "not departments."]


def test_governance_and_benchmarking_denied_are_artefacts_denied() -> None:
    found = _NEGATED_ARTEFACT.search("No governance or benchmarking is planned beyond that.")
    assert found is not None and found.group(1) == "governance or benchmarking"
    assert _NEGATED_ARTEFACT.search("the governance board meets monthly") is None


def test_our_own_as_the_limit_names_the_gap_above_not_a_narrower_fact() -> None:
    marks = _marks("MyCity ID: citizens register once and log in to 60+ services from the council and the water board. "
                   "It's our own ID only, you can't use bank ID.")
    assert Qualifier.PARTIAL not in marks[
        "citizens register once and log in to 60+ services from the council and the water board."]


def test_a_hope_said_of_a_list_of_short_items_is_said_of_each() -> None:
    marks = _marks("The utilities and the bus operator have talked about opening up their data through our platform.")
    assert Qualifier.UNCOMMITTED in marks["The utilities"]


def test_the_no_of_a_correction_takes_back_what_was_said_and_denies_nothing_after_it() -> None:
    marks = _marks("We don't do impact evaluations. No wait, we did one, on the bus priority scheme.")
    assert Qualifier.UNSURE in marks["We don't do impact evaluations."]  # taken back
    assert Qualifier.NEGATED not in marks["No wait, we did one"]
    assert Qualifier.NEGATED not in marks["on the bus priority scheme."]
    # what the correction itself denies stays denied
    marks = _marks("Actually no, the port's tenders aren't on it.")
    assert Qualifier.NEGATED in marks["the port's tenders aren't on it."]


def test_only_agrees_with_a_starting_point_that_is_itself_narrow() -> None:
    assert is_narrow_start("City data is only used by the business units that create and store the data")
    # a starting point of silos is not narrow: "only in Highways" is a beginning beyond it
    assert not is_narrow_start("Physical assets and infrastructures are managed in silos across the city")
