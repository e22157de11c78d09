from __future__ import annotations

import pytest

from bot.adapters.slack.limits import BLOCK_ID
from bot.adapters.slack.refs import CardRef
from bot.errors import InvalidInputError


def test_card_ref_round_trips() -> None:
    ref = CardRef(assessment="Ríverton 2026", characteristic="2.1.1", horizon="two_years", level=2, channel="D1")
    assert CardRef.parse(ref.value()) == ref


def test_a_probe_card_ref_round_trips_and_gives_its_position_as_a_probe() -> None:
    ref = CardRef(assessment="A", characteristic="1.1.1", horizon="two_years", suggestion_id=42, probe=True)
    assert CardRef.parse(ref.value()) == ref and CardRef.parse(ref.block_id()) == ref
    position = ref.position()
    assert position is not None and position.probe and position.suggestion_id == 42
    assert '"p"' not in CardRef(assessment="A", characteristic="1.1.1").value()  # other cards stay as they were
    long = CardRef(assessment="x" * 250, characteristic="1.1.1", suggestion_id=42, probe=True)
    assert CardRef.parse(long.block_id()).probe


def test_block_id_drops_a_long_assessment_name_to_fit() -> None:
    ref = CardRef(assessment="x" * 250, characteristic="2.1.1")
    assert len(ref.block_id()) <= BLOCK_ID
    assert CardRef.parse(ref.block_id()).characteristic == "2.1.1"


@pytest.mark.parametrize("value", ["", "not json", "[1, 2]", '{"l": 9}'])
def test_garbage_values_are_refused_clearly(value: str) -> None:
    with pytest.raises(InvalidInputError):
        CardRef.parse(value)
