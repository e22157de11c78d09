"""Conditions said first, predicates set off from their subjects, documents never adopted, groups named by what they
lack and aims of documents in place: how a clause's qualifiers read."""

from bot.suggestion.models import ProbeAnswer
from bot.suggestion.probe_reading import read_probe_reply
from bot.suggestion.qualifiers import Qualifier, qualifiers
from bot.suggestion.words import content_tokens
from tests.support.clause_marks import clause_marks as _marks


def test_a_condition_said_first_makes_what_follows_a_hope() -> None:
    marks = _marks("Subject to the outcome of our lottery bid, a shared data platform would be set up by 2027.")
    assert Qualifier.UNCOMMITTED in marks["a shared data platform would be set up by 2027."]
    marks = _marks("If we secure the funding, the library team will run digital skills classes.")
    assert Qualifier.UNCOMMITTED in marks["the library team will run digital skills classes."]
    # a condition that is no hope leaves what follows as it is
    marks = _marks("If a resident reports a pothole, we repair it within five days.")
    assert marks["we repair it within five days."] == frozenset()


def test_conditions_and_wishes_said_in_report_language_are_not_commitments() -> None:
    for text in ("contingent upon the availability of officer time",
                 "conditional on cabinet approval in the spring",
                 "subject to confirmation of resources",
                 "if they get the capacity",
                 "the transformation team is keen to write one",
                 "a resilience assessment has been identified as a priority for future development",
                 "listed as an area for future consideration",
                 "a framework may be developed later"):
        assert Qualifier.UNCOMMITTED in qualifiers(text), text
    assert Qualifier.FUTURE in qualifiers("it is envisaged that a policy would be adopted")
    assert Qualifier.FUTURE in qualifiers("a review will happen during the forthcoming budget round")


def test_a_predicate_set_off_by_commas_qualifies_its_subject() -> None:
    marks = _marks("A city-wide asset register, together with a policy on sharing assets, has been identified as "
                   "an area for future consideration.")
    assert Qualifier.UNCOMMITTED in marks["A city-wide asset register"]
    assert Qualifier.UNCOMMITTED in marks["together with a policy on sharing assets"]
    # a piece with a verb of its own is no bare subject
    marks = _marks("We publish the datasets, and are working on an API.")
    assert Qualifier.FUTURE not in marks["We publish the datasets"]


def test_a_document_never_put_to_the_council_is_not_in_place() -> None:
    marks = _marks("A digital strategy was written by consultants in 2020, with targets and a roadmap. "
                   "But it never went to the council and was never published.")
    assert Qualifier.FUTURE in marks["A digital strategy was written by consultants in 2020"]
    assert Qualifier.FUTURE in marks["with targets and a roadmap."]


def test_a_group_named_by_what_it_lacks_is_no_denial() -> None:
    assert Qualifier.NEGATED not in qualifiers("we run courses for households without broadband")
    assert Qualifier.NEGATED not in qualifiers("targets for young people with no qualifications")
    assert Qualifier.NEGATED in qualifiers("we are without a data officer")


def test_a_clause_with_its_own_subject_and_verb_does_not_continue_a_denial() -> None:
    marks = _marks("We don't yet run a resilience dashboard, and incident data is shared with partners in quarterly "
                   "reports.")
    assert marks["incident data is shared with partners in quarterly reports."] == frozenset()
    marks = _marks("We don't have targets, or data collected on outcomes.")
    assert Qualifier.NEGATED in marks["or data collected on outcomes."]


def test_an_it_or_that_opening_a_clause_of_its_own_does_not_refer_back() -> None:
    marks = _marks("Our open data portal is live with an API. It is recognised that the catalogue is only partly "
                   "filled, and that a request form is yet to be built.")
    assert Qualifier.PARTIAL not in marks["Our open data portal is live with an API."]
    assert Qualifier.FUTURE not in marks["Our open data portal is live with an API."]
    # a lead-in, not a pronoun
    marks = _marks("We consult on every major strategy. That said, the board papers aren't published.")
    assert Qualifier.FUTURE not in marks["We consult on every major strategy."]


def test_the_aim_of_a_document_in_place_is_its_content() -> None:
    marks = _marks("The inclusion strategy was adopted in 2022, aim is to get every resident online, with help in "
                   "every library.")
    assert Qualifier.FUTURE not in marks["aim is to get every resident online"]
    assert Qualifier.FUTURE in _marks("We have a plan, the aim is to publish it next year.")[
        "the aim is to publish it next year."]


def test_practice_that_depends_on_the_team_is_a_beginning_not_a_plan() -> None:
    reply = "Yes, quite a lot, but it depends on the project team, there's no standard approach."
    assert read_probe_reply(reply, level=2) == ProbeAnswer.YES
    assert read_probe_reply(reply, level=3) == ProbeAnswer.PARTLY


