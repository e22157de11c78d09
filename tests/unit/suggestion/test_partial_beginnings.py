"""Partial scope at level 2 (and a higher condition stating a beginning), topic lead-ins, "no X without Y",
tenders and factual "we don't know"."""

from bot.knowledge import KnowledgeBase
from bot.suggestion.clauses import is_topic_lead_in, split_clauses
from bot.suggestion.condition_index import claims_whole_scope, meets_partial_scope
from bot.suggestion.qualifiers import Qualifier, qualifiers
from bot.suggestion.screening import says_dont_know
from bot.suggestion.tuning import Tuning
from tests.support.condition_scores import condition_scores


def test_a_partial_scope_is_what_level_two_describes(kb: KnowledgeBase) -> None:
    support, against = condition_scores(kb, "3.2.1", "There are a few point-to-point integrations.")["3.2.1/2/b"]
    assert support >= Tuning().support_threshold
    assert against == 0.0


def test_a_higher_condition_that_states_a_beginning_is_met_by_a_partial_scope(kb: KnowledgeBase) -> None:
    standards = kb.characteristic("3.2.1").level(3).conditions[0]  # "has started to develop policies ..."
    clear_map = kb.characteristic("3.1.2").level(3).conditions[0]  # "has developed a clear map ..."
    assert meets_partial_scope(standards, 3)
    assert not meets_partial_scope(clear_map, 3)
    assert not meets_partial_scope(kb.characteristic("3.2.1").level(1).conditions[0], 1)
    answer = "We published a data standards policy. Compliance is patchy."  # the level-3 limitation, said
    support, against = condition_scores(kb, "3.2.1", answer)["3.2.1/3/a"]
    assert support >= Tuning().support_threshold
    assert against == 0.0


def test_a_phrase_claiming_the_whole_city_is_not_met_by_a_partial_scope() -> None:
    assert claims_whole_scope("city-wide inclusion plan")
    assert claims_whole_scope("catalogue covers all departments")
    assert not claims_whole_scope("point-to-point integration")


def test_a_topic_lead_in_is_not_matched(kb: KnowledgeBase) -> None:
    clauses = split_clauses("But in terms of knowing what data we actually have, it's a list IT started last year.")
    assert is_topic_lead_in(clauses[0], clauses[1])
    assert not is_topic_lead_in(clauses[1], None)
    evidence = condition_scores(kb, "3.2.1", "In terms of whether we know every dataset we hold, IT keeps a list.")
    assert evidence["3.2.1/4/a"] == (0.0, 0.0)


def test_no_x_without_y_means_always() -> None:
    assert qualifiers("no road dig goes ahead without a dig-once check") == frozenset()
    assert Qualifier.NEGATED in qualifiers("we work without a plan")


def test_a_tender_under_way_is_a_plan() -> None:
    assert Qualifier.FUTURE in qualifiers("A full digital twin is being tendered, earliest 2026.")
    assert Qualifier.FUTURE not in qualifiers("All contracts are tendered openly.")


def test_not_knowing_a_fact_about_the_city_is_not_a_dont_know() -> None:
    assert not says_dont_know("We don't know what a phone call costs compared to a web form.")
    assert says_dont_know("We don't know, ask IT.")
    assert says_dont_know("I don't know what that means.")


def test_a_topic_named_then_trailing_off_leads_into_the_next_sentence() -> None:
    clauses = split_clauses("On leadership skills for the change programme specifically... that's down to each "
                            "department head really.")
    assert is_topic_lead_in(clauses[0], clauses[1])
    plain = split_clauses("On Mondays the board reviews the KPIs. That's been the case since 2020.")
    assert not is_topic_lead_in(plain[0], plain[1])
