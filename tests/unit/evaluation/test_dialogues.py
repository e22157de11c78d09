"""Dialogue cases, two-year level cases, AUROC and big misses in the eval report (with the probing fake)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from bot.adapters.cli.eval_render import render_report
from bot.evaluation import metrics
from bot.evaluation.cases import CaseFileError, DialogueCase, load_case_set
from bot.evaluation.dialogues import simulate_dialogue
from bot.evaluation.runner import run_evaluation
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.models import Horizon, ProbeAnswer
from tests.support.fakes import FakeEngine

DIALOGUES = [
    {"id": "d1", "characteristic": "1.1.1", "opening": "A plan [L2] [P3] [P4]", "opening_kind": "partial",
     "replies": {"3": "yes, adopted in 2020", "4": "no, nobody monitors it"}, "expected_level": 3},
    {"id": "d2", "characteristic": "2.1.1", "opening": "Sensors [L1] [P2]", "opening_kind": "partial",
     "replies": {"1": "yes", "5": "no"}, "expected_level": 2},  # no reply for level 2: "not sure"
    {"id": "d3", "characteristic": "1.2.1", "opening": "All of it [L5]", "replies": {}, "expected_level": 5,
     "opening_kind": "complete"},
    {"id": "d4", "characteristic": "1.2.1", "opening": "By 2027 [L2] [P4]", "replies": {"4": "yes, funded"},
     "expected_level": 4, "horizon": "two_years", "level_now": 2},
]
LEVELS = [
    {"id": "n1", "characteristic": "1.1.1", "answer": "Now [L3]", "expected_level": 3},
    {"id": "n2", "characteristic": "1.1.1", "answer": "Now [L5]", "expected_level": 1},
    {"id": "n3", "characteristic": "1.1.1", "answer": "Now [L2]", "expected_level": 3},
    {"id": "t1", "characteristic": "1.1.1", "answer": "Plans [L4]", "expected_level": 4, "horizon": "two_years",
     "level_now": 3},
    {"id": "t2", "characteristic": "1.1.1", "answer": "Plans [L1]", "expected_level": 4, "horizon": "two_years"},
]


def _write(directory: Path) -> Path:
    directory.mkdir()
    (directory / "dialogues.jsonl").write_text("\n".join(json.dumps(d) for d in DIALOGUES) + "\n", encoding="utf-8")
    (directory / "levels.jsonl").write_text("\n".join(json.dumps(c) for c in LEVELS) + "\n", encoding="utf-8")
    return directory


def test_a_dialogue_answers_each_probe_from_the_case(kb: KnowledgeBase) -> None:
    engine = FakeEngine(kb)
    turns, probes = simulate_dialogue(engine, DialogueCase.model_validate(DIALOGUES[0]), max_probes=3)
    assert probes == [3, 4] and [t.level for t in turns] == [2, 3, 3]
    replies = [(e.probe.level, e.reply) for e in (engine.contexts[-1].exchanges if engine.contexts[-1] else [])]
    assert replies == [(3, "yes, adopted in 2020"), (4, "no, nobody monitors it")]
    assert {call[1] for call in engine.calls} == {"A plan [L2] [P3] [P4]"}  # the opening, every time
    _, capped = simulate_dialogue(FakeEngine(kb), DialogueCase.model_validate(DIALOGUES[0]), max_probes=1)
    assert capped == [3]
    unsure = FakeEngine(kb)
    simulate_dialogue(unsure, DialogueCase.model_validate(DIALOGUES[1]), max_probes=3)
    last = unsure.contexts[-1]
    assert last is not None and [(e.reply, e.answer) for e in last.exchanges] == [("", ProbeAnswer.UNSURE)]
    later = FakeEngine(kb)
    simulate_dialogue(later, DialogueCase.model_validate(DIALOGUES[3]), max_probes=3)
    assert all(c is not None and (c.horizon, c.level_now) == (Horizon.TWO_YEARS, 2) for c in later.contexts)


def test_the_report_has_dialogues_two_years_auroc_and_big_misses(tmp_path: Path, kb: KnowledgeBase) -> None:
    cases = load_case_set(_write(tmp_path / "cases"))
    engine = FakeEngine(kb)
    report = run_evaluation(cases, engine, kb, HashingEmbedder(), max_probes=3)
    d = report.dialogues
    assert d is not None and (d.n, d.answered, d.probes_max) == (4, 4, 2)
    assert d.probes_mean == pytest.approx((2 + 1 + 0 + 1) / 4)
    predicted = {c.id: (c.predicted, c.probes, c.opening_predicted) for c in d.cases}
    assert predicted == {"d1": (3, [3, 4], 2), "d2": (1, [2], 1), "d3": (5, [], 5), "d4": (4, [4], 2)}
    assert (d.exact, d.opening.exact) == (0.75, 0.25)
    assert d.by_opening_kind["partial"].n == 2 and d.by_opening_kind["partial"].opening_exact == 0.0
    # two-year cases are suggested with that horizon and reported on their own
    assert report.levels is not None and report.levels.n == 3 and report.levels.off_by_3_or_more == 1
    assert report.two_years is not None and (report.two_years.n, report.two_years.exact) == (2, 0.5)
    assert report.two_years.off_by_3_or_more == 1
    two_year_calls = [c for c in engine.contexts if c is not None and c.level_now == 3]
    assert len(two_year_calls) == 1 and two_year_calls[0].horizon == Horizon.TWO_YEARS
    # confidence 0.5 + level/10: right at 0.8 ([L3]); wrong at 1.0 ([L5]) and 0.7 ([L2]): no better than chance
    assert report.confidence is not None and report.confidence.auroc == 0.5
    assert {m.id: m.horizon for m in report.misses} == {"n2": "now", "n3": "now", "t2": "two_years"}
    assert report.citations.validity == 1.0  # probe conditions are checked too
    document = json.loads(report.model_dump_json())
    assert set(document["dialogues"]) >= {"n", "exact", "within_one", "qwk", "probes_mean", "probes_max", "cases"}
    assert set(document["dialogues"]["cases"][0]) >= {"id", "expected", "predicted", "probes"}
    console = Console(record=True, width=120, color_system=None)
    render_report(report, console)
    printed = console.export_text()
    assert "Dialogues (4)" in printed and "opening only" in printed and "two years" in printed
    assert "AUROC 0.500" in printed and "partial (2) 0.00 → 0.50" in printed


def test_replies_are_keyed_by_level() -> None:
    with pytest.raises(ValueError, match="keyed by level"):
        DialogueCase.model_validate({**DIALOGUES[0], "replies": {"6": "x"}})


def test_a_malformed_dialogue_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "dialogues.jsonl").write_text('{"id": "a", "characteristic": "1.1.1"}\n', encoding="utf-8")
    with pytest.raises(CaseFileError, match="dialogues.jsonl:1"):
        load_case_set(tmp_path)


def test_auroc_and_off_by_three() -> None:
    assert metrics.auroc([0.9, 0.2, 0.8, 0.1], [True, False, True, False]) == 1.0
    assert metrics.auroc([0.1, 0.9], [True, False]) == 0.0
    assert metrics.auroc([0.5, 0.5], [True, False]) == 0.5
    assert metrics.auroc([0.5, 0.7], [True, True]) is None  # no wrong case: undefined
    assert metrics.off_by_at_least([1, 5, None, 2], [4, 2, 1, 2], 3) == 2
    assert metrics.quadratic_weighted_kappa([3, 3], [3, 3]) == 1.0  # one level throughout: no warning, 1.0
