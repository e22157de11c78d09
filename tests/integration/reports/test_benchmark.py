"""A report for a 20-stakeholder assessment renders in under 5 s, in every format (scoring included)."""

import pytest

from benchmarks.report import BUDGET_SECONDS, benchmark_reports
from bot.knowledge import KnowledgeBase
from bot.reports.render import ReportFormat

pytestmark = pytest.mark.integration


def test_every_format_renders_within_budget_for_twenty_stakeholders(kb: KnowledgeBase) -> None:
    outcome = benchmark_reports(kb, stakeholders=20, repeat=2)
    steps = {t.step: t for t in outcome.timings}
    assert set(steps) == {"score", "chart", *(f.value for f in ReportFormat)}
    slow = {t.step: t.max_seconds for t in outcome.timings if t.max_seconds >= BUDGET_SECONDS}
    assert not slow, f"over {BUDGET_SECONDS} s: {slow}"


def test_bench_report_command_prints_the_numbers(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    from bot.adapters.cli.main import app

    monkeypatch.setenv("MMSSC_DATA_DIR", str(tmp_path))
    run = CliRunner().invoke(app, ["bench", "report", "--repeat", "1", "--json"])
    assert run.exit_code == 0, run.output
    outcome = json.loads(run.output)
    assert outcome["passed"] is True and outcome["stakeholders"] == 20
    assert [t["step"] for t in outcome["timings"]] == ["score", "html", "md", "csv", "json", "xlsx", "chart"]
    run = CliRunner().invoke(app, ["bench", "report", "--repeat", "1", "--budget", "0.000001"])
    assert run.exit_code == 1 and "OVER BUDGET" in run.output
