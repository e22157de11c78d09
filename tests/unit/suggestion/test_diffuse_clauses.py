"""A clause that resembles several levels alike is about the topic: loose evidence of each, never firm."""

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.condition_index import Phrase
from bot.suggestion.matching import ClauseMatch, _loose_when_diffuse
from bot.suggestion.tuning import Tuning

TUNING = Tuning()
CLAUSE = Clause("Services here are designed by the service managers", 0, 50, 0)


def _supports(*levels: int, score: float = 0.7) -> dict[str, ClauseMatch]:
    found = {}
    for level in levels:
        condition = Condition(id=f"2.1.1/{level}/a", text=f"condition {level}", cues=[])
        found[condition.id] = ClauseMatch(CLAUSE, Phrase(condition, level, condition.text, True, frozenset(),
                                                         frozenset()), score)
    return found


def test_resembling_three_levels_alike_is_loose_evidence_of_each() -> None:
    supports = _supports(3, 4, 5)
    result = _loose_when_diffuse(supports, set(supports), TUNING)
    assert set(result) == set(supports)  # still evidence, so still cited and still counted
    assert all(TUNING.support_threshold <= m.score < TUNING.strong_support for m in result.values())


def test_two_levels_or_a_cue_said_word_for_word_keep_their_strength() -> None:
    two = _supports(3, 4)
    assert _loose_when_diffuse(two, set(two), TUNING) == two
    four = _supports(2, 3, 4, 5)
    literal = "2.1.1/5/a"  # "personalised services" said word for word
    result = _loose_when_diffuse(four, set(four) - {literal}, TUNING)
    assert result[literal].score == 0.7
    assert all(result[key].score < TUNING.strong_support for key in four if key != literal)
