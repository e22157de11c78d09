"""A provider error that echoes the API key ("Incorrect API key provided: ...") never reaches the
terminal, the logs or the database: `mmssc suggest` and `mmssc chat` as real processes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from tests.support.fake_llm_server import key_echoing_llm_server

pytestmark = pytest.mark.integration
KEY = "zz-Custom-Provider-Key-0123456789"  # no known key shape: only the setting itself says it is secret


@pytest.fixture
def llm_environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    with key_echoing_llm_server() as url:
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("MMSSC_", "SLACK_"))}
        environment.update({"MMSSC_DATA_DIR": str(tmp_path / "data"), "MMSSC_EMBEDDER": "hashing",
                            "MMSSC_ENGINE": "llm", "MMSSC_LLM_PROVIDER": "openai", "MMSSC_LLM_MODEL": "any",
                            "MMSSC_LLM_BASE_URL": url, "MMSSC_LLM_API_KEY": KEY, "HF_HUB_OFFLINE": "1",
                            "TRANSFORMERS_OFFLINE": "1"})
        yield environment


def mmssc(environment: dict[str, str], *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    run = subprocess.run([sys.executable, "-m", "bot", *arguments], input=stdin, capture_output=True, text=True,
                         cwd=PROJECT_ROOT, env=environment, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    return run


def test_suggest_shows_and_logs_the_provider_error_without_the_key(llm_environment: dict[str, str]) -> None:
    answer = "We published our city strategy in 2020 with outcome targets."
    shown = mmssc(llm_environment, "--verbose", "suggest", "-c", "1.1.1", "-a", answer)
    assert "Incorrect API key provided: [redacted]" in shown.stdout.replace("\n", " ")
    assert "LLM call failed for 1.1.1" in shown.stderr  # logged at WARNING, with the debug lines around it
    as_json = mmssc(llm_environment, "suggest", "-c", "1.1.1", "-a", answer, "--json")
    assert json.loads(as_json.stdout)["fallback_reason"].startswith("llm error: ")
    for run in (shown, as_json):
        assert KEY not in run.stdout and KEY not in run.stderr


def test_chat_stores_the_fallback_reason_without_the_key(llm_environment: dict[str, str], tmp_path: Path) -> None:
    mmssc(llm_environment, "chat", "-a", "Keys 2026", "-s", "ana",
          stdin="We published our city strategy in 2020 with outcome targets.\nquit\n")
    with sqlite3.connect(tmp_path / "data" / "mmssc.db") as connection:
        payloads = [json.loads(p) for (p,) in connection.execute("SELECT payload_json FROM suggestions")]
        everything = "\n".join(str(row) for table in ("events", "answers", "suggestions", "confirmations")
                               for row in connection.execute(f"SELECT * FROM {table}"))  # noqa: S608
    assert payloads and all("[redacted]" in p["fallback_reason"] for p in payloads)
    assert KEY not in everything
