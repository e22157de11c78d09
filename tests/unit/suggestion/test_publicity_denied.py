"""Something kept from the public ("it's all internal for now") denies the level-5 conditions that speak of the
public, however little the clause resembles them."""

from types import SimpleNamespace

import pytest

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.condition_index import Phrase
from bot.suggestion.matching import BELOW_FIRM, _publicity_denied
from bot.suggestion.tuning import Tuning
from bot.suggestion.words import content_tokens

TUNING = Tuning()


def _phrase(level: int, letter: str, text: str) -> Phrase:
    condition = Condition(id=f"1.1.1/{level}/{letter}", text=text, cues=[])
    return Phrase(condition, level, text, True, frozenset(), frozenset(content_tokens(text)))


INDEX = SimpleNamespace(phrases=[
    _phrase(4, "a", "leaders track the success measures"),
    _phrase(4, "b", "progress report published for the board"),  # level 4: an internal practice is no gap there
    _phrase(5, "a", "regular public reporting of progress"),
    _phrase(5, "a", "citizens can see the kpis"),
    _phrase(5, "b", "learning shared with other cities"),
    _phrase(5, "c", "public-private partnership on data"),  # "public" of another kind
])


def _denied(text: str) -> list[str]:
    return sorted(_publicity_denied(INDEX, Clause(text, 0, len(text), 0), TUNING))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["We don't publish those numbers though", "it's all internal for now",
                                  "Internal only, no public version.", "But citizens can't see any of it",
                                  "it's all behind the firewall"])
def test_what_is_kept_from_the_public_denies_the_public_rung(text: str) -> None:
    assert _denied(text) == ["1.1.1/5/a"]


def test_a_denial_not_a_firm_one_and_nothing_else_denied() -> None:
    match = _publicity_denied(INDEX, Clause("it's internal only", 0, 18, 0), TUNING)["1.1.1/5/a"]  # type: ignore[arg-type]
    assert TUNING.against_threshold < match.score < TUNING.strong_support
    assert _denied("the report goes to the public every quarter") == []
    assert _denied("we publish it on the website") == []


def test_a_denial_outweighs_a_loose_match_but_not_a_firm_one() -> None:
    match = _publicity_denied(INDEX, Clause("No public dashboard.", 0, 20, 0), TUNING)["1.1.1/5/a"]  # type: ignore[arg-type]
    assert TUNING.strong_support - BELOW_FIRM < match.score < TUNING.strong_support
