"""An invalid byte in piped input costs at most its own character: the lines around it all arrive."""

from __future__ import annotations

import io

from rich.console import Console

from bot.adapters.terminal import chat

LINES = [b"3 because we publish it", b"4", b"status", b"Caf\xe9 culture \xff in the plan", b"skip"]


def test_strictly_decoded_input_keeps_every_line_and_marks_the_bad_bytes() -> None:
    strict = io.TextIOWrapper(io.BytesIO(b"\n".join(LINES) + b"\n"), encoding="utf-8", errors="strict")
    shown = io.StringIO()
    read = chat._reader(Console(file=shown, width=200), strict)
    got = []
    while (line := read()) is not None:
        got.append(line)
    assert got == ["3 because we publish it", "4", "status", "Caf\ufffd culture \ufffd in the plan", "skip"]
    assert "Line 4 holds bytes that are not valid utf-8" in shown.getvalue()
    assert "Line 1" not in shown.getvalue() and "Line 5" not in shown.getvalue()


def test_windows_line_endings_and_a_last_line_without_one() -> None:
    source = io.TextIOWrapper(io.BytesIO(b"first\r\nsecond"), encoding="utf-8")
    read = chat._reader(Console(file=io.StringIO()), source)
    assert [read(), read(), read()] == ["first", "second", None]


def test_a_typed_line_the_terminal_cannot_decode_is_asked_for_again() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers: list[object] = [UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "typed again"]
    shown = io.StringIO()
    console = Console(file=shown)

    def typed(prompt: str) -> str:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return str(answer)

    console.input = typed  # type: ignore[method-assign]
    read = chat._reader(console, Terminal())
    assert read() == "typed again"
    assert "please type it again" in shown.getvalue()
