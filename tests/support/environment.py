"""Broken environments for tests: paths nobody may write, read-only databases, processes to run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT


def unwritable_directory(tmp_path: Path) -> Path:
    """A folder the test's user cannot create files in: a read-only folder, or (as root, who may write
    anywhere the permissions say no) sysfs, which the kernel keeps read-only."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def read_only_sqlite_url(database: Path) -> str:
    """The SQLite file as a process sees a read-only file: `chmod a-w` (root ignores file modes, so then
    SQLite's own read-only open mode, which fails the same way on the first write)."""
    database.chmod(0o444)
    if os.geteuid() == 0:
        return f"sqlite:///file:{database}?mode=ro&uri=true"
    return f"sqlite:///{database}"


def clean_environment(**settings: str) -> dict[str, str]:
    """The process environment without the developer's settings or tokens, plus `settings`."""
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("MMSSC_", "SLACK_", "OPENAI_")) and k != "DATABASE_URL"}
    environment.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
                        "MMSSC_EMBEDDER": "hashing", "COLUMNS": "100", **settings})
    return environment


def run_mmssc(environment: dict[str, str], *arguments: str, stdin: str | bytes | None = None,
              timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGUMENTS` as a separate process; text output."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    run = subprocess.run([sys.executable, "-m", "bot", *arguments], input=data, capture_output=True,
                         cwd=PROJECT_ROOT, env=environment, timeout=timeout, check=False)
    return subprocess.CompletedProcess(run.args, run.returncode, run.stdout.decode("utf-8", "replace"),
                                       run.stderr.decode("utf-8", "replace"))
