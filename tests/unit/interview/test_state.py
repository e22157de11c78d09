"""The order of the characteristics and where to go next."""

from __future__ import annotations

from bot.interview.state import interview_order, next_characteristic, previous_characteristic
from bot.knowledge import KnowledgeBase


def test_the_model_order_or_a_chosen_dimension_first(kb: KnowledgeBase) -> None:
    assert interview_order(kb) == kb.characteristic_ids
    order = interview_order(kb, "3")
    assert sorted(order) == sorted(kb.characteristic_ids)
    third = [c for c in kb.characteristic_ids if c.startswith("3.")]
    assert order[: len(third)] == third
    assert order[len(third)] == kb.characteristic_ids[0]


def test_next_skips_what_is_handled_and_wraps_round(kb: KnowledgeBase) -> None:
    order = kb.characteristic_ids
    assert next_characteristic(order, order[0], {order[0]}) == order[1]
    assert next_characteristic(order, order[0], {order[0], order[1]}) == order[2]
    assert next_characteristic(order, order[-1], set(order[1:])) == order[0]
    assert next_characteristic(order, order[-1], set(order)) is None
    assert next_characteristic(order, None, set()) == order[0]


def test_previous(kb: KnowledgeBase) -> None:
    order = kb.characteristic_ids
    assert previous_characteristic(order, order[1]) == order[0]
    assert previous_characteristic(order, order[0]) is None
