"""Suppositions answered by a denial; a scarcity said as the criteria say it; a denial of most, not of all;
proposals, ideas floated and talk; who it depends on; what someone said; a limit a rung still has."""

from bot.knowledge import KnowledgeBase
from bot.suggestion.clauses import split_clauses
from bot.suggestion.probe_reading import says_beyond
from bot.suggestion.qualifiers import Qualifier, qualifiers
from bot.suggestion.silos import describes_silos
from bot.suggestion.tuning import Tuning
from tests.support.clause_marks import clause_marks as _marks
from tests.support.condition_scores import condition_scores

TUNING = Tuning()


def test_a_scarcity_said_as_the_criteria_say_it_is_a_denial() -> None:
    assert Qualifier.NEGATED in qualifiers("there's been very little investment in sensors")
    assert Qualifier.NEGATED in qualifiers("hardly any sharing between departments")
    assert Qualifier.NEGATED in qualifiers("next to no investment in connectivity")
    assert Qualifier.NEGATED not in qualifiers("we made a little progress on sensors")
    assert Qualifier.NEGATED not in qualifiers("little by little the departments share more")


def test_a_supposition_answered_by_a_denial_is_denied() -> None:
    marks = _marks("If someone asked us today for our published vision and strategy, we'd have nothing to send them.")
    assert Qualifier.NEGATED in marks["If someone asked us today for our published vision and strategy"]
    # a supposition answered by what is there is no denial
    marks = _marks("If a resident wanted to see the KPIs, they are all on the website.")
    assert Qualifier.NEGATED not in marks["If a resident wanted to see the KPIs"]


def test_a_negation_inside_a_condition_of_what_is_done_is_the_conditions() -> None:
    assert Qualifier.NEGATED not in qualifiers("They can stop projects of the departments when they are not aligned "
                                               "with the strategy")
    assert Qualifier.NEGATED not in qualifiers("the board steps in if targets aren't met")
    assert Qualifier.NEGATED in qualifiers("We do not step in when targets are missed")


def test_ideas_floated_proposals_made_and_talk_are_no_commitment() -> None:
    for hope in ("The planning team has floated the idea of requiring digital infrastructure in new developments",
                 "Pieter put together a lovely proposal in 2023 for smart street lighting",
                 "there's a proposal to merge the two boards",
                 "The next step everyone talks about is a live public resilience dashboard",
                 "Real-time personalisation is something we talk about",
                 "We've submitted it to the national Smart Places Fund",
                 "Moving all departments onto a shared platform is pencilled in for after 2027",
                 "Measures of success we'll think about after that",
                 "A public dashboard is an idea people mention"):
        assert Qualifier.UNCOMMITTED in qualifiers(hope), hope
    for fact in ("the proposal was approved by cabinet in 2023", "people vote on proposals on the platform",
                 "a report showing which proposals changed the strategy"):
        assert Qualifier.UNCOMMITTED not in qualifiers(fact), fact
    assert Qualifier.FUTURE in qualifiers("due by the end of 2026")


def test_nothing_committed_is_said_of_the_plan_told_before_a_remark_about_it() -> None:
    marks = _marks("The next step is a live public dashboard. Farah has had demos from three vendors. "
                   "But nothing is funded or scheduled yet.")
    assert Qualifier.UNCOMMITTED in marks["The next step is a live public dashboard."]
    # "nothing's agreed" after a contrast in its own sentence is said of that sentence's talk, not of earlier plans
    marks = _marks("Funded for next year: developer APIs and a sandbox. Migration is in the contract. "
                   "We keep talking about a data trust, but nothing's agreed.")
    assert Qualifier.UNCOMMITTED not in marks["Funded for next year"]


