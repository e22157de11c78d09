"""Conditions said first, predicates set off from their subjects, documents never adopted, groups named by what they
lack and aims of documents in place: how a clause's qualifiers read."""

from bot.suggestion.clauses import split_clauses
from bot.suggestion.models import ProbeAnswer
from bot.suggestion.probe_reading import read_probe_reply
from bot.suggestion.qualifiers import Qualifier, qualifiers
from bot.suggestion.scope import clause_qualifiers


def _marks(answer: str) -> dict[str, frozenset[Qualifier]]:
    clauses = split_clauses(answer)
    return {c.text: m for c, m in zip(clauses, clause_qualifiers(clauses), strict=True)}


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
