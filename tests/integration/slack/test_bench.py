"""`mmssc bench slack`, small: two bot processes sharing SQLite, retries round-robin between them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.cli.main import app
from bot.adapters.slack.bench import BenchConfig, run_slack_bench
from bot.config import EmbedderKind, Settings


def test_the_bench_loses_and_duplicates_nothing_across_two_processes(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING)
    report = run_slack_bench(settings, BenchConfig(stakeholders=4, characteristics=3, retry_every=1, processes=2,
                                                   reply_timeout=60))
    assert report.answers_sent == 12 and report.retried_deliveries == 12
    assert (report.answers_recorded, report.lost, report.duplicated, report.duplicated_replies) == (12, 0, 0, 0)
    assert report.missing_replies == 0 and report.refused_requests == 0
    assert report.ack.count == report.requests > 0 and report.reply.count == 12
    assert report.ack.max_ms < 3000  # Slack's limit; the target on a quiet machine is p95 < 100 ms
    assert report.integrity_target_met
    assert "0 lost, 0 duplicated" in report.summary()


def test_the_bench_command_prints_json(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    monkeypatch.setenv("MMSSC_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["bench", "slack", "--stakeholders", "2", "--characteristics", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert '"lost": 0' in result.output and '"duplicated": 0' in result.output
