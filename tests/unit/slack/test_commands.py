from __future__ import annotations

import pytest

from bot.adapters.slack.commands import (
    AssessAction,
    parse_assess_command,
    parse_standards_question,
)
from bot.errors import InvalidInputError


def test_new_takes_the_last_word_as_the_cycle() -> None:
    command = parse_assess_command("new  Port Riverton   2026 ")
    assert (command.action, command.community, command.cycle) == (AssessAction.NEW, "Port Riverton", "2026")
    assert command.new_assessment_name == "Port Riverton 2026"


def test_invite_reads_escaped_mentions_and_an_optional_assessment() -> None:
    command = parse_assess_command("invite <@U01ABC|ana> <@U02DEF> <@U01ABC> Riverton 2025")
    assert command.users == ["U01ABC", "U02DEF"]
    assert command.assessment == "Riverton 2025"
    assert parse_assess_command("INVITE <@U01ABC>").assessment is None


@pytest.mark.parametrize("text", ["", "  ", "help"])
def test_empty_or_help_is_help(text: str) -> None:
    assert parse_assess_command(text).action == AssessAction.HELP


@pytest.mark.parametrize("text, message", [
    ("new Riverton", "Usage: `/assess new"),
    ("invite ana bob", "mention people with @"),
    ("facilitator", "mention people with @"),
    ("frobnicate", "Unknown `/assess frobnicate`"),
])
def test_bad_commands_explain_themselves(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(")):
        parse_assess_command(text)


def test_status_and_report_name_an_assessment_or_none() -> None:
    assert parse_assess_command("status").assessment is None
    assert parse_assess_command("report Riverton 2026").assessment == "Riverton 2026"


def test_standards_question_drops_the_bot_mention() -> None:
    assert parse_standards_question("<@U000MMSSC>  which standard helps with open data?") == \
        "which standard helps with open data?"
    with pytest.raises(InvalidInputError, match="Ask a question"):
        parse_standards_question("<@U000MMSSC>   ")
    with pytest.raises(InvalidInputError, match="characters long"):
        parse_standards_question("x" * 10_001)
