from bot.scoring.aggregate import LevelSpread, level_spread


def test_levels_two_or_more_apart_are_a_disagreement() -> None:
    assert level_spread([]) is None
    assert level_spread([3]) == LevelSpread(3, 3) and not LevelSpread(3, 3).disagreement
    assert level_spread(iter([2, 3, 2])) == LevelSpread(2, 3) and not LevelSpread(2, 3).disagreement
    assert level_spread([4, 1, 2]) == LevelSpread(1, 4) and LevelSpread(1, 4).spread == 3
    assert LevelSpread(1, 4).disagreement and LevelSpread(3, 5).disagreement
