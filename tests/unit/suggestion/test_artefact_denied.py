"""A denial of a governance artefact ("there's no policy behind it") denies the lowest rung whose criteria name it."""

from types import SimpleNamespace

from bot.knowledge.models import Condition
from bot.suggestion.clauses import Clause
from bot.suggestion.condition_index import Phrase
from bot.suggestion.matching import ClauseMatch, _artefact_denied
from bot.suggestion.qualifiers import Qualifier
from bot.suggestion.tuning import Tuning
from bot.suggestion.words import content_tokens

TUNING = Tuning()
NEGATED = frozenset({Qualifier.NEGATED})


def _criterion(level: int, text: str) -> Phrase:
    condition = Condition(id=f"2.2.1/{level}/a", text=text, cues=[])
    return Phrase(condition, level, text, False, frozenset(), frozenset(content_tokens(text)))


INDEX = SimpleNamespace(phrases=[
    _criterion(2, "Some data is published system by system"),
    _criterion(3, "An open data policy applies across the city"),
    _criterion(4, "The policy is reviewed with users every year"),
    _criterion(5, "Leaders agree the priorities with partners"),
])


def _denied(text: str, marks: frozenset[Qualifier] = NEGATED, agree: dict[str, ClauseMatch] | None = None) -> list[str]:
    clause = Clause(text, 0, len(text), 0)
    return sorted(_artefact_denied(INDEX, clause, marks, agree or {}, TUNING))  # type: ignore[arg-type]


def test_the_lowest_rung_naming_the_artefact_is_denied() -> None:
    assert _denied("But there's no policy behind it.") == ["2.2.1/3/a"]
    assert _denied("nobody ever signed off a formal policy") == ["2.2.1/3/a"]
    assert _denied("there's no overall strategy or priorities") == ["2.2.1/5/a"]  # the second of a pair
    assert _denied("no priorities agreed") == ["2.2.1/5/a"]
    match = _artefact_denied(INDEX, Clause("no policy", 0, 9, 0), NEGATED, {}, TUNING)["2.2.1/3/a"]  # type: ignore[arg-type]
    assert TUNING.against_threshold < match.score < TUNING.strong_support


def test_not_a_narrower_thing_a_plan_or_a_clause_firmly_about_a_rung() -> None:
    assert _denied("we don't have a delivery policy yet") == []  # a compound names something narrower
    assert _denied("there's no policy yet, it goes to cabinet in May", NEGATED | {Qualifier.FUTURE}) == []
    assert _denied("there's a policy", frozenset()) == []  # nothing denied
    firm = ClauseMatch(Clause("x", 0, 1, 0), INDEX.phrases[2], TUNING.strong_support)
    assert _denied("no policy review though, the board checks it", agree={"2.2.1/4/a": firm}) == []
