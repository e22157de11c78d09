"""`mmssc chat` with strict UTF-8 standard input (PYTHONIOENCODING=utf-8) and one invalid byte on
line 4: every line is recorded, the lines before and after it whole."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.support.environment import clean_environment, run_mmssc

pytestmark = pytest.mark.integration


def test_an_invalid_byte_costs_only_itself(tmp_path: Path) -> None:
    lines = [b"3 because we publish it", b"4", b"status", b"We publish open data \xff on a portal", b"help"]
    environment = clean_environment(MMSSC_DATA_DIR=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")
    run = run_mmssc(environment, "chat", "-a", "Strict 2026", "-s", "ana", stdin=b"\n".join(lines) + b"\n")
    assert run.returncode == 0, run.stderr
    assert "Line 4 holds bytes that are not valid utf-8" in run.stdout and "What you can type" in run.stdout
    with sqlite3.connect(tmp_path / "data" / "mmssc.db") as connection:
        rows = connection.execute("SELECT raw_text_json FROM events WHERE kind = 'text' ORDER BY id")
        typed = [json.loads(raw) for (raw,) in rows]
    assert typed == ["3 because we publish it", "4", "status", "We publish open data \ufffd on a portal", "help"]
