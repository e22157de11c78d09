"""A first `mmssc suggest` in a new process says it is loading the model, on standard error only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def test_first_suggest_says_loading_the_model_on_stderr(tmp_path: Path) -> None:
    env = {**os.environ, "MMSSC_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run(
        [sys.executable, "-c", "from bot.adapters.cli.main import app; app()", "suggest", "--characteristic",
         "2.2.1", "--answer", "We publish 40 datasets on our open data portal.", "--json"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "loading the model…" in run.stderr
    assert json.loads(run.stdout)["characteristic"] == "2.2.1"  # standard output stays pure JSON
