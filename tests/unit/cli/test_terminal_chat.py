"""The terminal chat's reading of lines: long pastes on a real terminal, a clean transcript when piped."""

from __future__ import annotations

import io
import sys

import pytest
from rich.console import Console

from bot.adapters.terminal import chat


class _FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_reads_through_readline_so_long_pastes_are_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    # without readline a terminal in canonical mode keeps 4,095 characters of a line and drops the rest
    assert chat.enable_line_editing() is True and "readline" in sys.modules
    calls: list[str] = []
    monkeypatch.setattr(chat, "enable_line_editing", lambda: calls.append("on") or True)
    chat._reader(Console(file=io.StringIO()), io.StringIO("piped\n"))
    assert calls == []
    console = Console(file=io.StringIO())
    long_line = "We publish open data. " * 1_000
    monkeypatch.setattr(console, "input", lambda prompt: long_line)
    read = chat._reader(console, _FakeTerminal())
    assert calls == ["on"] and read() == long_line


def test_a_terminal_shows_that_a_slow_step_is_running_and_a_pipe_does_not() -> None:
    output = io.StringIO()
    console = Console(file=output, force_terminal=True, width=100)
    with chat._progress(console, interactive=True)():
        console.print("done")
    assert "first suggestion loads the language model" in output.getvalue()
    piped = io.StringIO()
    with chat._progress(Console(file=piped), interactive=False)():
        pass
    assert piped.getvalue() == ""


def test_a_piped_line_is_echoed_cleaned_and_long_lines_are_shortened_for_display_only() -> None:
    assert chat.echo_line("3 because we publish it") == "> 3 because we publish it"
    assert chat.echo_line("\x1b[31mWe have\x07 a   digital\tplan\x1b[0m") == "> We have a digital plan"
    shown = chat.echo_line("x" * 50_000)
    assert shown == "> " + "x" * (chat.ECHO_LIMIT - 1) + "… (50,000 characters)"
