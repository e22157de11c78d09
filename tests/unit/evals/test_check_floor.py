from evals.check_floor import Floor, floor_failures, lookup

REPORT = {"levels": {"exact": 0.72, "within_one": 0.9}, "abstain": {"recall": 0.95},
          "levels_false": None, "standards": {"modes": {"hybrid": {"recall_at_3": 1.0}}}}


def test_lookup_follows_dotted_paths() -> None:
    assert lookup(REPORT, "standards.modes.hybrid.recall_at_3") == 1.0
    assert lookup(REPORT, "levels.qwk") is None


def test_passes_at_or_above_the_floor() -> None:
    floor = Floor(min={"levels.exact": 0.72, "abstain.recall": 0.9}, max={"levels.within_one": 0.95})
    assert floor_failures(REPORT, floor) == []


def test_names_every_metric_below_the_floor_or_missing() -> None:
    floor = Floor(min={"levels.exact": 0.8, "levels.qwk": 0.85}, max={"abstain.recall": 0.5})
    failures = floor_failures(REPORT, floor)
    assert failures == [
        "levels.exact = 0.7200 is below the floor 0.8",
        "levels.qwk: missing from the report (floor 0.85)",
        "abstain.recall = 0.9500 is above the ceiling 0.5",
    ]