def test_who_or_what_it_depends_on_decides_how_it_reads() -> None:
    assert Qualifier.PARTIAL in qualifiers("it depends entirely on which manager you get")
    assert Qualifier.PARTIAL in qualifiers("But it depends on project director.")
    assert Qualifier.UNCOMMITTED not in qualifiers("it depends entirely on which manager you get")
    assert Qualifier.UNCOMMITTED in qualifiers("it all depends on the funding")
    assert qualifiers("with charts updated daily or weekly depending on the source") == frozenset()


def test_what_someone_said_and_what_is_someone_elses_are_no_evidence_of_ours() -> None:
    marks = _marks("The board was set up in 2020 after the mayor, Lena Brandt, said she didn't want the strategy "
                   "'owned by the town hall'.")
    assert Qualifier.UNSURE in marks["said she didn't want the strategy 'owned by the town hall'."]
    assert Qualifier.UNSURE in qualifiers("but that's the port's document")
    assert Qualifier.UNSURE not in qualifiers("that's the council's plan")


def test_an_example_announced_between_commas_splits_nothing() -> None:
    texts = [c.text for c in split_clauses("we have no single view of, say, all our small-business customers.")]
    assert texts == ["we have no single view of, say, all our small-business customers."]


def test_a_denial_of_most_leaves_room_for_the_examples_that_beginnings_describe(kb: KnowledgeBase) -> None:
    most = condition_scores(kb, "3.2.3", "Most of our IT and data assets are not shared or re-used.")
    every = condition_scores(kb, "3.2.3", "Our IT and data assets are not shared or re-used.")
    assert every["3.2.3/2/a"][1] >= TUNING.against_threshold
    assert most["3.2.3/2/a"][1] < TUNING.against_threshold
    # ... unless most is what the rung asks: "Most individual projects have a clear and quantified business case"
    assert condition_scores(kb, "1.5.1", "most projects don't have a quantified business case")[
        "1.5.1/2/a"][1] >= TUNING.against_threshold


def test_denying_a_limit_a_rung_still_has_is_no_shortfall(kb: KnowledgeBase) -> None:
    scores = condition_scores(kb, "2.1.2", "It's organised around life events, not around departments.")
    assert scores["2.1.2/3/b"][1] < TUNING.against_threshold


def test_bits_with_nothing_joining_them_are_silos() -> None:
    assert describes_silos("Social cohesion is a scatter of projects: youth clubs, a welcome desk")
    assert describes_silos("every assessorato make the purchases by itself")
    assert describes_silos("each department buys on its own")
    assert not describes_silos("the department bought it by itself last year")


def test_a_thing_denied_then_funded_is_the_one_funded() -> None:
    clauses = split_clauses("There's no city-wide case yet, but cabinet approved and funded one in June.")
    assert "city-wide case" in clauses[1].said


def test_a_yes_with_more_besides_says_the_rung_is_passed() -> None:
    assert says_beyond("Yes, and not only ad hoc.")
    assert says_beyond("Yes, the individual projects have business cases too.")
    assert not says_beyond("Yes, and it's clear on smart.")
    assert not says_beyond("Yes, but not only in transport")


def test_a_register_started_is_the_map_of_data_assets_begun(kb: KnowledgeBase) -> None:
    conditions = {c.id: c for level in kb.characteristic("3.2.1").levels for c in level.conditions}
    assert "started an information asset register" in conditions["3.2.1/2/a"].cues
    assert all("information asset register" not in cue for cue in conditions["3.2.1/3/a"].cues)


def test_a_change_away_from_a_lower_rung_said_as_a_higher_rung_says_it_denies_nothing_below(kb: KnowledgeBase) -> None:
    moved_on = condition_scores(kb, "1.2.1", "smart change isn't the smart city team's thing any more")
    assert moved_on["1.2.1/2/a"][1] < TUNING.against_threshold
    assert moved_on["1.2.1/4/a"][0] >= TUNING.support_threshold
    # without the change said, a denial of the team is a denial of the team
    assert condition_scores(kb, "1.2.1", "smart change isn't the smart city team's thing")[
        "1.2.1/2/a"][1] >= TUNING.against_threshold
