"""The city's other organisations left out ("the hospital and the uni aren't involved", "it's council-only") denies
the level-5 conditions of a partnership across the city, however little the clause resembles them."""

from types import SimpleNamespace

import pytest

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.condition_index import Phrase
from bot.suggestion.matching import _partners_denied
from bot.suggestion.tuning import Tuning
from bot.suggestion.words import content_tokens

TUNING = Tuning()


def _phrase(level: int, letter: str, text: str, is_cue: bool = False) -> Phrase:
    condition = Condition(id=f"3.2.1/{level}/{letter}", text=text, cues=[])
    return Phrase(condition, level, text, is_cue, frozenset(), frozenset(content_tokens(text)))


INDEX = SimpleNamespace(phrases=[
    _phrase(4, "b", "Clear leadership and collaborative governance processes across the city administration"),
    _phrase(5, "a", "The collaborative governance arrangements include all major data users across the city's data "
                    "ecosystem"),
    _phrase(5, "b", "A broad cross-sectoral partnership of city organisations is committed to publishing data"),
    _phrase(5, "c", "Real-time dashboards show the data"),  # the top rung, but no partnership
    _phrase(5, "a", "partners on the board", is_cue=True),  # the criteria's own words decide, not a cue's
])


def _denied(text: str) -> list[str]:
    return sorted(_partners_denied(INDEX, Clause(text, 0, len(text), 0), TUNING))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["The hospital and the uni aren't involved", "It's council-only though.",
                                  "Partners like the bus operator have no visibility of any of it",
                                  "External partners aren't part of that governance", "no partners.",
                                  "It isn't opened up to other data users in the city yet",
                                  "We haven't brought the water company or the health trust into it"])
def test_the_city_s_other_organisations_left_out_deny_the_partnership_rung(text: str) -> None:
    assert _denied(text) == ["3.2.1/5/a", "3.2.1/5/b"]


def test_a_denial_not_a_firm_one_and_not_what_denies_the_council_only() -> None:
    match = _partners_denied(INDEX, Clause("it's council-only", 0, 17, 0), TUNING)["3.2.1/5/b"]  # type: ignore[arg-type]
    assert TUNING.against_threshold < match.score < TUNING.strong_support
    assert _denied("It's not a council-only thing.") == []
    assert _denied("The hospital and the uni are both on the board") == []
    assert _denied("It isn't available to other departments yet") == []  # inside the administration
