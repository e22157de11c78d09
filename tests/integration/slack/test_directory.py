"""Which assessment a Slack person means, and what they may learn of the others, read from SQLite."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.adapters.slack.directory import RefusedForPerson, SlackDirectory
from bot.errors import NotFoundError
from bot.knowledge import KnowledgeBase
from bot.services import assessments
from bot.storage import Database

NOW = datetime(2026, 3, 1, 12, 0)


@pytest.fixture
def directory(tmp_path: Path, kb: KnowledgeBase) -> SlackDirectory:
    database = Database.from_url(f"sqlite:///{tmp_path / 'd.db'}")
    assessments.create(database, kb, NOW, name="Old 2025", community="Old", cycle="2025", facilitators=["UFAC"],
                       stakeholders=["UANA"])
    assessments.create(database, kb, NOW.replace(hour=13), name="New 2026", community="New", cycle="2026",
                       facilitators=["UFAC"], stakeholders=["UBOB"])
    return SlackDirectory(database)


def test_the_directory_finds_the_current_interview_and_the_newest_facilitated(directory: SlackDirectory) -> None:
    with pytest.raises(NotFoundError, match="not taking part in an assessment"):
        directory.current_interview("UEVE")
    assert directory.current_interview("UANA") == "Old 2025"
    assert directory.facilitated_assessment("UFAC") == "New 2026"
    assert directory.facilitated_assessment("UFAC", "Old 2025") == "Old 2025"
    assert directory.is_facilitator("Old 2025", "UFAC") and not directory.is_facilitator("Old 2025", "UANA")
    assert not directory.is_facilitator("Nowhere 2030", "UFAC")  # no such assessment: no error, no hint
    with pytest.raises(NotFoundError, match="do not facilitate"):
        directory.facilitated_assessment("UEVE")
    with pytest.raises(NotFoundError, match="no assessment named 'Nowhere 2030'"):
        directory.facilitated_assessment("UFAC", "Nowhere 2030")
    with pytest.raises(NotFoundError, match=r"Did you mean: Old 2025, New 2026\?"):
        directory.facilitated_assessment("UFAC", "Old 2024")  # a hint from the facilitator's own assessments


def test_a_stakeholder_is_told_only_facilitators_of_their_assessment_may(directory: SlackDirectory) -> None:
    with pytest.raises(RefusedForPerson, match="Only facilitators of 'Old 2025' can invite stakeholders"):
        directory.facilitated_assessment("UANA", doing="invite stakeholders")
    with pytest.raises(RefusedForPerson, match="Only facilitators of 'Old 2025' can see its progress"):
        directory.facilitated_assessment("UANA", "Old 2025", doing="see its progress")


def test_outsiders_learn_no_assessment_name(directory: SlackDirectory) -> None:
    for name in ("Old 2025", "Old 202", "New 2026"):
        with pytest.raises(NotFoundError) as refused:
            directory.facilitated_assessment("UEVE", name)
        assert "Did you mean" not in str(refused.value) and "2026" not in str(refused.value).replace(name, "")
    with pytest.raises(NotFoundError) as refused:
        directory.facilitated_assessment("UANA", "New 2026")  # exists, but Ana takes no part in it
    assert str(refused.value) == "You take part in no assessment named 'New 2026'. Did you mean: Old 2025?"
    with pytest.raises(NotFoundError) as refused:
        directory.facilitated_assessment("UANA", "Nwe 2026")
    assert "New 2026" not in str(refused.value)


def test_a_facilitator_who_writes_to_the_bot_is_told_what_they_can_do(directory: SlackDirectory) -> None:
    told = directory.facilitator_help("UFAC")
    assert told is not None and "*New 2026*, *Old 2025*" in told and "/assess invite" in told and "Home" in told
    assert directory.facilitator_help("UANA") is None


def test_each_question_about_a_person_is_one_query_whatever_their_number_of_assessments(
        directory: SlackDirectory) -> None:
    statements: list[str] = []
    event.listen(directory.database.engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_: statements.append(statement))
    for ask in (lambda: directory.current_interview("UANA"), lambda: directory.is_facilitator("Old 2025", "UFAC"),
                lambda: directory.facilitated_assessment("UFAC"), lambda: directory.facilitator_help("UFAC"),
                lambda: directory.card_may_still_apply("Old 2025", "UANA", None)):
        statements.clear()
        ask()
        assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
