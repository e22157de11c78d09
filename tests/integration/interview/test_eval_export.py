"""Real use becomes eval data (`mmssc eval export`), and the review says how often suggestions were kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from bot.adapters.cli.main import app
from bot.adapters.terminal.review import render_review
from bot.config import Settings
from bot.evaluation.cases import load_case_set
from bot.evaluation.export import export_assessment
from bot.evaluation.runner import run_evaluation
from bot.interview.messages import EventKind, InterviewEvent
from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.services.interview_service import InterviewService
from bot.storage import Database
from bot.suggestion.models import ProbeAnswer
from tests.integration.interview.driver import Stakeholder
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine

ASSESSMENT = "Port Ellen 2026"


def _interviews(kb: KnowledgeBase, database: Database) -> InterviewService:
    """zoe: probes answered, a suggestion kept, an override, a level typed without an answer;
    ann: one suggestion kept; the facilitator sets a consensus on the first characteristic."""
    first = kb.characteristic_ids[0]
    service = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    service.create_assessment(ASSESSMENT, community="Port Ellen", cycle="2026", facilitators=["fay"],
                              stakeholders=["zoe", "ann"])
    zoe = Stakeholder(service, ASSESSMENT, "zoe", channel="slack")
    zoe.start()
    zoe.say("We have a plan [L2] [P3] [P4]")
    zoe.say("yes, published with SDG goals")
    zoe.send(InterviewEvent(kind=EventKind.PROBE_REPLY, probe_answer=ProbeAnswer.NO))
    zoe.say("yes")  # 3 kept, now
    zoe.say("By 2027 we track it [L4]")
    zoe.say("5 because the dashboard goes live")  # overridden, two years
    zoe.say("2 because only some services")  # typed before any answer: no words, not exported
    zoe.say("skip")
    zoe.say("Data is open [L3]")
    zoe.say("yes")
    ann = Stakeholder(service, ASSESSMENT, "ann")
    ann.start()
    ann.say("Nothing written down [L1]")
    ann.say("yes")
    service.set_consensus(ASSESSMENT, "fay", first, 2, None, "the SDG mapping is still a draft")
    return service


def test_an_assessment_becomes_eval_cases_that_run(kb: KnowledgeBase, database: Database, tmp_path: Path) -> None:
    first, _, third = kb.characteristic_ids[:3]
    service = _interviews(kb, database)
    summary = export_assessment(database, kb, ASSESSMENT, tmp_path / "cases")
    assert (summary.levels, summary.two_years, summary.dialogues, summary.from_consensus, summary.overridden) == (
        4, 1, 1, 2, 1)
    levels = [json.loads(line) for line in (tmp_path / "cases" / "levels.jsonl").read_text().splitlines()]
    dialogues = [json.loads(line) for line in (tmp_path / "cases" / "dialogues.jsonl").read_text().splitlines()]
    prefix = "port-ellen-2026"
    assert [(c["id"], c["expected_level"], c.get("horizon"), c.get("level_now")) for c in levels] == [
        (f"{prefix}-s1-{first}-now", 2, None, None),  # ann: 1 confirmed, the consensus (2) wins
        (f"{prefix}-s2-{first}-now", 2, None, None),  # zoe: 3 confirmed, the consensus (2) wins
        (f"{prefix}-s2-{first}-2y", 5, "two_years", 2),  # the override; level now from the consensus
        (f"{prefix}-s2-{third}-now", 3, None, None),
    ]
    assert levels[1]["answer"] == "We have a plan [L2] [P3] [P4]"  # the words, not the probe replies
    assert "zoe" not in json.dumps(levels) and "ann" not in json.dumps(levels)
    assert dialogues == [{"id": f"{prefix}-s2-{first}-now", "characteristic": first,
                          "opening": "We have a plan [L2] [P3] [P4]",
                          "replies": {"3": "yes, published with SDG goals", "4": "No."},
                          "expected_level": 2, "acceptable_levels": [2]}]
    report = run_evaluation(load_case_set(tmp_path / "cases"), FakeEngine(kb), kb, HashingEmbedder())
    assert report.levels is not None and report.levels.n == 3 and report.two_years is not None
    assert report.dialogues is not None and report.dialogues.cases[0].probes == [3, 4]
    assert report.dialogues.cases[0].predicted == 3  # the people settled on 2: the engine is measured on it

    kept = service.review(ASSESSMENT).kept
    assert (kept.now.confirmed, kept.now.overridden, kept.two_years.confirmed, kept.two_years.overridden) == (
        3, 0, 0, 1)
    assert (kept.overall.confirmed, kept.overall.overridden, kept.overall.share) == (3, 1, 0.75)
    console = Console(record=True, width=160, color_system=None)
    render_review(console, service.review(ASSESSMENT))
    assert "Suggested levels kept: 3 of 4 (75%; the rest overridden) — now 3 of 3, in two years 0 of 1" in \
        console.export_text()


def test_eval_export_from_the_command_line(kb: KnowledgeBase, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MMSSC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    database = Database.connect(Settings(data_dir=tmp_path / "data"))
    try:
        _interviews(kb, database)
    finally:
        database.dispose()
    runner = CliRunner()
    written = runner.invoke(app, ["eval", "export", ASSESSMENT, "--out", str(tmp_path / "out"), "--json"])
    assert written.exit_code == 0, written.output
    assert json.loads(written.stdout)["levels"] == 4
    plain = runner.invoke(app, ["eval", "export", ASSESSMENT, "--out", str(tmp_path / "out")])
    assert "Wrote 4 level cases (1 for two years) and 1 dialogues" in plain.output
    review = json.loads(runner.invoke(app, ["review", ASSESSMENT, "--json"]).stdout)
    assert review["kept"]["overall"] == {"confirmed": 3, "overridden": 1, "share": 0.75}
    unknown = runner.invoke(app, ["eval", "export", "Nowhere 2026", "--out", str(tmp_path / "x")])
    assert unknown.exit_code == 2 and "Nowhere 2026" in unknown.output
    (tmp_path / "file").write_text("not a directory")
    blocked = runner.invoke(app, ["eval", "export", ASSESSMENT, "--out", str(tmp_path / "file" / "cases")])
    assert blocked.exit_code == 1 and "Cannot write the cases" in blocked.output and "Traceback" not in blocked.output
    missing = runner.invoke(app, ["eval"])
    assert missing.exit_code == 2 and "--cases DIR" in missing.output
