"""`mmssc serve` as a real process: HTTP mode on 127.0.0.1, answering signed requests; tokens stay secret."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from tests.support.ports import free_port, wait_for_port
from tests.support.slack.mock_web_api import MockSlackWebApi
from tests.support.slack.simulator import SignedSlackSender

from .harness import BOT_TOKEN, SIGNING_SECRET, post_text

# How the bot is stopped: Ctrl-C in a terminal; SIGTERM from a process manager, or when the shell that started it in
# the background left SIGINT ignored. The child's SIGINT is set either way, whatever the test runner inherited.
STOPS = {
    "ctrl-c": (signal.SIGINT, signal.SIG_DFL),
    "sigterm, with SIGINT ignored": (signal.SIGTERM, signal.SIG_IGN),
}


@pytest.mark.parametrize("stop", list(STOPS))
def test_mmssc_serve_answers_signed_requests_and_keeps_tokens_out_of_logs(
        tmp_path: Path, mock_api: MockSlackWebApi, stop: str) -> None:
    stop_signal, sigint_disposition = STOPS[stop]
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MMSSC_", "SLACK_"))}
    env.update({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                "MMSSC_SLACK_API_URL": mock_api.base_url.rstrip("/"), "MMSSC_DATA_DIR": str(tmp_path / "data"),
                "MMSSC_EMBEDDER": "hashing", "PYTHONUNBUFFERED": "1"})
    process = subprocess.Popen([sys.executable, "-m", "bot", "--verbose", "serve", "--port", str(port)],
                               cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, sigint_disposition))
    try:
        wait_for_port(port, process, timeout=90, what="mmssc serve",
                      details=lambda: str(process.communicate()) if process.poll() is not None else "")
        sender = SignedSlackSender(f"http://127.0.0.1:{port}/slack/events", SIGNING_SECRET,
                                   response_urls=mock_api.response_url_for)
        assert sender.command("/assess", "new Riverton 2026", "UFAC", "CFACIL").status == 200
        created = mock_api.wait_for("chat.postMessage", channel="CFACIL", timeout=30)[0]
        assert "created the assessment *Riverton 2026*" in post_text(created)
        mock_api.fail_next("chat.postMessage", "channel_not_found")
        sender.command("/assess", "new Elsewhere 2026", "UFAC", "CGONE")
        told = mock_api.wait_for("response_url", timeout=30)[0]  # told privately where they typed it
        assert "/invite @mmssc" in post_text(told)
        forged = SignedSlackSender(f"http://127.0.0.1:{port}/slack/events", "not-the-secret")
        assert forged.command("/assess", "new Forged 2026", "UEVE", "CFACIL").status == 401
    finally:
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err[-2000:]
    assert "stopping: finishing the work already acknowledged" in err
    assert f"Ready: Slack bot listening on http://127.0.0.1:{port}/slack/events" in out
    assert out.index("Warming up: preparing the suggestions of 31 characteristics") < out.index("Ready:")
    assert "chat.postMessage failed (channel=CGONE): channel_not_found" in err  # reported, not swallowed
    for secret in (BOT_TOKEN, SIGNING_SECRET):
        assert secret not in out and secret not in err
    assert "xoxb-" not in err
