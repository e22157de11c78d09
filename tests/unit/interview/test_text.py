"""Reading what people type: commands, levels, answers; control characters removed."""

from __future__ import annotations

import pytest

from bot.interview.messages import EventKind, InterviewEvent
from bot.interview.text import InputKind, clean_text, parse_event, parse_text


@pytest.mark.parametrize(("text", "kind", "level", "rest"), [
    ("help", InputKind.HELP, None, ""),
    ("Status.", InputKind.STATUS, None, ""),
    ("back", InputKind.BACK, None, ""),
    ("skip", InputKind.SKIP, None, ""),
    ("pause", InputKind.PAUSE, None, ""),
    ("resume", InputKind.RESUME, None, ""),
    ("Yes", InputKind.CONFIRM, None, ""),
    ("I don't know", InputKind.DONT_KNOW, None, ""),
    ("not sure", InputKind.DONT_KNOW, None, ""),
    ("same", InputKind.SAME, None, ""),
    ("3", InputKind.LEVEL, 3, ""),
    ("level 4", InputKind.LEVEL, 4, ""),
    ("3 because we have a plan", InputKind.LEVEL, 3, "we have a plan"),
    ("2: nobody owns it", InputKind.LEVEL, 2, "nobody owns it"),
    ("7", InputKind.INVALID_LEVEL, None, "7"),
    ("0", InputKind.INVALID_LEVEL, None, "0"),
    ("9 because", InputKind.INVALID_LEVEL, None, "9 because"),
    ("edit 1.2.1", InputKind.EDIT, None, "1.2.1"),
    ("change 2.1.1", InputKind.EDIT, None, "2.1.1"),
    ("edit", InputKind.EDIT, None, ""),
    ("/edit 4.1", InputKind.EDIT, None, "4.1"),
    ("which standard helps with open data?", InputKind.STANDARDS, None, "which standard helps with open data?"),
    ("standard open data", InputKind.STANDARDS, None, "open data"),
    ("/standards open data", InputKind.STANDARDS, None, "open data"),
    ("/dontknow", InputKind.DONT_KNOW, None, ""),
    ("/frobnicate", InputKind.UNKNOWN_COMMAND, None, "/frobnicate"),
    ("", InputKind.EMPTY, None, ""),
    ("answer: skip", InputKind.ANSWER, None, "skip"),
    ("answer:", InputKind.EMPTY, None, ""),
])
def test_commands_and_levels(text: str, kind: InputKind, level: int | None, rest: str) -> None:
    parsed = parse_text(text)
    assert (parsed.kind, parsed.level, parsed.text) == (kind, level, rest)


@pytest.mark.parametrize("answer", [
    "2019 we adopted a strategy",  # a year is not a level
    "Changes are slow here",  # not "change <id>"
    "Standards are followed by every department of the city, and we audit them every single year",
    "We have a vision. Yes, it is published.",
    "skipping is not an option for us",
])
def test_ordinary_sentences_are_answers(answer: str) -> None:
    assert parse_text(answer).kind == InputKind.ANSWER


def test_control_characters_and_escape_sequences_are_removed_newlines_kept() -> None:
    assert clean_text("\x1b[31mred\x1b[0m a\x00b\x07c\r\nnext\tline  ") == "red abc\nnext\tline"
    assert clean_text("\x00\x01\x02") == ""
    assert clean_text("café 👍🏽 São Paulo") == "café 👍🏽 São Paulo"


def test_events_from_buttons_read_like_typed_words() -> None:
    assert parse_event(InterviewEvent(kind=EventKind.CONFIRM)).kind == InputKind.CONFIRM
    assert parse_event(InterviewEvent(kind=EventKind.SKIP)).kind == InputKind.SKIP
    assert parse_event(InterviewEvent(kind=EventKind.DONT_KNOW)).kind == InputKind.DONT_KNOW
    chosen = parse_event(InterviewEvent(kind=EventKind.CHOOSE_LEVEL, level=2, reason=" no budget\x00 "))
    assert (chosen.kind, chosen.level, chosen.text) == (InputKind.LEVEL, 2, "no budget")
    assert parse_event(InterviewEvent(kind=EventKind.CHOOSE_LEVEL)).kind == InputKind.INVALID_LEVEL
    started = parse_event(InterviewEvent(kind=EventKind.START, dimension="3"))
    assert (started.kind, started.dimension) == (InputKind.START, "3")
    assert parse_event(InterviewEvent(kind=EventKind.TEXT, text="\x07help\x07")).kind == InputKind.HELP
