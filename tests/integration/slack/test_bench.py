"""`mmssc bench slack`, small: two bot processes sharing SQLite, retries round-robin between them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.slack import BenchConfig, run_slack_bench
from bot.adapters.cli.main import app
from bot.config import EmbedderKind, Settings


def test_the_bench_loses_and_duplicates_nothing_across_two_processes(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", embedder=EmbedderKind.HASHING)
    report = run_slack_bench(settings, BenchConfig(stakeholders=4, characteristics=3, retry_every=1, processes=2,
                                                   reply_timeout=60))
    # 12 answers, and the probes the engine asks before a level, answered by button, typed or "suggest now"
    assert report.probe_cards > 0 and report.suggestion_cards == 12
    assert report.answers_sent == 12 + report.probe_replies and report.probe_replies > 0
    assert 12 <= report.retried_deliveries <= report.answers_sent  # every typed answer and reply, sent twice
    assert report.answers_recorded == report.answers_sent
    assert (report.lost, report.duplicated, report.duplicated_replies) == (0, 0, 0)
    assert report.missing_replies == 0 and report.refused_requests == 0
    assert report.ack.count == report.requests > 0
    assert report.reply.count == report.answers_sent + report.suggest_now == report.probe_cards + 12
    assert report.first_reply.count == 12  # four stakeholders, one per dimension: 12 characteristics first answered
    assert report.ack.max_ms < 3000  # Slack's limit; the target on a quiet machine is p95 <= 100 ms
    assert report.integrity_target_met
    assert "0 lost, 0 duplicated" in report.summary()


def test_the_bench_command_prints_json(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    monkeypatch.setenv("MMSSC_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["bench", "slack", "--stakeholders", "2", "--characteristics", "1", "--json",
                                      "--ack-p95-ms", "3000", "--reply-p95-ms", "60000"])
    assert result.exit_code == 0, result.output
    assert '"lost": 0' in result.output and '"duplicated": 0' in result.output


def test_a_missed_target_fails_the_bench_and_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MMSSC_EMBEDDER", "hashing")
    monkeypatch.setenv("MMSSC_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["bench", "slack", "--stakeholders", "2", "--characteristics", "1",
                                      "--ack-p95-ms", "60000", "--reply-p95-ms", "0.001"])  # no card within 1 µs
    assert result.exit_code == 1
    assert "Target missed: card after an answer p95" in result.output
    assert "ack p95" not in result.output.split("Target missed:")[1]  # only the missed target is named
    assert "MISSED" in result.output


def test_outside_a_source_checkout_the_bench_says_where_it_runs(tmp_path: Path) -> None:
    """An installed wheel has no benchmarks/ (nor tests/): one clear line, exit 1, no traceback."""
    from bot.config import PROJECT_ROOT

    site = tmp_path / "site"
    shutil.copytree(PROJECT_ROOT / "bot", site / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from bot.adapters.cli.main import app; "
              "sys.argv = ['mmssc', 'bench', 'slack']; app()")
    env = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "MMSSC_DATA_DIR": str(tmp_path / "data")}
    ran = subprocess.run([sys.executable, "-c", script, str(site)], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    assert ran.returncode == 1, ran.stderr
    lines = [line for line in ran.stderr.splitlines() if line.strip()]
    assert lines == ["`mmssc bench slack` runs from a source checkout of mmssc-bot (`make bench` there); this "
                     "installation has no benchmarks."], ran.stderr
    assert "Traceback" not in ran.stderr and json.dumps(ran.stdout) == '""'
