"""A denial that says the starting point in so many words also denies the level-2 fact it is the absence of; one that
denies the top of the ladder more closely is no sign of the starting point at all."""

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.condition_index import Phrase
from bot.suggestion.matching import ClauseMatch, _absence_of_the_first_rung, _not_the_start_when_the_top_is_denied
from bot.suggestion.qualifiers import Qualifier
from bot.suggestion.tuning import Tuning

TUNING = Tuning()
CLAUSE = Clause("no one has set KPIs for the city vision", 0, 40, 0)
NEGATED = frozenset({Qualifier.NEGATED})


def _match(level: int, letter: str, score: float) -> ClauseMatch:
    condition = Condition(id=f"1.5.2/{level}/{letter}", text=f"condition {level}{letter}", cues=[])
    return ClauseMatch(CLAUSE, Phrase(condition, level, condition.text, True, frozenset(), frozenset()), score)


def test_a_firm_starting_point_denies_the_level_two_fact_the_clause_is_closest_to() -> None:
    supports = {"1.5.2/1/a": _match(1, "a", 1.0)}
    disagree = {"1.5.2/2/a": _match(2, "a", 0.63), "1.5.2/3/a": _match(3, "a", 0.52)}
    denials = _absence_of_the_first_rung(supports, disagree, NEGATED, TUNING)
    assert list(denials) == ["1.5.2/2/a"]
    assert denials["1.5.2/2/a"].score == 1.0  # as strong as the starting point is said


def test_not_when_the_clause_denies_a_higher_level_more_closely() -> None:
    # "we don't share channels with partners yet": a level-1 cue, but the gap it names is at level 5
    supports = {"2.3.2/1/a": _match(1, "a", 0.9)}
    disagree = {"2.3.2/2/a": _match(2, "a", 0.6), "2.3.2/5/a": _match(5, "a", 0.7)}
    assert _absence_of_the_first_rung(supports, disagree, NEGATED, TUNING) == {}


def test_not_without_a_negation_or_a_firm_starting_point() -> None:
    disagree = {"1.5.2/2/a": _match(2, "a", 0.63)}
    # "each department has its own KPIs" describes the starting point without denying anything
    assert _absence_of_the_first_rung({"1.5.2/1/b": _match(1, "b", 0.9)}, disagree, frozenset(), TUNING) == {}
    assert _absence_of_the_first_rung({"1.5.2/1/a": _match(1, "a", 0.55)}, disagree, NEGATED, TUNING) == {}


def test_a_denial_of_the_top_of_the_ladder_is_no_sign_of_the_starting_point() -> None:
    # "there's no ongoing dialogue space between stakeholders themselves": near "no stakeholder plan" (level 1), but
    # what it denies is a level-5 condition, more closely
    supports = {"1.3.1/1/a": _match(1, "a", 0.69), "1.3.1/2/a": _match(2, "a", 0.6)}
    denials = {"1.3.1/5/b": _match(5, "b", 1.0)}
    assert list(_not_the_start_when_the_top_is_denied(supports, denials)) == ["1.3.1/2/a"]


def test_the_starting_point_stays_when_it_is_said_more_closely_or_the_gap_is_low() -> None:
    supports = {"1.3.1/1/a": _match(1, "a", 0.9)}
    assert list(_not_the_start_when_the_top_is_denied(supports, {"1.3.1/5/b": _match(5, "b", 0.7)})) == ["1.3.1/1/a"]
    # "we don't have KPIs" denies level 3 and may well say the starting point
    assert list(_not_the_start_when_the_top_is_denied(supports, {"1.3.1/3/a": _match(3, "a", 1.0)})) == ["1.3.1/1/a"]
