"""`mmssc serve` refuses clearly when Slack settings are missing, and never prints a token."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.adapters.cli.main import app


@pytest.mark.parametrize("env, missing", [
    ({}, "SLACK_BOT_TOKEN is not set"),
    ({"SLACK_BOT_TOKEN": "xoxb-secret-123"}, "SLACK_SIGNING_SECRET is not set"),
])
def test_serve_names_the_missing_setting(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], missing: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 2
    assert missing in result.output
    assert "xoxb-secret-123" not in result.output


def test_serve_and_bench_are_registered() -> None:
    runner = CliRunner()
    assert "--host" in runner.invoke(app, ["serve", "--help"]).output
    assert "--stakeholders" in runner.invoke(app, ["bench", "slack", "--help"]).output
