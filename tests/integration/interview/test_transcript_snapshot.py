"""A whole piped `mmssc chat` transcript, compared to tests/integration/interview/snapshots/chat_transcript.txt.

A deterministic fake engine (the level written as "[L3]" in an answer), the hashing embedder behind the
standards retriever, and a fixed clock: the same lines give the same transcript on every machine.

Regenerate after an intended change, then read the diff before committing:
    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/integration/interview/test_transcript_snapshot.py
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from bot.adapters.terminal.chat import run_chat
from bot.context import AppContext
from bot.knowledge import KnowledgeBase
from bot.services.factory import build_interview_service
from bot.services.interview_service import InterviewService
from tests.integration.storage.backends import FixedClock
from tests.support.fakes import FakeEngine

pytestmark = pytest.mark.integration
SNAPSHOT = Path(__file__).parent / "snapshots" / "chat_transcript.txt"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"  # read at import: the autouse clean_environ runs later

LINES = [
    "We have a written city strategy, adopted by the council in 2019 [L2]",
    "yes",
    "same",
    "Every department uses the shared data platform, and usage is reported to the board each quarter; "
    "the platform team also runs an open data portal with more than 400 data sets, refreshed nightly, "
    "and a developer programme for local start-ups [L3]",
    "4 because an external audit checks the platform every year",
    "5",
    "which standard helps with open data?",
    "don't know",
    "skip",
    "back",
    "status",
    "pause",
    "resume",
    "edit 1.1.1",
    "pause",
]


def _transcript(kb: KnowledgeBase, context: AppContext) -> str:
    answer_standards = build_interview_service(context).standards_answerer
    service = InterviewService(kb, FakeEngine(kb), context.database, answer_standards, clock=FixedClock())
    output = io.StringIO()
    console = Console(file=output, width=100, color_system=None, force_terminal=False, highlight=False)
    read = run_chat(service, "Snapshot 2026", "sam", console=console, stdin=io.StringIO("\n".join(LINES) + "\n"))
    assert read == len(LINES)
    return "\n".join(line.rstrip() for line in output.getvalue().splitlines()) + "\n"


def test_a_piped_interview_transcript_matches_the_snapshot(kb: KnowledgeBase, context: AppContext) -> None:
    transcript = _transcript(kb, context)
    if UPDATE:
        SNAPSHOT.write_text(transcript, encoding="utf-8")
    assert SNAPSHOT.exists(), f"no snapshot yet: run with UPDATE_SNAPSHOTS=1 to write {SNAPSHOT}"
    expected = SNAPSHOT.read_text(encoding="utf-8")
    assert transcript == expected, (
        "the chat transcript changed; if that is intended, regenerate with UPDATE_SNAPSHOTS=1 and review the diff")
    assert "Your earlier answer: \u201cWe have a written city strategy" in transcript  # edit shows it
    for line in LINES[:3] + ["status", "pause"]:
        assert f"> {line}" in transcript  # every piped line is echoed
    assert "… (" in transcript and "characters)" in transcript  # a long line is shortened for display only
