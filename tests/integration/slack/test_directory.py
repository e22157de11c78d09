"""Which assessment a Slack person means, read from a real SQLite database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.adapters.slack.directory import SlackDirectory
from bot.errors import NotFoundError
from bot.interview import assessments
from bot.knowledge import KnowledgeBase
from bot.storage import Database

NOW = datetime(2026, 3, 1, 12, 0)


def test_the_directory_finds_the_current_interview_and_the_newest_facilitated(tmp_path: Path,
                                                                              kb: KnowledgeBase) -> None:
    database = Database.from_url(f"sqlite:///{tmp_path / 'd.db'}")
    directory = SlackDirectory(database)
    with pytest.raises(NotFoundError, match="not taking part in an assessment"):
        directory.current_interview("UANA")
    assessments.create(database, kb, NOW, name="Old 2025", community="Old", cycle="2025", facilitators=["UFAC"],
                       stakeholders=["UANA"])
    assessments.create(database, kb, NOW.replace(hour=13), name="New 2026", community="New", cycle="2026",
                       facilitators=["UFAC"], stakeholders=["UBOB"])
    assert directory.current_interview("UANA") == "Old 2025"
    assert directory.facilitated_assessment("UFAC") == "New 2026"
    assert directory.facilitated_assessment("UFAC", "Old 2025") == "Old 2025"
    assert directory.is_facilitator("Old 2025", "UFAC") and not directory.is_facilitator("Old 2025", "UANA")
    with pytest.raises(NotFoundError, match="do not facilitate"):
        directory.facilitated_assessment("UANA")
    with pytest.raises(NotFoundError, match="No assessment named"):
        directory.facilitated_assessment("UFAC", "Nowhere 2030")
    database.dispose()
