"""Snapshots of the terminal's Rich panels at 100 columns, box drawing included: a question and a suggestion.

Set UPDATE_SNAPSHOTS=1 to (re)write tests/unit/terminal/snapshots/*.txt; review the diff before committing.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from bot.adapters.terminal.render import render_replies
from bot.interview.messages import Horizon, Reply
from bot.interview.replies import question_reply, suggestion_reply
from bot.knowledge import KnowledgeBase, criterion_id
from bot.suggestion.models import Citation, CitationKind, Evidence, Suggestion
from tests.support.snapshots import assert_matches_snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots"
WIDTH = 100


def printed(replies: list[Reply]) -> str:
    console = Console(record=True, width=WIDTH, color_system=None, file=io.StringIO())
    render_replies(console, replies)
    return console.export_text()


def assert_snapshot(name: str, text: str) -> None:
    assert_matches_snapshot(SNAPSHOTS / f"{name}.txt", text, "the terminal output")


def test_a_question_panel_at_100_columns(kb: KnowledgeBase) -> None:
    text = printed([question_reply(kb, "1.1.1", Horizon.NOW, 1, 31)])
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert text.startswith("╭─ 1.1.1 An outcomes-focused city vision and strategy ─") and "╰─" in text
    assert_snapshot("question", text)


def test_a_suggestion_panel_at_100_columns(kb: KnowledgeBase) -> None:
    c = kb.characteristic("1.2.1")
    suggestion = Suggestion(
        characteristic=c.id, level=3, confidence=0.72, engine="fake", knowledge_version=kb.version,
        rationale="The answer describes a cross-department programme board that meets monthly and a shared "
                  "delivery plan adopted by the council.",
        citations=[Citation(kind=CitationKind.CRITERION, id=criterion_id(c.id, level), characteristic=c.id,
                            level=level, text=c.level(level).criteria) for level in (2, 3)],
        counter_evidence=[Evidence(quote="Residents are not involved in the board yet.", criterion=f"{c.id}/4/a")],
        follow_up="Do partners outside the council sit on the programme board?",
    )
    text = printed([suggestion_reply(kb, suggestion, Horizon.NOW)])
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert text.startswith("╭─ Suggestion ─") and "│ Not in place yet:" in text
    assert_snapshot("suggestion", text)
