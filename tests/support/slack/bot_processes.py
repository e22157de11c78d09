"""Run one or more `mmssc serve` processes on 127.0.0.1, as a load balancer would have them.

Used by `mmssc bench slack`, so the bot runs in processes of its own and the simulated Slack (client
threads and the mock Web API) does not share the bot's interpreter, as in production.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from bot.config import PROJECT_ROOT, Settings
from tests.support.ports import free_port, wait_for_port

STARTUP_SECONDS = 600.0  # each process warms up (every characteristic, the retrieval index) before it listens


def child_environment(settings: Settings, *, data_dir: Path, database_url: str, api_url: str, bot_token: str,
                      signing_secret: str) -> dict[str, str]:
    """The environment of a bot process: this process's (paths, offline flags) without any Slack or MMSSC
    variable, then the settings that matter for the bot, and the bench's own Slack credentials."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MMSSC_", "SLACK_")) and k != "DATABASE_URL"}
    env.update({
        "MMSSC_DATA_DIR": str(data_dir), "MMSSC_DATABASE_URL": database_url, "MMSSC_SLACK_API_URL": api_url,
        "MMSSC_KNOWLEDGE_DIR": str(settings.knowledge_dir), "MMSSC_PROMPTS_DIR": str(settings.prompts_dir),
        "MMSSC_EMBEDDER": settings.embedder.value, "MMSSC_ENGINE": settings.engine.value,
        "MMSSC_LOG_LEVEL": "WARNING", "SLACK_BOT_TOKEN": bot_token, "SLACK_SIGNING_SECRET": signing_secret,
        "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
    })
    optional = {"MMSSC_LLM_PROVIDER": settings.llm_provider, "MMSSC_LLM_MODEL": settings.llm_model,
                "MMSSC_LLM_BASE_URL": settings.llm_base_url, "MMSSC_CHROMA_HOST": settings.chroma_host,
                "MMSSC_LLM_API_KEY": settings.llm_api_key.get_secret_value() if settings.llm_api_key else None}
    env.update({name: value for name, value in optional.items() if value})
    if settings.chroma_host:
        env["MMSSC_CHROMA_PORT"] = str(settings.chroma_port)
    return env


class BotProcesses:
    """`count` bot processes in HTTP mode; `urls` are their /slack/events endpoints. They share the
    database of `env`; each has a data directory of its own (as on separate machines: an embedded Chroma
    index belongs to one process), `<MMSSC_DATA_DIR>/bot-<n>`."""

    def __init__(self, count: int, env: dict[str, str], log_dir: Path):
        self.count, self.env, self.log_dir = count, env, log_dir
        self.processes: list[subprocess.Popen[bytes]] = []
        self.urls: list[str] = []
        self._logs: list[IO[bytes]] = []

    def __enter__(self) -> BotProcesses:
        try:
            for index in range(self.count):
                port = free_port()
                log = (self.log_dir / f"bot-{index}.log").open("wb")
                self._logs.append(log)
                env = {**self.env, "MMSSC_DATA_DIR": str(Path(self.env["MMSSC_DATA_DIR"]) / f"bot-{index}")}
                self.processes.append(subprocess.Popen(
                    [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)],
                    cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
                self.urls.append(f"http://127.0.0.1:{port}/slack/events")
            for index, url in enumerate(self.urls):
                self._wait_until_listening(index, int(url.split(":")[2].split("/")[0]))
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_until_listening(self, index: int, port: int) -> None:
        wait_for_port(port, self.processes[index], timeout=STARTUP_SECONDS, what=f"bot process {index}",
                      details=lambda: self.log_tail(index))

    def log_tail(self, index: int, lines: int = 30) -> str:
        path = self.log_dir / f"bot-{index}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def __exit__(self, *exc: object) -> None:
        """Stop each process as a process manager does (SIGTERM: it finishes acknowledged work), then wait; kill
        only what hangs. Not SIGINT: a test runner started in the background may pass it on ignored."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self._logs:
            log.close()