def test_who_runs_it_said_any_way_is_practice_that_varies() -> None:
    for text in ("it depends on the service manager", "it depends on whoever's running the project",
                 "depends on whether the manager is keen on it", "it depends on who is in charge"):
        assert qualifiers(text) == {Qualifier.PARTIAL}, text
    assert Qualifier.UNCOMMITTED in qualifiers("depends who wins the election")


def test_a_partners_own_contract_is_theirs_not_the_citys() -> None:
    assert Qualifier.UNSURE in qualifiers("But that's their contract.")
    assert Qualifier.UNSURE not in qualifiers("That's our contract with the operator.")


def test_an_application_made_and_a_document_in_a_drawer_are_not_in_place() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("we applied to the national programme for a digital twin")
    assert Qualifier.UNCOMMITTED in qualifiers("the council has submitted a bid for a data platform")
    assert Qualifier.UNCOMMITTED not in qualifiers("the design standards are applied to all projects")
    assert Qualifier.UNCOMMITTED in qualifiers("the strategy is a document in a drawer")
    assert Qualifier.UNCOMMITTED in qualifiers("the plan has been gathering dust since 2019")


def test_the_horizon_said_back_as_a_question_is_no_question_in_passing() -> None:
    marks = _marks("We publish a yearly report. In two years? We'll have the public dashboard live, it's funded.")
    assert Qualifier.UNSURE not in marks["We'll have the public dashboard live, it's funded."]
    marks = _marks("We publish a yearly report. A public dashboard? Not yet.")
    assert Qualifier.NEGATED in marks["A public dashboard?"]


def test_a_long_hedge_after_a_plan_reaches_the_whole_plan_and_not_what_is_in_place() -> None:
    marks = _marks("Next year a monitoring framework, with a feedback panel, will be introduced, subject to "
                   "confirmation of resources in the next budget round.")
    assert Qualifier.UNCOMMITTED in marks["Next year a monitoring framework"]
    marks = _marks("We have a portal, and will add an API next year, if funding allows.")
    assert Qualifier.UNCOMMITTED not in marks["We have a portal"]


def test_what_pays_for_part_of_it_is_no_partial_scope() -> None:
    assert Qualifier.PARTIAL not in qualifiers("the programme is partly financed from the savings of online services")
    assert Qualifier.PARTIAL in qualifiers("the programme is partly implemented")


def test_it_may_be_noted_is_no_hope_and_work_only_scoped_is_not_in_place() -> None:
    assert Qualifier.UNCOMMITTED not in qualifiers("It may be noted that reporting is by quarterly PDF")
    assert Qualifier.FUTURE in qualifiers("a live dashboard has been scoped")
    marks = _marks("A public dashboard has been designed, but not commissioned.")
    assert Qualifier.NEGATED in marks["A public dashboard has been designed"]


def test_a_lesser_place_denied_is_growth_not_a_denial() -> None:
    assert Qualifier.NEGATED not in qualifiers("the smart-city agenda isn't a side team any more")
    assert Qualifier.NEGATED not in qualifiers("digital is no longer a niche project")
    assert Qualifier.NEGATED in qualifiers("there is no team for this")


def test_a_denial_after_a_list_of_short_items_denies_every_item() -> None:
    marks = _marks("Our contracts are on the portal, but the hospital, the university and the port don't put theirs "
                   "on it.")
    assert Qualifier.NEGATED in marks["the hospital, the university"]


def test_practice_left_to_whether_a_team_feels_like_it_varies() -> None:
    assert qualifiers("it's when a service feels like it") == {Qualifier.PARTIAL}
    assert qualifiers("we do it if the manager bothers") == {Qualifier.PARTIAL}
    assert Qualifier.PARTIAL not in qualifiers("residents can book when a resident wants to")


def test_what_someone_ended_at_a_time_gone_by_is_not_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("the library cut the computer sessions in 2020")
    assert Qualifier.NEGATED in qualifiers("the council closed the innovation lab two years ago")
    assert Qualifier.NEGATED not in qualifiers("we cut the waiting time last year")


def test_a_denial_with_a_subject_of_its_own_after_a_list_denies_only_itself() -> None:
    marks = _marks("Tax, repairs, admissions: all separate accounts, separate reference numbers, nothing standardised "
                   "between them.")
    assert Qualifier.NEGATED not in marks["all separate accounts, separate reference numbers"]


def test_without_needing_to_is_made_easy_not_a_lack() -> None:
    assert Qualifier.NEGATED not in qualifiers("you get one service without needing to know which department does it")
    assert Qualifier.NEGATED in qualifiers("services are designed without any user research")


def test_without_a_mishap_is_a_success_not_a_lack() -> None:
    assert Qualifier.NEGATED not in qualifiers("the risk was handled by five teams without falling between stools")
    assert Qualifier.NEGATED not in qualifiers("the new system went live without any problems")


def test_the_three_sides_of_sustainability_said_as_nouns_read_as_the_criteria_adjectives() -> None:
    assert set(content_tokens("outcomes for economy, society and environment")) == set(
        content_tokens("economic, social and environmental outcomes"))
