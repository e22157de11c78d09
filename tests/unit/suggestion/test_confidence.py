"""Confidence is read from the evidence: pieces, strength, bridged levels, hedges (pure, synthetic)."""

from bot.knowledge.models import Condition
from bot.suggestion.confidence import BRIDGED_CEILING, LOW_CONFIDENCE, confidence_basis, is_hedged
from bot.suggestion.decision import decide_level
from bot.suggestion.matching import ClauseMatch, ConditionEvidence
from bot.suggestion.text import Clause
from bot.suggestion.tuning import Tuning

TUNING = Tuning()


def _item(condition_id: str, level: int, text: str | None, score: float = 0.7, start: int = 0) -> ConditionEvidence:
    condition = Condition(id=condition_id, text=f"condition {condition_id}", cues=[])
    match = ClauseMatch(Clause(text, start, start + len(text), 0), None, score) if text else None  # type: ignore[arg-type]
    return ConditionEvidence(condition, level, match, None)


def test_one_sentence_with_a_single_strong_match_is_not_high() -> None:
    one = [_item("9/2/a", 2, "We have a CDO.", score=0.9)]
    basis = confidence_basis(2, one, one, [], [], 0, TUNING)
    assert basis.pieces == 1 and basis.strength == 1.0 and basis.completeness == 1.0
    assert basis.value < LOW_CONFIDENCE and basis.low


def test_several_firm_pieces_are_high_and_more_pieces_are_surer() -> None:
    items = [_item(f"9/{lv}/a", lv, f"clause {lv}", score=0.8, start=10 * lv) for lv in (2, 3, 4)]
    three = confidence_basis(4, items, items, [], [], 0, TUNING)
    two = confidence_basis(3, items[:2], items[:2], [], [], 0, TUNING)
    assert three.pieces == 3 and three.value >= 0.8
    assert two.value < three.value


def test_one_clause_matching_two_conditions_is_one_piece() -> None:
    same = [_item("9/2/a", 2, "Our strategy is published with targets."),
            _item("9/3/a", 3, "Our strategy is published with targets.")]
    assert confidence_basis(3, same, same, [], [], 0, TUNING).pieces == 1


def test_bridged_levels_are_always_low() -> None:
    items = [_item(f"9/5/{x}", 5, f"clause {x}", score=0.9, start=i * 10) for i, x in enumerate("abcd")]
    basis = confidence_basis(5, items, items, [], [2, 3], 0, TUNING)
    assert basis.value <= BRIDGED_CEILING and basis.bridged == 2


def test_hedges_and_overruled_limitations_lower_the_confidence() -> None:
    plain = [_item("9/2/a", 2, "We publish the plan.", start=0), _item("9/3/a", 3, "Goals are set.", start=30)]
    hedged = [_item("9/2/a", 2, "I think we publish the plan.", start=0), plain[1]]
    sure = confidence_basis(3, plain, plain, [], [], 0, TUNING).value
    assert confidence_basis(3, hedged, hedged, [], [], 0, TUNING).value < sure
    assert confidence_basis(3, plain, plain, [], [], 1, TUNING).value < sure
    assert is_hedged("On paper we have a board") and not is_hedged("The board meets monthly")


def test_decide_level_uses_the_evidence_based_confidence() -> None:
    empty = [_item("9/1/a", 1, None)]
    single = empty + [_item("9/2/a", 2, "We have a CDO.", score=0.8)] + \
        [_item(f"9/{lv}/a", lv, None) for lv in (3, 4, 5)]
    decision = decide_level(single, TUNING)
    assert decision.level == 2 and decision.confidence < LOW_CONFIDENCE
    assert decision.basis is not None and decision.basis.pieces == 1

    bridged = empty + [_item(f"9/{lv}/a", lv, None) for lv in (2, 3, 4)] + [_item("9/5/a", 5, "assembly", 0.7)]
    top = decide_level(bridged, TUNING)
    assert top.level == 5 and top.bridged_levels == [2, 3, 4]
    assert top.confidence <= BRIDGED_CEILING
